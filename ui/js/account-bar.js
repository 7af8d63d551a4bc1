// The top bar: the account menu (the account's name once; inside it, how it is connected,
// the other accounts to switch to, and adding, changing and forgetting credentials), and
// the banners of the demo and of a server that is not Twilio.

import { h } from './format.js';
import { byId } from './ui.js';

/** @typedef {import('../types/commands').ConnectionStatus} ConnectionStatus */

/**
 * Shows `status` in the top bar and the banners: which account is connected and how,
 * the demo's banner, and a banner that stays whenever requests go elsewhere than Twilio.
 * @param {ConnectionStatus | null} status
 */
export function renderAccountBar(status) {
  const account = byId('account');
  const demo = Boolean(status?.inDemo);
  const keyring = status?.storage === 'keyring';
  const sub = status?.subaccount;
  byId('demo-banner').hidden = !demo;
  // Whenever requests go anywhere but Twilio (and this is not the demo), it shows, and stays.
  const elsewhere = Boolean(status) && !demo && status.serverIsTwilio === false;
  byId('server-banner').hidden = !elsewhere;
  byId('server-origin').textContent = elsewhere ? status.server : '';
  document.body.classList.toggle('demo', demo);
  const accounts = keyring ? status.accounts ?? [] : [];
  const c = status?.connected;
  account.hidden = !c;
  for (const id of ['change-credentials', 'forget-credentials']) byId(id).hidden = demo || !c || Boolean(sub);
  byId('leave-subaccount').hidden = !sub;
  byId('add-account').hidden = !keyring || !c;
  const switcher = byId('switcher');
  switcher.hidden = accounts.length < 2;
  const select = byId('account-switcher', HTMLSelectElement);
  select.replaceChildren(...accounts.map((a) => h('option', { value: a.accountSid, selected: a.accountSid === c?.accountSid }, a.label)));
  if (!c) {
    byId('account-menu', HTMLDetailsElement).open = false;
    return;
  }
  const [name, how] = describe(status, accounts);
  byId('account-name').textContent = name;
  byId('account-text').textContent = how;
}

/**
 * The account's name for the menu's button, and how it is connected, for inside the menu.
 * @param {ConnectionStatus} status
 * @param {import('../types/commands').SavedAccount[]} accounts
 * @returns {[string, string]}
 */
function describe(status, accounts) {
  const c = status.connected;
  const sub = status.subaccount;
  if (sub) {
    const main = accountLabel(status, sub.parentSid) ?? (status.inDemo ? 'Demo account' : sub.parentSid);
    return [`Subaccount: ${sub.name ?? sub.accountSid}`, `Subaccount ${sub.accountSid} of ${main}. Its own Auth Token is used, for this session only.`];
  }
  if (status.inDemo) return ['Demo account', `Account ${c.accountSid}, made up: nothing is sent to Twilio.`];
  const how = c.authKind === 'api-key' ? `an API Key (${c.apiKeySid})` : 'its Auth Token';
  const where = status.storage === 'session' ? 'kept for this session only' : 'kept in your keyring';
  const label = status.storage === 'keyring' ? accountLabel(status, c.accountSid) : undefined;
  const also = accounts.length > 1 ? ` ${accounts.length} accounts are saved.` : '';
  return [label ?? c.accountSid, `Account ${c.accountSid}, connected with ${how}, ${where}.${also}`];
}

/**
 * The name the person gave a saved account, if any.
 * @param {ConnectionStatus | null} status
 * @param {string | null | undefined} accountSid
 */
export function accountLabel(status, accountSid) {
  return status?.accounts?.find((a) => a.accountSid === accountSid)?.label;
}
