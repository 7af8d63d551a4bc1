// The business address of a requirement: choose one of the account's addresses or a new
// one, or correct the address in place.

import { api } from '../../api.js';
import { h } from '../../format.js';
import { busy, errorPanel, toast } from '../../ui.js';
import { addressForm, addressLines } from '../../address-form.js';

/**
 * @typedef {import('../../../types/commands').Block} Block
 * @typedef {import('../../../types/commands').AssignedObject} AssignedObject
 * @typedef {import('./section.js').Section} Section
 */

/**
 * A choice among the account's addresses, or a new one. `resolve(problems)` gives the
 * chosen address SID (creating the new address first), or null with the reason shown.
 * @param {Section} req
 * @param {string} idPrefix
 * @param {string | null} current the address SID chosen now
 */
export function addressPicker(req, idPrefix, current) {
  const select = /** @type {HTMLSelectElement} */ (h('select', { id: `${idPrefix}-address`, onchange: () => { newForm.el.hidden = select.value !== 'new'; } },
    h('option', { value: '' }, 'Loading the account’s addresses…')));
  const error = h('p', { class: 'field-error', 'aria-live': 'polite' });
  const newForm = addressForm(null, { idPrefix: `${idPrefix}-new` });
  newForm.el.hidden = true;
  const el = h('div', { class: 'field address-picker' },
    h('label', { for: select.id }, 'Address'), select, error, newForm.el);
  busy(() => api.listAddresses()).then((listing) => {
    select.replaceChildren(
      h('option', { value: '' }, 'Choose an address…'),
      ...listing.records.map((a) => h('option', { value: a.sid, selected: a.sid === current }, addressLines(a).join(' — ').slice(0, 160))),
      h('option', { value: 'new' }, 'A new address…'));
    if (!listing.records.length) { select.value = 'new'; newForm.el.hidden = false; }
  }).catch((e) => { error.textContent = e.message; });
  return {
    el,
    chosen: () => select.value,
    /** @param {HTMLElement} problems @returns {Promise<string | null>} */
    async resolve(problems) {
      if (select.value === 'new') {
        const bad = newForm.check();
        if (bad) { newForm.focus(bad); return null; }
        try {
          const made = await busy(() => api.createAddress(newForm.values()));
          return made.sid;
        } catch (e) {
          if (e.field) { newForm.setError(e.field, e.message); newForm.focus(e.field); } else problems.replaceChildren(errorPanel(e, req.ctx));
          return null;
        }
      }
      if (!select.value) {
        error.textContent = 'Choose an address, or “A new address…”.';
        select.focus();
        return null;
      }
      return select.value;
    },
  };
}

/**
 * Names another address (or a new one) in the record `object`.
 * @param {Section} req @param {Block} block @param {AssignedObject} object @param {HTMLElement} slot
 */
export async function openPickAddress(req, block, object, slot) {
  if (!(await req.slot.claim())) return;
  const current = object.addresses[0]?.sid ?? null;
  const picker = addressPicker(req, `pick-${object.objectSid}`, current);
  const save = h('button', { type: 'submit', class: 'editor-save' }, 'Use this address');
  const { form, problems } = req.slot.panel(slot, `The address of ${block.name}`, picker.el, [save, req.slot.cancelButton(slot)], {
    isDirty: () => Boolean(picker.chosen()) && picker.chosen() !== current,
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const here = req.live();
    const chosen = await picker.resolve(problems);
    if (!chosen || !here()) return;
    try {
      await busy(() => api.saveObject(object.objectSid, null, { address_sids: [chosen] }, req.ctx.sid()));
      toast('The address is changed. Twilio is checking it again…');
      req.slot.forget();
      await req.fixed(block.requirementName);
    } catch (error) {
      if (here()) req.slot.showError(error, problems);
    }
  });
  picker.el.querySelector('select').focus();
}

/**
 * Corrects the address the record `object` names, in place.
 * @param {Section} req @param {Block} block @param {AssignedObject} object @param {HTMLElement} slot
 */
export async function openCorrectAddress(req, block, object, slot) {
  const address = object.addresses.find((a) => a.found);
  if (!address) {
    await openPickAddress(req, block, object, slot);
    return;
  }
  if (!(await req.slot.claim())) return;
  const raw = {
    customer_name: address.customerName, street: address.street, street_secondary: address.streetSecondary,
    city: address.city, region: address.region, postal_code: address.postalCode, iso_country: address.isoCountry,
  };
  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'editor-save', disabled: true }, 'Save the address'));
  const form = addressForm(raw, {
    idPrefix: `correct-${address.sid}`,
    onChange: () => { save.disabled = !form.changed(); },
    onNewInstead: () => openPickAddress(req, block, object, slot),
  });
  const { form: el, problems } = req.slot.panel(slot, 'Correct this address', form.el, [save, req.slot.cancelButton(slot)], { isDirty: () => form.changed() });
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    const bad = form.check();
    if (bad) { form.focus(bad); return; }
    const here = req.live();
    try {
      await busy(() => api.updateAddress(address.sid, form.changes()));
      toast('The address is corrected. Twilio is checking it again…');
      req.slot.forget();
      await req.fixed(block.requirementName);
    } catch (error) {
      if (!here()) return;
      if (error.field) { form.setError(error.field, error.message); form.focus(error.field); } else req.slot.showError(error, problems);
    }
  });
  form.focus('street');
}
