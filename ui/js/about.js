// The About panel (version, licence, the project's page) and updates: a check when the
// window starts and from "Check for updates", a banner when a newer version exists, and a
// dialog with its notes that installs it only when the person says so. The app verifies
// every download's signature; a refusal is shown here in plain words.

import { api, listen } from './api.js';
import { fillUserText, localDate } from './format.js';
import { byId as $ } from './ui.js';

/**
 * @typedef {import('../types/commands').About} About
 * @typedef {import('../types/commands').UpdateCheck} UpdateCheck
 * @typedef {import('../types/commands').UpdateProgress} UpdateProgress
 */

/** @type {About | null} what about_app answered */
let about = null;
/** @type {UpdateCheck | null} the last check's answer, when it found a newer version */
let offer = null;
let canLeave = async () => true; // asks about unsaved edits before the window restarts

/**
 * Wires the About button and dialogs, then checks for a new version without a word unless one exists.
 * @param {{ confirmLeave: () => Promise<boolean> }} options
 */
export function setupAbout({ confirmLeave }) {
  canLeave = confirmLeave;
  $('about-open').addEventListener('click', openAbout);
  $('about-close').addEventListener('click', () => $('about-dialog', HTMLDialogElement).close());
  $('about-project').addEventListener('click', () => api.openProjectPage().catch((e) => { $('about-update-status').textContent = e.message; }));
  $('about-check', HTMLButtonElement).addEventListener('click', checkNow);
  $('update-banner-open').addEventListener('click', () => showOffer());
  $('update-banner-later').addEventListener('click', () => { $('update-banner').hidden = true; });
  $('update-later', HTMLButtonElement).addEventListener('click', () => $('update-dialog', HTMLDialogElement).close());
  $('update-install', HTMLButtonElement).addEventListener('click', install);
  listen('update-progress', showProgress);
  check({ quiet: true });
}

async function openAbout() {
  about ??= await api.aboutApp();
  $('about-version').textContent = `Version ${about.version}`;
  $('about-licence').textContent = `Published under the ${about.licence} licence. Free to use, change and share.`;
  $('about-how').hidden = !about.howToUpdate;
  $('about-how').textContent = about.howToUpdate ?? '';
  $('about-update-status').textContent = offer ? `Version ${offer.available.version} is available.` : '';
  $('about-dialog', HTMLDialogElement).showModal();
}

async function checkNow() {
  const status = $('about-update-status');
  const button = $('about-check', HTMLButtonElement);
  button.disabled = true;
  status.textContent = 'Checking for a new version…';
  try {
    const found = await check({ quiet: false });
    status.textContent = found.available
      ? `Version ${found.available.version} is available.`
      : `You have the newest version, ${found.current}.`;
    if (found.available) {
      $('about-dialog', HTMLDialogElement).close();
      showOffer();
    }
  } catch (error) {
    status.textContent = error.message;
  } finally {
    button.disabled = false;
  }
}

/**
 * Asks the app for the newest version. At start (`quiet`) a failure is only logged by the app.
 * @param {{ quiet: boolean }} options
 * @returns {Promise<UpdateCheck | null>}
 */
async function check({ quiet }) {
  /** @type {UpdateCheck} */
  let found;
  try {
    found = await api.checkForUpdate();
  } catch (error) {
    if (quiet) return null;
    throw error;
  }
  offer = found.available ? found : null;
  $('update-banner').hidden = !offer;
  if (offer) $('update-banner-text').textContent = `Version ${offer.available.version} of TrustHub Desk is available.`;
  return found;
}

function showOffer() {
  if (!offer) return;
  const { available, current, howToUpdate } = offer;
  $('update-title').textContent = `Version ${available.version} is available`;
  const published = available.date ? ` It was published on ${localDate(available.date)}.` : '';
  $('update-current').textContent = `You have version ${current}.${published} Installing it keeps your accounts and settings.`;
  $('update-notes-title').hidden = !available.notes;
  // One paragraph per line of the notes; within a line, text from outside is shown, never obeyed.
  const lines = (available.notes ?? '').split('\n').filter((line) => line.trim()).slice(0, 200);
  $('update-notes').replaceChildren(...lines.map((line) => {
    const p = document.createElement('p');
    fillUserText(p, line, { max: 600 });
    return p;
  }));
  $('update-notes').hidden = !available.notes;
  $('update-how').hidden = !howToUpdate;
  $('update-how').textContent = howToUpdate ?? '';
  $('update-install', HTMLButtonElement).hidden = Boolean(howToUpdate);
  $('update-error').hidden = true;
  $('update-progress-row').hidden = true;
  setWorking(false);
  $('update-dialog', HTMLDialogElement).showModal();
}

async function install() {
  if (!(await canLeave())) return;
  setWorking(true);
  $('update-error').hidden = true;
  $('update-progress-row').hidden = false;
  $('update-progress', HTMLProgressElement).removeAttribute('value');
  $('update-progress-text').textContent = 'Downloading the new version…';
  try {
    await api.installUpdate(); // on success the app starts again as the new version
  } catch (error) {
    $('update-progress-row').hidden = true;
    $('update-error').textContent = error.message;
    $('update-error').hidden = false;
    // The offer was used up: a new check fetches it again if the person retries.
    offer = null;
    $('update-banner').hidden = true;
    $('update-install', HTMLButtonElement).hidden = true;
    $('update-later', HTMLButtonElement).textContent = 'Close';
    setWorking(false);
  }
}

/** While downloading, the dialog's buttons wait. @param {boolean} on */
function setWorking(on) {
  $('update-install', HTMLButtonElement).disabled = on;
  $('update-later', HTMLButtonElement).disabled = on;
  if (!on) $('update-later', HTMLButtonElement).textContent = $('update-install', HTMLButtonElement).hidden ? 'Close' : 'Not now';
}

/** How far the download got. @param {UpdateProgress} progress */
function showProgress({ received, total }) {
  const bar = $('update-progress', HTMLProgressElement);
  const mb = (/** @type {number} */ n) => (n / 1048576).toFixed(1);
  if (total) {
    const percent = Math.min(100, Math.floor((received * 100) / total));
    bar.value = percent;
    $('update-progress-text').textContent = percent >= 100
      ? 'Checking the signature and installing…'
      : `Downloading the new version: ${percent}% (${mb(received)} of ${mb(total)} MB)`;
  } else {
    $('update-progress-text').textContent = `Downloading the new version: ${mb(received)} MB`;
  }
}
