// Starts the window and moves between its three views.

import { api } from './api.js';
import { confirmDialog, toast, errorPanel } from './ui.js';
import { h } from './format.js';
import { showCredentials } from './views/credentials.js';
import { createHome, clearHomeCaches } from './views/home.js';
import { createProfileView, clearProfileCaches } from './views/profile.js';
import { clearLinkedCaches } from './views/linked-lists.js';
import { createNewBundle } from './views/new-bundle.js';
import { leftoversPanel } from './leftovers.js';
import { setupAbout } from './about.js';
import { createOverview, clearOverview } from './views/overview.js';
import { setupWatch } from './watch.js';

const views = {
  credentials: document.getElementById('view-credentials'),
  home: document.getElementById('view-home'),
  profile: document.getElementById('view-profile'),
  create: document.getElementById('view-new'),
};
const KINDS = ['customer-profile', 'trust-product'];
// The tabs of the home view: the two lists, then the overview across accounts.
const TABS = [...KINDS, 'overview'];

let status = null;
let current = null; // the profile view's controller while it is shown
let shown = null; // the name of the view shown
// The list and the profile view are built once per account and reused: a day of visits
// builds no new views (see docs/PERFORMANCE.md, "A day's work").
let homes = null; // one view per tab: { 'customer-profile': …, 'trust-product': …, overview: … }
let homeKind = 'customer-profile'; // the list shown
let tabs = null;
let profileView = null;
let openedNew = false; // the profile shown was just created here (the list gains its row)
let backToOverview = false; // the profile shown was opened from the overview
let generation = 0; // bumps on every navigation so late answers for an old view are dropped
let lastAccount = null; // whose data the views and caches hold
let overviewOf = null; // the server and mode the kept overview was read on

/** The overview spans accounts: it belongs to the server and to the demo or not. */
function overviewOwner() {
  return `${status?.server}:${status?.inDemo ? 'demo' : 'real'}`;
}

function show(name) {
  generation += 1;
  // The view that goes stops its loading and its listeners.
  if (shown === 'profile' && name !== 'profile') profileView?.leave();
  if (shown === 'home' && name !== 'home') homes?.[homeKind]?.pause();
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
  for (const k of TABS) homes?.[k]?.dispose();
  if (overviewOwner() !== overviewOf) { clearOverview(); overviewOf = overviewOwner(); }
  homes = null;
  tabs = null;
  homeKind = 'customer-profile';
  profileView?.leave();
  profileView = null;
  views.home.replaceChildren();
  views.profile.replaceChildren();
  views.create.replaceChildren();
  clearProfileCaches();
  clearLinkedCaches();
  clearHomeCaches();
}

function renderAccount() {
  const account = document.getElementById('account');
  const demo = Boolean(status?.inDemo);
  const keyring = status?.storage === 'keyring';
  const sub = status?.subaccount;
  document.getElementById('demo-banner').hidden = !demo;
  // Whenever requests go anywhere but Twilio (and this is not the demo), it shows, and stays.
  const elsewhere = Boolean(status) && !demo && status.serverIsTwilio === false;
  document.getElementById('server-banner').hidden = !elsewhere;
  document.getElementById('server-origin').textContent = elsewhere ? status.server : '';
  document.body.classList.toggle('demo', demo);
  const accounts = keyring ? status.accounts ?? [] : [];
  const c = status?.connected;
  account.hidden = !c;
  for (const id of ['change-credentials', 'forget-credentials']) document.getElementById(id).hidden = demo || !c || Boolean(sub);
  document.getElementById('leave-subaccount').hidden = !sub;
  document.getElementById('add-account').hidden = !keyring || !c;
  const switcher = document.getElementById('switcher');
  switcher.hidden = accounts.length < 2;
  const select = document.getElementById('account-switcher');
  select.replaceChildren(...accounts.map((a) => h('option', { value: a.accountSid, selected: a.accountSid === c?.accountSid }, a.label)));
  if (!c) return;
  if (sub) {
    const main = labelOf(sub.parentSid) ?? (demo ? 'Demo account' : sub.parentSid);
    document.getElementById('account-text').textContent = `Subaccount: ${sub.name ?? sub.accountSid} of ${main} · its own Auth Token, this session only`;
    return;
  }
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

/**
 * The two lists, Customer-Profiles and Trust Products, as tabs; each list is built the
 * first time it is shown and kept. `returningFrom` puts the focus back on the row left,
 * or on a notice (what a deleted draft left behind).
 */
function goHome(returningFrom = null) {
  show('home');
  renderAccount();
  const kind = returningFrom?.kind ?? homeKind;
  if (!tabs) buildTabs();
  selectTab(kind, {
    returnTo: returningFrom?.sid ?? null, changed: returningFrom?.profile ?? null,
    deleted: returningFrom?.deleted ?? null, created: returningFrom?.created ?? null, notice: returningFrom?.notice ?? null,
  });
}

function buildTabs() {
  const labels = { 'customer-profile': 'Customer-Profiles', 'trust-product': 'Trust Products', overview: 'Overview' };
  const buttons = {};
  const panels = {};
  for (const k of TABS) {
    buttons[k] = h('button', {
      type: 'button', role: 'tab', id: `tab-${k}`, 'aria-controls': `panel-${k}`, class: 'tab',
      onclick: () => selectTab(k), onkeydown: (e) => {
        if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
        const step = e.key === 'ArrowRight' ? 1 : TABS.length - 1;
        const other = TABS[(TABS.indexOf(k) + step) % TABS.length];
        selectTab(other);
        buttons[other].focus();
      },
    }, labels[k]);
    panels[k] = h('div', { role: 'tabpanel', id: `panel-${k}`, 'aria-labelledby': `tab-${k}`, hidden: true });
  }
  views.home.replaceChildren(h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'What to list' }, TABS.map((k) => buttons[k])),
    ...TABS.map((k) => panels[k]));
  tabs = { buttons, panels };
  homes = {};
}

