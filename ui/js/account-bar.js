// The top bar: which account is connected and how, the account list to switch between,
// and the banners of the demo and of a server that is not Twilio.

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
  if (!c) return;
  if (sub) {
    const main = accountLabel(status, sub.parentSid) ?? (demo ? 'Demo account' : sub.parentSid);
    byId('account-text').textContent = `Subaccount: ${sub.name ?? sub.accountSid} of ${main} · its own Auth Token, this session only`;
    return;
  }
  if (demo) {
    byId('account-text').textContent = 'Demo account';
    return;
  }
  const how = c.authKind === 'api-key' ? `API Key ${c.apiKeySid}` : 'Auth Token';
  const where = status.storage === 'session' ? ' (this session only)' : '';
  const label = keyring ? accountLabel(status, c.accountSid) : undefined;
  const who = label && accounts.length < 2 ? `${label}, ${c.accountSid}` : c.accountSid;
  byId('account-text').textContent = `Connected: ${who} · ${how}${where}`;
}

/**
 * The name the person gave a saved account, if any.
 * @param {ConnectionStatus | null} status
 * @param {string | null | undefined} accountSid
 */
export function accountLabel(status, accountSid) {
  return status?.accounts?.find((a) => a.accountSid === accountSid)?.label;
}
