// First-run screen: enter Twilio credentials (or start the demo).

import { api } from '../api.js';
import { h } from '../format.js';
import { busy, errorPanel } from '../ui.js';

const SID_HELP = {
  accountSid: 'Starts with AC. Find it on the Twilio Console home page, under “Account Info”.',
  apiKeySid: 'Starts with SK. Create one under Account › API keys & tokens.',
};

/** @typedef {import('../../types/commands').ConnectionStatus} ConnectionStatus */

/**
 * Renders the form into `root`. `status` is the app's connection status; `onConnected`
 * receives the new status once the credentials are checked and kept.
 * @param {HTMLElement} root
 * @param {ConnectionStatus} status
 * @param {{ onConnected: (next: ConnectionStatus) => void, onDemo: () => void, onCancel: (() => void) | null, adding?: boolean }} options
 */
export function showCredentials(root, status, { onConnected, onDemo, onCancel, adding = false }) {
  const keyringMissing = status.keyringProblem?.kind === 'keyring-unavailable';
  let kind = 'auth-token';

  const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const accountSid = field('accountSid', 'Account SID', 'text', SID_HELP.accountSid, 'ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
  const apiKeySid = field('apiKeySid', 'API Key SID', 'text', SID_HELP.apiKeySid, 'SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
  const secret = field('secret', 'Auth Token', 'password', 'Click “Show” next to Auth Token on the Twilio Console home page, then copy it.');
  apiKeySid.wrap.hidden = true;
  const label = field('label', 'Name for this account (optional)', 'text', 'Helps you tell your accounts apart, for example “Production” or “Client: Acme”.', 'Production');

  const sessionOnly = h('input', { type: 'checkbox', id: 'session-only', name: 'sessionOnly' });
  const sessionRow = h('div', { class: 'checkbox-row', hidden: !keyringMissing },
    sessionOnly, h('label', { for: 'session-only' }, 'Use these credentials for this session only. They are kept in memory and forgotten when TrustHub Desk closes; nothing is written to disk.'));

  const kindChoice = h('fieldset', { class: 'kind-choice' },
    h('legend', {}, 'How do you sign in to Twilio’s API?'),
    radio('auth-token', 'With my Auth Token', true),
    radio('api-key', 'With an API Key (recommended by Twilio)', false));

  /** @param {string} value @param {string} label @param {boolean} checked */
  function radio(value, label, checked) {
    const id = `kind-${value}`;
    return h('div', { class: 'radio-row' },
      h('input', { type: 'radio', name: 'kind', id, value, checked, onchange: () => setKind(value) }),
      h('label', { for: id }, label));
  }

  /** @param {string} value */
  function setKind(value) {
    kind = value;
    apiKeySid.wrap.hidden = value !== 'api-key';
    secret.label.textContent = value === 'api-key' ? 'API Key Secret' : 'Auth Token';
    secret.help.textContent = value === 'api-key'
      ? 'Shown once when the API key was created. If you no longer have it, create a new key.'
      : 'Click “Show” next to Auth Token on the Twilio Console home page, then copy it.';
  }

  const submit = h('button', { type: 'submit', id: 'connect', class: 'primary' }, 'Connect');
  const form = h('form', { class: 'card credentials-form', novalidate: true, onsubmit: connect },
    kindChoice, accountSid.wrap, apiKeySid.wrap, secret.wrap, label.wrap, sessionRow, message,
    h('div', { class: 'actions' }, submit,
      onCancel ? h('button', { type: 'button', class: 'secondary', onclick: onCancel }, 'Cancel') : null));

  const keyringNote = keyringMissing
    ? h('div', { class: 'notice warning', role: 'status', id: 'keyring-missing' },
      h('strong', {}, 'This computer has no keyring service. '),
      'TrustHub Desk keeps credentials only in your system keyring, never in a file. You can still connect for this session: tick the box below. To keep them between sessions, install and start a keyring such as GNOME Keyring or KWallet.')
    : status.keyringProblem
      ? h('div', { class: 'notice warning', role: 'status' }, status.keyringProblem.message)
      : null;

  root.replaceChildren(...[
    h('h1', { id: 'credentials-title' }, adding ? 'Add another Twilio account' : 'Connect to your Twilio account'),
    h('p', { class: 'lead' }, adding
      ? 'Each account’s credentials are kept in your computer’s keyring. Switch between accounts with the list at the top of the window.'
      : 'Enter your Twilio credentials once. TrustHub Desk checks them with Twilio, then keeps them in your computer’s keyring, not in a file.'),
    keyringNote,
    form,
    adding ? null : h('div', { class: 'demo-offer card' },
      h('h2', {}, 'Just looking?'),
      h('p', {}, 'Try every feature with made-up profiles. Nothing is sent to Twilio.'),
      h('button', { type: 'button', id: 'try-demo', class: 'secondary', onclick: onDemo }, 'Try the demo (no Twilio account needed)')),
  ].filter(Boolean));
  accountSid.input.focus();

  /** @param {SubmitEvent} event */
  async function connect(event) {
    event.preventDefault();
    for (const f of [accountSid, apiKeySid, secret, label]) f.setError('');
    message.replaceChildren();
    submit.disabled = true;
    const input = {
      accountSid: accountSid.input.value,
      apiKeySid: kind === 'api-key' ? apiKeySid.input.value : null,
      secret: secret.input.value,
      label: label.input.value.trim() || null,
      sessionOnly: sessionOnly.checked,
    };
    try {
      const next = await busy(() => api.saveCredentials(input));
      secret.input.value = '';
      onConnected(next);
    } catch (error) {
      /** @type {Record<string, ReturnType<typeof field>>} */
      const fields = { accountSid, apiKeySid, secret };
      const target = fields[error.field];
      if (target) {
        target.setError(error.message);
        target.input.focus();
      } else {
        message.replaceChildren(errorPanel(error));
      }
      if (error.kind === 'keyring-unavailable') {
        sessionRow.hidden = false;
        sessionOnly.focus();
      }
    } finally {
      submit.disabled = false;
    }
  }
}

/**
 * One labelled input with its help and its error.
 * @param {string} name @param {string} labelText @param {string} type @param {string} helpText
 */
function field(name, labelText, type, helpText, placeholder = '') {
  const id = `cred-${name}`;
  const label = h('label', { for: id }, labelText);
  const input = h('input', {
    id, name, type, autocomplete: 'off', spellcheck: 'false', placeholder,
    'aria-describedby': `${id}-help ${id}-error`,
  });
  const help = h('p', { class: 'help', id: `${id}-help` }, helpText);
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const wrap = h('div', { class: 'field' }, label, input, help, error);
  return {
    wrap, input, label, help,
    /** @param {string} text */
    setError(text) {
      error.textContent = text;
      input.setAttribute('aria-invalid', text ? 'true' : 'false');
    },
  };
}