function selectTab(kind, resume = {}) {
  if (homes[homeKind] && homeKind !== kind) homes[homeKind].pause();
  homeKind = kind;
  for (const k of TABS) {
    const on = k === kind;
    tabs.buttons[k].setAttribute('aria-selected', String(on));
    tabs.buttons[k].tabIndex = on ? 0 : -1;
    tabs.panels[k].hidden = !on;
  }
  if (homes[kind]) {
    homes[kind].resume(resume);
  } else if (kind === 'overview') {
    homes.overview = createOverview(tabs.panels.overview, {
      who: overviewOwner,
      canIncludeSubaccounts: () => status?.storage !== 'session' || status?.connected?.authKind === 'auth-token',
      onOpen: openFromOverview,
      onReenterCredentials: reenterCredentials,
    });
    homes.overview.resume();
  } else {
    homes[kind] = createHome(tabs.panels[kind], { kind, onOpen: openProfile, onNew: startNew, onReenterCredentials: reenterCredentials });
    if (resume.notice) homes[kind].notify(resume.notice);
  }
}

/** The guided start of a new profile or trust product, or (with `copyOf`) a copy's name and e-mail. */
function startNew(kind, copyOf = null) {
  const mine = show('create');
  createNewBundle(views.create, {
    kind,
    copyOf,
    isCurrent: () => mine === generation,
    isDemo: () => Boolean(status?.inDemo),
    onCreated: (profile) => openProfile(profile.sid, kind, { guided: true }),
    onCancel: () => (copyOf ? openProfile(copyOf.sid, kind) : goHome({ kind })),
    onReenterCredentials: reenterCredentials,
  });
}

async function openProfile(sid, kind = 'customer-profile', { guided = false, fromOverview = false } = {}) {
  const mine = show('profile');
  backToOverview = fromOverview;
  profileView ??= createProfileView(views.profile, {
    onBack: async () => {
      if (!(await leaveProfileIfAllowed())) return;
      const left = profileView.current();
      goHome({ sid: left.sid, profile: left.profile, kind: backToOverview ? 'overview' : left.kind, created: openedNew ? left.profile : null });
    },
    onDeleted: ({ sid: gone, kind: k, name, leftovers }) => {
      const notice = leftoversPanel(leftovers, {
        heading: `“${name}” was deleted.`,
        onReenterCredentials: reenterCredentials,
      });
      goHome({ kind: k, deleted: gone, notice });
    },
    onCopy: async (profile, k) => {
      if (await leaveProfileIfAllowed()) startNew(k, profile);
    },
    onReenterCredentials: reenterCredentials,
    isDemo: () => Boolean(status?.inDemo),
  });
  current = profileView;
  openedNew = guided;
  profileView.open(sid, () => mine === generation, kind, { guided, backLabel: fromOverview ? '‹ Overview' : null });
}

/** Opens a row of the overview under its account: switching to it, or into a subaccount. */
async function openFromOverview(account, row) {
  try {
    if (account.accountSid !== status?.connected?.accountSid) {
      if (account.parentSid) {
        status = await api.openSubaccount(account.accountSid);
      } else {
        if (status?.subaccount) status = await api.leaveSubaccount();
        if (account.accountSid !== status?.connected?.accountSid) status = await api.switchAccount(account.accountSid);
      }
    }
    renderAccount();
    openProfile(row.sid, row.kind, { fromOverview: true });
  } catch (error) {
    toast(error.message);
  }
}

/** Opens a profile Twilio decided on (from the decisions bar or a clicked notification). */
async function openDecided({ accountSid, kind, sid }) {
  if (!status?.connected || !(await leaveProfileIfAllowed())) return;
  try {
    if (accountSid !== status.connected.accountSid) {
      if ((status.accounts ?? []).some((a) => a.accountSid === accountSid)) {
        if (status.subaccount) status = await api.leaveSubaccount();
        if (accountSid !== status.connected?.accountSid) status = await api.switchAccount(accountSid);
      } else {
        status = await api.openSubaccount(accountSid);
      }
    }
    renderAccount();
    openProfile(sid, kind);
  } catch (error) {
    toast(error.message);
  }
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
  document.getElementById('leave-subaccount').addEventListener('click', async () => {
    if (!(await leaveProfileIfAllowed())) return;
    try {
      status = await api.leaveSubaccount();
      toast('Back in the main account.');
      if (status.connected) goHome(); else goCredentials();
    } catch (error) {
      toast(error.message);
    }
  });
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

  setupAbout({ confirmLeave: leaveProfileIfAllowed });
  setupWatch({ onOpen: openDecided, onDecision: (d) => homes?.overview?.decided?.(d) });

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
