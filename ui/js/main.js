// Starts the window and moves between its three views.

import { api } from './api.js';
import { confirmDialog, toast, errorPanel } from './ui.js';
import { h } from './format.js';
import { showCredentials } from './views/credentials.js';
import { showHome } from './views/home.js';
import { showProfile } from './views/profile.js';

const views = {
  credentials: document.getElementById('view-credentials'),
  home: document.getElementById('view-home'),
  profile: document.getElementById('view-profile'),
};

let status = null;
let current = null; // the profile view's controller while it is shown
let generation = 0; // bumps on every navigation so late answers for an old view are dropped

function show(name) {
  generation += 1;
  for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
  if (name !== 'profile') current = null;
  document.getElementById('main').focus();
  return generation;
}

function renderAccount() {
  const account = document.getElementById('account');
  const demo = status?.storage === 'demo';
  document.getElementById('demo-banner').hidden = !demo;
  document.body.classList.toggle('demo', demo);
  if (!status?.connected || demo) {
    account.hidden = !demo || !status?.connected;
    document.getElementById('account-text').textContent = demo ? 'Demo account' : '';
    document.getElementById('change-credentials').hidden = demo;
    document.getElementById('forget-credentials').hidden = demo;
    return;
  }
  const c = status.connected;
  const how = c.authKind === 'api-key' ? `API Key ${c.apiKeySid}` : 'Auth Token';
  const where = status.storage === 'session' ? ' (this session only)' : '';
  document.getElementById('account-text').textContent = `Connected: ${c.accountSid} · ${how}${where}`;
  document.getElementById('change-credentials').hidden = false;
  document.getElementById('forget-credentials').hidden = false;
  account.hidden = false;
}

async function leaveProfileIfAllowed() {
  if (!current?.isDirty()) return true;
  return confirmDialog('Discard your changes?', 'This profile has changes that are not saved. If you leave now, they are lost.', 'Discard changes');
}

function goCredentials({ cancellable = false } = {}) {
  show('credentials');
  renderAccount();
  showCredentials(views.credentials, status, {
    onConnected: (next) => { status = next; renderAccount(); toast('Connected. Your credentials are saved.'); goHome(); },
    onDemo: startDemo,
    onCancel: cancellable && status?.connected ? goHome : null,
  });
}

async function reenterCredentials() {
  if (await leaveProfileIfAllowed()) goCredentials({ cancellable: true });
}

function goHome() {
  show('home');
  renderAccount();
  showHome(views.home, { onOpen: openProfile, onReenterCredentials: reenterCredentials });
}

async function openProfile(sid) {
  const mine = show('profile');
  current = showProfile(views.profile, sid, {
    onBack: async () => { if (await leaveProfileIfAllowed()) goHome(); },
    onReenterCredentials: reenterCredentials,
    isCurrent: () => mine === generation,
    isDemo: () => status?.storage === 'demo',
  });
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
  // Closing the window with unsaved edits asks first, like leaving the profile does.
  window.__TAURI__.window.getCurrentWindow().onCloseRequested(async (event) => {
    if (!(await leaveProfileIfAllowed())) event.preventDefault();
  });
  document.getElementById('forget-credentials').addEventListener('click', async () => {
    const ok = await confirmDialog('Forget these credentials?',
      'TrustHub Desk will delete them from your keyring. Your Twilio account and profiles are not changed. You will need to enter the credentials again to connect.',
      'Forget credentials');
    if (!ok) return;
    try {
      status = await api.forgetCredentials();
      toast('Your credentials were deleted from the keyring.');
      goCredentials();
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
