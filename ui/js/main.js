// Starts the window and moves between its three views.

import { api } from './api.js';
import { byId, confirmDialog, toast, errorPanel } from './ui.js';
import { h } from './format.js';
import { showCredentials } from './views/credentials.js';
import { createHome, clearHomeCaches } from './views/home.js';
import { createProfileView, clearProfileCaches } from './views/profile/view.js';
import { clearLinkedCaches } from './views/linked-lists.js';
import { createNewBundle } from './views/new-bundle.js';
import { leftoversPanel } from './leftovers.js';
import { setupAbout } from './about.js';
import { createOverview, clearOverview } from './views/overview.js';
import { createTexting } from './views/texting.js';
import { setupWatch } from './watch.js';
import { accountLabel, renderAccountBar } from './account-bar.js';

const views = {
  credentials: document.getElementById('view-credentials'),
  home: document.getElementById('view-home'),
  profile: document.getElementById('view-profile'),
  create: document.getElementById('view-new'),
};
/**
 * @typedef {import('../types/commands').ConnectionStatus} ConnectionStatus
 * @typedef {import('../types/commands').BundleKind} BundleKind
 * @typedef {import('../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../types/commands').OverviewAccount} OverviewAccount
 * @typedef {BundleKind | 'texting' | 'overview'} Tab
 * @typedef {keyof typeof views} ViewName
 * @typedef {{ resume: (resume?: object) => void, pause: () => void, dispose: () => void,
 *   notify?: (el: HTMLElement) => void, decided?: (d: import('../types/commands').Decision) => void }} TabView
 * @typedef {{ kind?: Tab, sid?: string | null, profile?: CustomerProfile | null, deleted?: string | null,
 *   created?: CustomerProfile | null, notice?: HTMLElement | null }} Return where the person comes back from
 */

/** @type {BundleKind[]} */
const KINDS = ['customer-profile', 'trust-product'];
/** @type {Tab[]} the tabs of the home view: the two lists, texting, then the overview across accounts */
const TABS = [...KINDS, 'texting', 'overview'];

/** @type {ConnectionStatus | null} */
let status = null;
/** @type {ReturnType<typeof createProfileView> | null} the profile view's controller while it is shown */
let current = null;
/** @type {ViewName | null} the view shown */
let shown = null;
// The list and the profile view are built once per account and reused: a day of visits
// builds no new views (see docs/PERFORMANCE.md, "A day's work").
/** @type {Partial<Record<Tab, TabView>> | null} one view per tab */
let homes = null;
/** @type {Tab} the list shown */
let homeKind = 'customer-profile';
/** @type {{ buttons: Record<Tab, HTMLButtonElement>, panels: Record<Tab, HTMLElement> } | null} */
let tabs = null;
/** @type {ReturnType<typeof createProfileView> | null} */
let profileView = null;
let openedNew = false; // the profile shown was just created here (the list gains its row)
let backToOverview = false; // the profile shown was opened from the overview
let generation = 0; // bumps on every navigation so late answers for an old view are dropped
/** @type {string | null} whose data the views and caches hold */
let lastAccount = null;
/** @type {string | null} the server and mode the kept overview was read on */
let overviewOf = null;

/** The overview spans accounts: it belongs to the server and to the demo or not. */
function overviewOwner() {
  return `${status?.server}:${status?.inDemo ? 'demo' : 'real'}`;
}

/** Shows the view `name`, and stops what the view left was doing. @param {ViewName} name */
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

/** The top bar and the banners for the connection now in use. */
function renderAccount() {
  renderAccountBar(status);
}

/** The name the person gave a saved account, if any. @param {string | null | undefined} accountSid */
function labelOf(accountSid) {
  return accountLabel(status, accountSid);
}

