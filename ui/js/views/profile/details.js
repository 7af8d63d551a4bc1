// "As Twilio holds it": a profile's fields in words, and, closed unless opened, its
// technical details (identifiers, policy, API address) with their Copy buttons. Fixed
// rows, filled again per profile. The buttons below open the records it links to.

import { api } from '../../api.js';
import { h, localDate, userText, fillUserText, twilioWords } from '../../format.js';
import { sidSlot, BoundedCache } from '../../ui.js';

/**
 * @typedef {import('../../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {'evaluations' | 'entity-assignments' | 'channel-endpoint-assignments'} LinkedList
 */

/** Policy names: they never change; a few are enough. */
const policyNames = new BoundedCache(20);

/** Forgets what was cached about the previous account. */
export function clearPolicyNames() {
  policyNames.clear();
}

/**
 * The details card's content. `onOpenList(which)` opens one of the linked lists.
 * @param {{ onOpenList: (which: LinkedList) => void }} options
 */
export function createDetails({ onOpenList }) {
  const title = h('h2', { id: 'details-title', tabindex: '-1' }, 'As Twilio holds it');
  const facts = {
    name: h('bdi'),
    email: h('bdi'), callback: h('bdi'), sid: sidSlot(), account: sidSlot(),
    policyName: h('span'), policy: sidSlot(), validUntil: h('span'), created: h('span'), updated: h('span'),
    url: h('bdi'),
  };
  /** @param {LinkedList} which @param {string} label */
  const linkButton = (which, label) => h('button', { type: 'button', class: 'secondary', id: `open-${which}`, onclick: () => onOpenList(which) }, label);
  const linkButtons = {
    'entity-assignments': linkButton('entity-assignments', 'Records this profile uses'),
    'channel-endpoint-assignments': linkButton('channel-endpoint-assignments', 'Phone numbers'),
    evaluations: linkButton('evaluations', 'Twilio’s checks'),
  };
  /** @param {[string, Node][]} rows */
  const list = (rows) => h('dl', {}, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  const technical = h('details', { class: 'technical', id: 'technical-details' },
    h('summary', {}, 'Technical details'),
    h('p', { class: 'help' }, 'For a developer or Twilio’s support: what Twilio calls this profile.'),
    list([
      ['Profile SID', facts.sid.el],
      ['Account SID', facts.account.el],
      ['Policy', h('span', { id: 'policy-name' }, facts.policyName, facts.policy.el)],
      ['API address', h('code', { class: 'wrap' }, facts.url)],
    ]));
  const loading = h('p', { class: 'muted' }, 'Loading…');
  const body = h('div', { hidden: true },
    list([
      ['Name', facts.name],
      ['Notification e-mail', facts.email],
      ['Status-change web address', facts.callback],
      ['Valid until', facts.validUntil],
      ['Created', facts.created],
      ['Last updated', facts.updated],
    ]),
    technical,
    h('h3', {}, 'What it links to'),
    h('div', { class: 'actions link-buttons' }, Object.values(linkButtons)));
  const el = h('div', { class: 'card' }, title, h('div', { class: 'details', id: 'profile-details' }, loading, body));

  /** Shows the policy's name beside its SID, once known. @param {string} policySid @param {() => boolean} isCurrent */
  async function policyName(policySid, isCurrent) {
    if (!policySid) return;
    try {
      const policy = await policyNames.get(policySid, () => api.fetchPolicy(policySid));
      if (isCurrent() && policy.friendly_name) facts.policyName.replaceChildren(userText(twilioWords(policy.friendly_name), { max: 200 }), ' ');
    } catch {
      // The SID stays shown; the name is a comfort, not essential.
    }
  }

  return {
    el,
    title,
    /** Says it is loading, or why it could not load (`words`). */
    loading(words = 'Loading…') {
      loading.textContent = words;
      loading.hidden = false;
      body.hidden = true;
    },
    /**
     * Shows `p` as Twilio holds it; `isCurrent` tells whether it is still the profile shown.
     * @param {CustomerProfile} p
     * @param {() => boolean} isCurrent
     */
    show(p, isCurrent) {
      fillUserText(facts.name, p.friendly_name);
      fillUserText(facts.email, p.email);
      fillUserText(facts.callback, p.status_callback);
      facts.sid.set(p.sid);
      facts.account.set(p.account_sid);
      facts.policyName.replaceChildren();
      facts.policy.set(p.policy_sid);
      facts.validUntil.textContent = localDate(p.valid_until);
      facts.created.textContent = localDate(p.date_created);
      facts.updated.textContent = localDate(p.date_updated);
      fillUserText(facts.url, p.url, { max: 200 });
      const links = p.links ?? { customer_profiles_evaluations: null, customer_profiles_entity_assignments: null, customer_profiles_channel_endpoint_assignment: null };
      linkButtons.evaluations.disabled = !links.customer_profiles_evaluations;
      linkButtons['entity-assignments'].disabled = !links.customer_profiles_entity_assignments;
      linkButtons['channel-endpoint-assignments'].disabled = !links.customer_profiles_channel_endpoint_assignment;
      loading.hidden = true;
      body.hidden = false;
      policyName(p.policy_sid, isCurrent);
    },
  };
}
