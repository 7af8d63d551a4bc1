// The one place that talks to the Rust side. Every failure arrives as a UiError
// object: { kind, message, code, moreInfo, field, status, detail }.

const tauri = window.__TAURI__;

// Calls still waiting; an internal error in the app ends them all (see below).
const waiting = new Set();

export async function call(command, args = {}) {
  let abandon;
  const abandoned = new Promise((_, reject) => { abandon = reject; });
  waiting.add(abandon);
  try {
    return await Promise.race([tauri.core.invoke(command, args), abandoned]);
  } catch (error) {
    throw normalise(error);
  } finally {
    waiting.delete(abandon);
  }
}

// A command that panicked never answers; the app says so with this event instead.
tauri.event.listen('internal-error', (event) => {
  for (const abandon of [...waiting]) abandon(event.payload);
});

function normalise(error) {
  if (error && typeof error === 'object' && 'kind' in error) return error;
  return { kind: 'internal', message: String(error?.message ?? error ?? 'Something went wrong.') };
}

/**
 * Opens one of Twilio's https pages in the system browser. The app checks the address
 * (https, twilio.com) before opening it; the window itself cannot open anything.
 */
export async function openTwilioPage(url) {
  try {
    await call('open_twilio_page', { url });
  } catch {
    // Not a Twilio page: nothing opens. The link is a comfort, never essential.
  }
}

export const api = {
  describeCredentials: () => call('describe_credentials'),
  saveCredentials: (input) => call('save_credentials', { input }),
  forgetCredentials: (accountSid = null) => call('forget_credentials', { accountSid }),
  switchAccount: (accountSid) => call('switch_account', { accountSid }),
  startDemo: () => call('start_demo'),
  leaveDemo: () => call('leave_demo'),
  listProfiles: (filter, next = null) => call('list_profiles', { filter, next }),
  fetchProfile: (sid) => call('fetch_profile', { sid }),
  updateProfile: (sid, changes) => call('update_profile', { sid, changes }),
  listEvaluations: (sid, next = null) => call('list_evaluations', { sid, next }),
  createEvaluation: (sid, policySid) => call('create_evaluation', { sid, policySid }),
  listEntityAssignments: (sid) => call('list_entity_assignments', { sid }),
  listChannelEndpointAssignments: (sid) => call('list_channel_endpoint_assignments', { sid }),
  fetchPolicy: (sid) => call('fetch_policy', { sid }),
  fetchEndUser: (sid) => call('fetch_end_user', { sid }),
  fetchSupportingDocument: (sid) => call('fetch_supporting_document', { sid }),
  cancelLoad: (list, sid = '') => call('cancel_load', { list, sid }),
};
