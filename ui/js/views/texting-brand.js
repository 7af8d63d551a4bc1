// Brands: registering one for an approved Customer-Profile and A2P Trust Product (chosen
// from a list, with the kind of brand and what happens next), and what can be done about a
// registered one — resubmitting it (with the count left), its secondary vettings, and a
// sole proprietor's confirmation text sent again.

import { api } from '../api.js';
import { h, localDate, plainUserText, userText } from '../format.js';
import { busy, confirmDialog, errorPanel, focusOn, toast } from '../ui.js';
import { resubmitWords } from '../texting-words.js';

/**
 * @typedef {import('../../types/commands').BrandChoice} BrandChoice
 * @typedef {import('../../types/commands').BrandKind} BrandKind
 * @typedef {import('../../types/commands').BusinessView} BusinessView
 */

/** @type {{ kind: BrandKind, label: string, help: string }[]} */
const KINDS = [
  { kind: 'standard', label: 'Standard', help: 'A business with a tax number (in the US, the EIN). Twilio checks it with the carriers’ registry, then a secondary vetting may raise how many texts it can send.' },
  { kind: 'low-volume-standard', label: 'Low-volume standard', help: 'A business with a tax number that sends fewer than 6,000 texts a day to US numbers: no secondary vetting, a lower fee.' },
  { kind: 'sole-proprietor', label: 'Sole proprietor', help: 'A person or business without a tax number. Twilio texts a confirmation code to the mobile number in the A2P Trust Product; it must be answered within 24 hours.' },
];

/**
 * The form that registers a brand, in `root`.
 * @param {HTMLElement} root
 * @param {{ choices: BrandChoice[], onDone: () => void, onCancel: () => void, onReenterCredentials: () => void }} options
 */
export function brandPanel(root, { choices, onDone, onCancel, onReenterCredentials }) {
  const back = h('button', { type: 'button', class: 'link-button back', id: 'brand-back', onclick: onCancel }, '‹ Back to texting');
  const title = h('h1', { id: 'brand-title', tabindex: '-1' }, 'Register a brand');
  const pairs = choices.map((c, i) => h('div', { class: 'check-row' },
    h('input', { type: 'radio', name: 'brand-pair', id: `brand-pair-${i}`, value: String(i), checked: i === 0 }),
    h('label', { for: `brand-pair-${i}` }, userText(c.customerProfileName || 'A Customer-Profile with no name', { max: 120 }),
      h('span', { class: 'muted' }, ' — with the A2P Trust Product “', userText(c.a2pTrustProductName, { max: 120 }), '”'))));
  const kinds = KINDS.map((k, i) => h('div', { class: 'check-row choice' },
    h('input', { type: 'radio', name: 'brand-kind', id: `brand-kind-${k.kind}`, value: k.kind, checked: i === 0, 'aria-describedby': `brand-kind-${k.kind}-help` }),
    h('label', { for: `brand-kind-${k.kind}` }, k.label),
    h('p', { class: 'help', id: `brand-kind-${k.kind}-help` }, k.help)));
  const mock = h('input', { type: 'checkbox', id: 'brand-mock', 'aria-describedby': 'brand-mock-help' });
  const send = h('button', { type: 'submit', class: 'primary', id: 'brand-register' }, 'Register the brand…');
  const result = h('div', { id: 'brand-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', id: 'brand-form' },
    h('fieldset', { class: 'field' }, h('legend', {}, 'Which business?'),
      h('p', { class: 'help' }, 'Each approved Customer-Profile with an approved A2P Trust Product and no brand yet.'), ...pairs),
    h('fieldset', { class: 'field' }, h('legend', {}, 'What kind of brand?'), ...kinds),
    h('div', { class: 'field' }, h('div', { class: 'check-row' }, mock, h('label', { for: 'brand-mock' }, 'A test registration only')),
      h('p', { class: 'help', id: 'brand-mock-help' }, 'Twilio does not send a test registration to the carriers and charges nothing for it; its brand cannot send texts.')),
    h('div', { class: 'card what-next' }, h('h2', {}, 'What happens next'),
      h('p', {}, 'Twilio sends the business’s details to the carriers’ registry. Most brands are decided within minutes, some take a few days; the Texting area shows the decision, and TrustHub Desk tells you when it comes while it is open. Then the brand needs a campaign.')),
    h('div', { class: 'actions' }, send), result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    result.replaceChildren();
    const pair = choices[Number(/** @type {HTMLInputElement | null} */ (form.querySelector('input[name="brand-pair"]:checked'))?.value ?? -1)];
    const kind = /** @type {BrandKind} */ (/** @type {HTMLInputElement | null} */ (form.querySelector('input[name="brand-kind"]:checked'))?.value ?? 'standard');
    if (!pair) return;
    const fee = mock.checked
      ? 'This is a test registration: Twilio charges nothing and the brand cannot send texts.'
      : 'Twilio charges a one-time fee for each brand registration, and one for the secondary vetting of a standard brand.';
    const ok = await confirmDialog(`Register a brand for “${plainUserText(pair.customerProfileName, 60)}”?`, `${fee} The details sent are the Customer-Profile’s and the A2P Trust Product’s as Twilio approved them.`, 'Register the brand', send);
    if (!ok) return;
    send.disabled = true;
    try {
      const made = await busy(() => api.registerBrand({ customerProfileSid: pair.customerProfileSid, a2pTrustProductSid: pair.a2pTrustProductSid, kind, mock: mock.checked }));
      toast(made.existing ? 'This business already had a brand: nothing new was registered.' : 'The brand was registered. Twilio’s decision usually comes within minutes.');
      onDone();
    } catch (error) {
      const panel = errorPanel(error, { onReenterCredentials });
      result.replaceChildren(panel);
      focusOn(panel);
    } finally {
      send.disabled = false;
    }
  });
  root.replaceChildren(back, title, h('p', { class: 'lead' }, 'A brand is the business as the carriers know it: texts to US numbers need one, and a campaign on it.'), form);
  focusOn(title);
}

