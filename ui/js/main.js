// Starts the window and moves between its three views.

import { api } from './api.js';
import { confirmDialog, toast, errorPanel } from './ui.js';
import { h } from './format.js';
import { showCredentials } from './views/credentials.js';
import { createHome } from './views/home.js';
import { createProfileView, clearProfileCaches } from './views/profile.js';
import { clearLinkedCaches } from './views/linked-lists.js';

const views = {
  credentials: document.getElementById('view-credentials'),
  home: document.getElementById('view-home'),
  profile: document.getElementById('view-profile'),
};

let status = null;
let current = null; // the profile view's controller while it is shown
let shown = null; // the name of the view shown
// The list and the profile view are built once per account and reused: a day of visits
// builds no new views (see docs/PERFORMANCE.md, "A day's work").
let home = null;
let profileView = null;
let generation = 0; // bumps on every navigation so late answers for an old view are dropped
let lastAccount = null; // whose data the views and caches hold

function show(name) {
  generation += 1;
  // The view that goes stops its loading and its listeners.
  if (shown === 'profile' && name !== 'profile') profileView?.leave();
  if (shown === 'home' && name !== 'home') home?.pause();
  if (name !== 'profile') current = null;
  shown = name;
  for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
  if (name !== 'credentials') views.credentials.replaceChildren();
  forgetOtherAccounts();
  return generation;
}

/** What was shown and cached (lists, names, policies) belongs to one account and one server. */
function forgetOtherAccounts() {
  const who = `${status?.storage}:${status?.server}:${status?.connected?.accountSid ?? ''}`;
  if (who === lastAccount) return;
  lastAccount = who;
  home?.dispose();
  home = null;
  profileView?.leave();
  profileView = null;
  views.home.replaceChildren();
  views.profile.replaceChildren();
  clearProfileCaches();
  clearLinkedCaches();
}

function renderAccount() {
  const account = document.getElementById('account');
  const demo = status?.storage === 'demo';
  const keyring = status?.storage === 'keyring';
  document.getElementById('demo-banner').hidden = !demo;
  // Whenever requests go anywhere but Twilio (and this is not the demo), it shows, and stays.
  const elsewhere = Boolean(status) && !demo && status.serverIsTwilio === false;
  document.getElementById('server-banner').hidden = !elsewhere;
  document.getElementById('server-origin').textContent = elsewhere ? status.server : '';
  document.body.classList.toggle('demo', demo);
  const accounts = keyring ? status.accounts ?? [] : [];
  const c = status?.connected;
  account.hidden = !c;
  for (const id of ['change-credentials', 'forget-credentials']) document.getElementById(id).hidden = demo || !c;
  document.getElementById('add-account').hidden = !keyring || !c;
  const switcher = document.getElementById('switcher');
  switcher.hidden = accounts.length < 2;
  const select = document.getElementById('account-switcher');
  select.replaceChildren(...accounts.map((a) => h('option', { value: a.accountSid, selected: a.accountSid === c?.accountSid }, a.label)));
  if (!c) return;
  if (demo) {
    document.getElementById('account-text').textContent = 'Demo account';
    return;
  }
  const how = c.authKind === 'api-key' ? `API Key ${c.apiKeySid}` : 'Auth Token';
  const where = status.storage === 'session' ? ' (this session only)' : '';
  const label = keyring ? labelOf(c.accountSid) : undefined;
  const who = label && accounts.length < 2 ? `${label}, ${c.accountSid}` : c.accountSid;
  document.getElementById('account-text').textContent = `Connected: ${who} · ${how}${where}`;
}

/** The name the person gave a saved account, if any. */
function labelOf(accountSid) {
  return status?.accounts?.find((a) => a.accountSid === accountSid)?.label;
}

async function switchAccount(accountSid) {
  if (!(await leaveProfileIfAllowed())) {
    renderAccount(); // puts the list back on the account in use
    return;
  }
  try {
    status = await api.switchAccount(accountSid);
    const label = labelOf(accountSid) ?? accountSid;
    toast(`Switched to ${label}.`);
    if (status.connected) goHome(); else goCredentials();
  } catch (error) {
    renderAccount();
    toast(error.message);
  }
}

