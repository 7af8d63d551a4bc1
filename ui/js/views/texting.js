// Texting: what comes after an approved A2P Trust Product, for each business of the account
// in use — its brand, its campaigns on their Messaging Services and the numbers in them, in
// plain words with the one next step — and every number that cannot text US numbers yet,
// with why, then the toll-free numbers and their verifications. Registering a brand,
// making or fixing a campaign, choosing a service's numbers and verifying a toll-free
// number each open in this tab, in place of the list.

import { api } from '../api.js';
import { h, userText } from '../format.js';
import { errorPanel, focusOn } from '../ui.js';
import { brandActions, brandPanel } from './texting-brand.js';
import { campaignPanel } from './texting-campaign.js';
import { numbersPanel } from './texting-numbers.js';
import { tollfreeCard } from './tollfree.js';
import { tollfreePanel } from './tollfree-form.js';
import { reasonLine } from './campaign-fields.js';
import { nextAction, tone, usecaseWords } from '../texting-words.js';

/**
 * @typedef {import('../../types/commands').TextingView} TextingView
 * @typedef {import('../../types/commands').BusinessView} BusinessView
 * @typedef {import('../../types/commands').CampaignView} CampaignView
 * @typedef {import('../../types/commands').TollfreeView} TollfreeView
 */

/** A result older than this is read again when the tab is shown. */
const FRESH_MS = 15_000;