/**
 * What can be done about a registered brand: its actions and its secondary vettings.
 * @param {BusinessView} b
 * @param {{ primary: boolean, onChanged: () => void, onReenterCredentials: () => void }} options
 */
export function brandActions(b, { primary, onChanged, onReenterCredentials }) {
  const sid = b.chain.brandSid ?? '';
  const out = h('div', { class: 'brand-actions' });
  const result = h('div', { 'aria-live': 'polite' });
  const fail = (/** @type {import('../../types/commands').UiError} */ error) => {
    const panel = errorPanel(error, { onReenterCredentials });
    result.replaceChildren(panel);
    focusOn(panel);
  };
  const row = h('div', { class: 'actions' });
  if (b.statusCode === 'FAILED') {
    const resubmit = h('button', { type: 'button', class: primary && b.canResubmit ? 'primary' : 'secondary', dataset: { act: 'resubmit-brand' }, disabled: !b.canResubmit },
      b.canResubmit ? 'Resubmit the brand…' : 'No resubmission left');
    resubmit.addEventListener('click', async () => {
      if (!(await confirmDialog('Resubmit the brand?', resubmitWords(b.resubmissionsLeft), 'Resubmit and pay the review fee', resubmit))) return;
      resubmit.disabled = true;
      try {
        await busy(() => api.resubmitBrand(sid));
        toast('The brand was resubmitted. Twilio’s decision usually comes within minutes.');
        onChanged();
      } catch (error) {
        resubmit.disabled = false;
        fail(error);
      }
    });
    row.append(resubmit, h('span', { class: 'muted' }, b.resubmissionsLeft === 1 ? 'One resubmission left.' : `${b.resubmissionsLeft} resubmissions left.`));
  }
  if (b.soleProprietor && b.statusCode !== 'APPROVED') {
    const otp = h('button', { type: 'button', class: 'secondary', dataset: { act: 'resend-confirmation' } }, 'Send the confirmation text again');
    otp.addEventListener('click', async () => {
      otp.disabled = true;
      try {
        await busy(() => api.resendBrandConfirmation(sid));
        toast('Sent. The code in the text is valid for 24 hours.');
      } catch (error) {
        fail(error);
      } finally {
        otp.disabled = false;
      }
    });
    row.append(otp);
  }
  if (row.childElementCount) out.append(row);
  const list = h('div', { class: 'vettings' });
  const vettings = h('details', { class: 'vettings-box' }, h('summary', {}, 'Secondary vettings'), list);
  vettings.addEventListener('toggle', async () => {
    if (!vettings.open || list.dataset.read) return;
    list.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Reading…'));
    try {
      const lines = await api.brandVettings(sid);
      list.dataset.read = 'yes';
      list.replaceChildren(lines.length
        ? h('ul', {}, ...lines.map((v) => h('li', {}, userText(v.provider || 'A vetting provider', { max: 60 }), v.class ? [' (', userText(v.class, { max: 40 }), ')'] : '', `: ${v.status}`, v.date ? ` — ${localDate(v.date)}` : '')))
        : h('p', { class: 'muted' }, 'None yet. A standard brand is vetted by itself after approval; a low-volume standard brand is not.'));
    } catch (error) {
      list.replaceChildren(errorPanel(error, { onReenterCredentials }));
    }
  });
  out.append(vettings, result);
  return out;
}