async function leaveProfileIfAllowed() {
  if (!current?.isDirty()) return true;
  return confirmDialog('Discard your changes?', 'This profile has changes that are not saved. If you leave now, they are lost.', 'Discard changes');
}

function goCredentials({ cancellable = false, adding = false } = {}) {
  show('credentials');
  renderAccount();
  showCredentials(views.credentials, status, {
    adding,
    onConnected: (next) => {
      status = next;
      renderAccount();
      toast(next.storage === 'session' ? 'Connected for this session.' : 'Connected. Your credentials are saved in the keyring.');
      goHome();
    },
    onDemo: startDemo,
    onCancel: cancellable && status?.connected ? () => goHome() : null,
  });
}

async function reenterCredentials() {
  if (await leaveProfileIfAllowed()) goCredentials({ cancellable: true });
}

async function addAccount() {
  if (await leaveProfileIfAllowed()) goCredentials({ cancellable: true, adding: true });
}

function goHome(returningFrom = null) {
  show('home');
  renderAccount();
  if (home) {
    home.resume({ returnTo: returningFrom?.sid ?? null, changed: returningFrom?.profile ?? null });
  } else {
    home = createHome(views.home, { onOpen: openProfile, onReenterCredentials: reenterCredentials });
  }
}

async function openProfile(sid) {
  const mine = show('profile');
  profileView ??= createProfileView(views.profile, {
    onBack: async () => {
      if (!(await leaveProfileIfAllowed())) return;
      const left = profileView.current();
      goHome({ sid: left.sid, profile: left.profile });
    },
    onReenterCredentials: reenterCredentials,
    isDemo: () => status?.storage === 'demo',
  });
  current = profileView;
  profileView.open(sid, () => mine === generation);
}

async function startDemo() {
  try {
    status = await api.startDemo();
    goHome();
  } catch (error) {
    views.credentials.prepend(errorPanel(error));
  }
}

async function start() {
  document.getElementById('leave-demo').addEventListener('click', async () => {
    if (!(await leaveProfileIfAllowed())) return;
    status = await api.leaveDemo();
    if (status.connected) goHome(); else goCredentials();
  });
  document.getElementById('change-credentials').addEventListener('click', reenterCredentials);
  document.getElementById('add-account').addEventListener('click', addAccount);
  document.getElementById('account-switcher').addEventListener('change', (e) => switchAccount(e.target.value));
  // Closing the window with unsaved edits asks first, like leaving the profile does.
  window.__TAURI__.window.getCurrentWindow().onCloseRequested(async (event) => {
    if (!(await leaveProfileIfAllowed())) event.preventDefault();
  });
  document.getElementById('forget-credentials').addEventListener('click', async () => {
    const keyring = status?.storage === 'keyring';
    const c = status?.connected;
    const label = labelOf(c?.accountSid) ?? c?.accountSid;
    const ok = await confirmDialog(keyring ? `Forget ${label}?` : 'Forget these credentials?',
      `TrustHub Desk will delete the credentials of ${c?.accountSid ?? 'this account'} from ${keyring ? 'your keyring' : 'its memory'}. Your Twilio account and profiles are not changed. You will need to enter the credentials again to connect to it.`,
      'Forget credentials');
    if (!ok || !(await leaveProfileIfAllowed())) return;
    try {
      status = await api.forgetCredentials(c?.accountSid ?? null);
      toast(keyring ? `The credentials of ${label} were deleted from the keyring.` : 'The credentials were forgotten.');
      if (status.connected) goHome(); else goCredentials();
    } catch (error) {
      toast(error.message);
    }
  });

  try {
    status = await api.describeCredentials();
  } catch (error) {
    status = { connected: null, storage: 'keyring', keyringProblem: error };
  }
  if (status.connected) goHome(); else goCredentials();
}

start().catch((error) => {
  document.getElementById('main').replaceChildren(h('p', { role: 'alert' }, `TrustHub Desk could not start its window: ${error.message ?? error}`));
});