/** The Texting tab in `root`. @param {HTMLElement} root @param {{ onReenterCredentials: () => void }} options */
export function createTexting(root, { onReenterCredentials }) {
  const title = h('h1', { id: 'texting-title', tabindex: '-1' }, 'Texting');
  const refresh = h('button', { type: 'button', id: 'texting-refresh', class: 'secondary' }, 'Refresh');
  const status = h('p', { id: 'texting-status', class: 'muted', role: 'status' });
  const body = h('div', { id: 'texting-body' });
  const list = h('div', { id: 'texting-list' },
    h('div', { class: 'title-row' }, title, refresh),
    h('p', { class: 'lead' }, 'Texts reach US numbers once the business has an approved brand, a campaign that says what the texts are for, and its numbers in that campaign’s Messaging Service. Each business shows where it stands and the one thing to do next.'),
    status, body);
  const panel = h('div', { id: 'texting-panel', hidden: true });
  root.replaceChildren(list, panel);

  /** @type {TextingView | null} */
  let view = null;
  /** @type {TollfreeView | null} */
  let tollfree = null;
  let readAt = 0;
  let loading = false;

  async function load() {
    if (loading) return;
    loading = true;
    refresh.disabled = true;
    status.textContent = view ? 'Reading again…' : 'Reading the brands, campaigns and numbers…';
    try {
      [view, tollfree] = await Promise.all([api.loadTexting(), api.loadTollfree()]);
      readAt = Date.now();
      status.textContent = view.incomplete ?? '';
      render();
    } catch (error) {
      status.textContent = '';
      if (error.kind !== 'cancelled') body.replaceChildren(errorPanel(error, { onReenterCredentials }));
    } finally {
      loading = false;
      refresh.disabled = false;
    }
  }
  refresh.addEventListener('click', () => load());

  /** Shows a form in place of the list. @param {(el: HTMLElement) => void} fill */
  function open(fill) {
    list.hidden = true;
    panel.hidden = false;
    fill(panel);
  }
  /** Back to the list; `changed` reads it again. */
  function close(changed = false) {
    panel.hidden = true;
    panel.replaceChildren();
    list.hidden = false;
    focusOn(title);
    if (changed) load();
  }
  const common = { onCancel: () => close(), onDone: () => close(true), onReenterCredentials };

  function render() {
    if (!view) return;
    const v = view;
    let primaryGiven = false;
    const cards = v.businesses.map((b) => {
      const card = businessCard(b, v, !primaryGiven);
      primaryGiven ||= nextAction(b).act !== 'none';
      return card;
    });
    const register = v.choices.length
      ? h('section', { class: 'card', id: 'texting-register', 'aria-labelledby': 'texting-register-title' },
        h('h2', { id: 'texting-register-title' }, v.choices.length === 1 ? 'One business can register a brand' : `${v.choices.length} businesses can register a brand`),
        h('p', {}, 'Their Customer-Profile and A2P Trust Product are approved, but they have no brand yet, so they cannot text US numbers.'),
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'texting-register-open', class: primaryGiven ? 'secondary' : 'primary',
          onclick: () => open((el) => brandPanel(el, { ...common, choices: v.choices })) }, 'Register a brand…')))
      : null;
    if (register && !primaryGiven) primaryGiven = true;
    const empty = !v.businesses.length && !register
      ? h('div', { class: 'card', id: 'texting-empty' }, h('h2', {}, 'No business can text yet'),
        h('p', {}, 'Texting to US numbers starts from an approved Customer-Profile with an approved A2P Trust Product. Make the A2P Trust Product under Trust Products, and come back here once Twilio approves it.'))
      : null;
    const tf = tollfree;
    const tollfreeSection = tf?.numbers.length
      ? [tollfreeCard(tf, { primary: !primaryGiven, onAct: (n) => open((el) => tollfreePanel(el, { ...common, number: n, profiles: tf.profiles, mode: n.next === 'verify' ? 'new' : n.next === 'edit' ? 'edit' : 'restart' })) })]
      : [];
    body.replaceChildren(...cards, ...(register ? [register] : []), ...(empty ? [empty] : []), numbersCard(v), ...tollfreeSection);
  }

  /** One business: its chain, brand, campaigns and next step. @param {BusinessView} b @param {TextingView} v @param {boolean} primary */
  function businessCard(b, v, primary) {
    const next = nextAction(b);
    const id = `texting-${b.chain.brandSid ?? 'brand'}`;
    const pill = (/** @type {string} */ code, /** @type {string} */ words) => h('span', { class: `badge tone-${tone(code)}` }, words);
    const facts = h('dl', { class: 'facts' },
      h('dt', {}, 'Brand'), h('dd', {}, pill(b.statusCode, b.chain.brandStatus), b.mock ? ' (a test registration)' : ''),
      h('dt', {}, 'Kind'), h('dd', {}, b.kind),
      h('dt', {}, 'Identity'), h('dd', {}, b.identity),
      ...(b.score !== null ? [h('dt', {}, 'Score'), h('dd', {}, `${b.score} of 100`)] : []),
      h('dt', {}, 'A2P Trust Product'), h('dd', {}, userText(b.a2pName ?? 'Not in this account’s list', { max: 120 })));
    const reasons = b.reasons.length
      ? h('div', { class: 'reasons' }, h('h3', {}, 'Why Twilio did not approve the brand'),
        h('ul', {}, ...b.reasons.map(reasonLine)))
      : null;
    const nextButton = next.act === 'none' || next.act === 'resubmit-brand' ? null
      : h('button', { type: 'button', class: primary ? 'primary' : 'secondary', dataset: { act: next.act }, onclick: () => act(next.act, b, next.campaign, v) }, next.label);
    const campaigns = b.campaigns.length
      ? h('table', { class: 'list texting-campaigns' },
        h('caption', { class: 'visually-hidden' }, 'Campaigns'),
        h('thead', {}, h('tr', {}, ...['Messaging Service', 'Kind of texts', 'Campaign', 'Numbers'].map((t) => h('th', { scope: 'col' }, t)),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'What to do')))),
        h('tbody', {}, ...b.campaigns.map((c) => h('tr', { dataset: { campaign: c.step.campaignSid ?? '' } },
          h('td', {}, userText(c.step.serviceName || 'A service with no name', { max: 80 })),
          h('td', {}, userText(usecaseWords(c.step.usecase), { max: 60 })),
          h('td', {}, pill(c.statusCode, c.step.status)),
          h('td', {}, c.step.numbers.length ? c.step.numbers.map((n) => userText(n, { max: 20 })).flatMap((n, i) => (i ? [', ', n] : [n])) : 'None yet'),
          h('td', { class: 'row-actions' },
            c.statusCode === 'FAILED' && !c.highRisk ? h('button', { type: 'button', class: 'link-button', dataset: { act: 'fix-campaign' }, onclick: () => act('fix-campaign', b, c, v) }, 'Fix…') : '',
            h('button', { type: 'button', class: 'link-button', dataset: { act: 'numbers' }, onclick: () => act('add-numbers', b, c, v) }, 'Numbers…'))))))
      : null;
    const another = b.statusCode === 'APPROVED' && next.act !== 'create-campaign'
      ? h('button', { type: 'button', class: 'secondary', dataset: { act: 'create-campaign' }, onclick: () => act('create-campaign', b, null, v) }, 'Create another campaign…')
      : null;
    return h('section', { class: 'card texting-business', id, 'aria-labelledby': `${id}-name` },
      h('h2', { id: `${id}-name` }, userText(b.name, { max: 120 })),
      facts, reasons,
      h('p', { class: 'next' }, h('strong', {}, 'Next: '), b.chain.nextStepWords),
      h('div', { class: 'actions' }, nextButton, another),
      brandActions(b, { primary, onChanged: () => load(), onReenterCredentials }),
      campaigns);
  }

  /**
   * @param {string} what
   * @param {BusinessView} b
   * @param {CampaignView | null} campaign
   * @param {TextingView} v
   */
  function act(what, b, campaign, v) {
    if (what === 'create-campaign') open((el) => campaignPanel(el, { ...common, business: b, services: v.services, fix: null }));
    else if (what === 'fix-campaign' && campaign) open((el) => campaignPanel(el, { ...common, business: b, services: v.services, fix: campaign }));
    else if (what === 'add-numbers') {
      const service = v.services.find((s) => s.sid === campaign?.step.serviceSid);
      if (service) open((el) => numbersPanel(el, { ...common, service, services: v.services, numbers: v.numbers }));
    }
  }

  /** The numbers that cannot text US numbers yet. @param {TextingView} v */
  function numbersCard(v) {
    const gaps = v.numbersNotTexting;
    return h('section', { class: 'card', id: 'texting-numbers', 'aria-labelledby': 'texting-numbers-title' },
      h('h2', { id: 'texting-numbers-title' }, gaps.length ? 'Numbers that cannot text US numbers yet' : 'Every US number can text'),
      gaps.length
        ? h('ul', { class: 'number-gaps' }, ...gaps.map((g) => h('li', { dataset: { number: g.phoneNumber } },
          h('strong', {}, userText(g.phoneNumber, { max: 20 })), g.friendlyName && g.friendlyName !== g.phoneNumber ? [' (', userText(g.friendlyName, { max: 60 }), ')'] : '', ` — ${g.why}`)))
        : h('p', { class: 'muted' }, 'Each of the account’s US local numbers is in the Messaging Service of an approved campaign. Toll-free numbers need a toll-free verification instead.'));
  }

  return {
    /** Shown: read at once the first time, again in the background when old. */
    resume() {
      if (!view || Date.now() - readAt > FRESH_MS) load();
    },
    pause() {
      if (loading) {
        api.cancelLoad('texting', '').catch(() => {});
        api.cancelLoad('tollfree', '').catch(() => {});
      }
    },
    dispose() {
      this.pause();
      view = null;
      tollfree = null;
    },
  };
}