/** @param {string} accountSid */
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
  return confirmDialog('Discard your changes?', 'This profile has changes that are not saved. If you leave now, they are lost.', 'Discard changes', undefined, { danger: true });
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
function goHome(/** @type {Return | null} */ returningFrom = null) {
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
  const labels = { 'customer-profile': 'Customer-Profiles', 'trust-product': 'Trust Products', texting: 'Texting', overview: 'Overview' };
  const buttons = /** @type {Record<Tab, HTMLButtonElement>} */ ({});
  const panels = /** @type {Record<Tab, HTMLElement>} */ ({});
  for (const k of TABS) {
    buttons[k] = h('button', {
      type: 'button', role: 'tab', id: `tab-${k}`, 'aria-controls': `panel-${k}`, class: 'tab',
      onclick: () => selectTab(k), onkeydown: (/** @type {KeyboardEvent} */ e) => {
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

/**
 * @param {Tab} kind
 * @param {{ returnTo?: string | null, changed?: CustomerProfile | null, deleted?: string | null,
 *   created?: CustomerProfile | null, notice?: HTMLElement | null }} [resume] what a list shows again
 */
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
      onOpenTexting: (account) => openFromOverview(account, null),
      onReenterCredentials: reenterCredentials,
    });
    homes.overview.resume();
  } else if (kind === 'texting') {
    homes.texting = createTexting(tabs.panels.texting, { onReenterCredentials: reenterCredentials });
    homes.texting.resume();
  } else {
    homes[kind] = createHome(tabs.panels[kind], { kind, onOpen: openProfile, onNew: startNew, onReenterCredentials: reenterCredentials });
    if (resume.notice) homes[kind].notify(resume.notice);
  }
}

/** The guided start of a new profile or trust product, or (with `copyOf`) a copy's name and e-mail. */
/** @param {BundleKind} kind @param {CustomerProfile | null} [copyOf] */
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

/** @param {string} sid @param {BundleKind} [kind] @param {{ guided?: boolean, fromOverview?: boolean }} [options] */
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

/** Opens a row of the overview under its account (switching to it, or into a subaccount), or with no row the account's Texting tab. */
/** @param {OverviewAccount} account @param {import('./overview-rows.js').Row | null} row */
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
    if (row) openProfile(row.sid, row.kind, { fromOverview: true });
    else goHome({ kind: 'texting' });
  } catch (error) {
    toast(error.message);
  }
}

/**
 * Opens what Twilio decided on (from the decisions bar or a clicked notification): a
 * profile, or the Texting tab for a brand or campaign.
 * @param {import('./watch.js').Target} target
 */
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
    // A brand's, campaign's or toll-free verification's decision is seen in the Texting tab.
    if (kind === 'brand' || kind === 'campaign' || kind === 'tollfree-verification') goHome({ kind: 'texting' });
    else openProfile(sid, kind);
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
  const switcher = byId('account-switcher', HTMLSelectElement);
  switcher.addEventListener('change', () => switchAccount(switcher.value));
  // The account menu closes like a menu: on a choice, a click elsewhere, or Escape.
  const menu = byId('account-menu', HTMLDetailsElement);
  byId('account-menu-panel').addEventListener('click', (e) => {
    if (e.target instanceof HTMLButtonElement) menu.open = false;
  });
  document.addEventListener('click', (e) => {
    if (menu.open && e.target instanceof Node && !menu.contains(e.target)) menu.open = false;
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.open) {
      menu.open = false;
      byId('account-menu-button').focus();
    }
  });
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
      keyring ? `Forget the credentials of ${label}` : 'Forget these credentials', byId('account-menu-button'), { danger: true });
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
    status = /** @type {ConnectionStatus} */ ({ connected: null, storage: 'keyring', keyringProblem: error, accounts: [] });
  }
  if (status.connected) goHome(); else goCredentials();
}

start().catch((error) => {
  document.getElementById('main').replaceChildren(h('p', { role: 'alert' }, `TrustHub Desk could not start its window: ${error.message ?? error}`));
});
