// What commonly gets a profile rejected and can be seen before it is submitted: e-mail
// addresses on another domain than the business's website (Twilio error 18606) and free
// e-mail services. Told from the records the profile uses; no DOM here.

/**
 * @typedef {import('../types/commands').Requirements} Requirements
 * @typedef {import('../types/commands').FieldValue} FieldValue
 */

/** E-mail services anyone can sign up to: they prove nothing about a business. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'hotmail.com', 'outlook.com', 'live.com',
  'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'gmx.com', 'gmx.net', 'gmx.de', 'web.de',
  'mail.com', 'proton.me', 'protonmail.com', 'yandex.com', 'yandex.ru', 'qq.com', '163.com',
  'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'comcast.net', 'att.net', 'verizon.net',
]);

/** The host of a website address, without "www.", or null. @param {string} url */
export function websiteHost(url) {
  const text = url.trim();
  if (!text) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname.toLowerCase();
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The domain of an e-mail address, or null. @param {string} email */
export function emailDomain(email) {
  const at = email.trim().lastIndexOf('@');
  return at > 0 ? email.trim().slice(at + 1).toLowerCase() || null : null;
}

/** Whether an e-mail domain belongs with a website's host (the same, or one inside the other). */
export function sameDomain(/** @type {string} */ mail, /** @type {string} */ host) {
  return mail === host || mail.endsWith(`.${host}`) || host.endsWith(`.${mail}`);
}

/** The text of the fields named `machineName` in the records the profile uses. */
function values(/** @type {Requirements} */ r, /** @type {string} */ machineName) {
  /** @type {{ value: string, record: string }[]} */
  const found = [];
  for (const block of r.blocks) {
    for (const o of block.assigned) {
      for (const f of o.fields) {
        if (f.machineName === machineName && typeof f.value === 'string' && f.value.trim()) {
          found.push({ value: f.value.trim(), record: o.friendlyName || block.name });
        }
      }
    }
  }
  return found;
}

/**
 * Sentences warning of what often gets a profile rejected, one per address concerned.
 * @param {Requirements | null} r
 * @returns {string[]}
 */
export function submitWarnings(r) {
  if (!r) return [];
  const hosts = values(r, 'website_url').map((w) => websiteHost(w.value)).filter(Boolean);
  /** @type {string[]} */
  const warnings = [];
  const seen = new Set();
  for (const { value, record } of values(r, 'email')) {
    const domain = emailDomain(value);
    if (!domain || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    if (FREE_MAIL.has(domain)) {
      warnings.push(`${record}: ${value} is a free e-mail address. Twilio often rejects these; use an address on the business’s own domain.`);
    } else if (hosts.length && !hosts.some((host) => sameDomain(domain, host))) {
      warnings.push(`${record}: ${value} is not on the website’s domain (${hosts[0]}). Twilio often rejects this (error 18606).`);
    }
  }
  return warnings;
}
