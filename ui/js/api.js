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

// `kind` is 'customer-profile' (the default) or 'trust-product': the same calls serve both.
export const api = {
  describeCredentials: () => call('describe_credentials'),
  saveCredentials: (input) => call('save_credentials', { input }),
  forgetCredentials: (accountSid = null) => call('forget_credentials', { accountSid }),
  switchAccount: (accountSid) => call('switch_account', { accountSid }),
  startDemo: () => call('start_demo'),
  leaveDemo: () => call('leave_demo'),
  loadOverview: (includeSubaccounts) => call('load_overview', { includeSubaccounts }),
  openSubaccount: (accountSid) => call('open_subaccount', { accountSid }),
  leaveSubaccount: () => call('leave_subaccount'),
  findPhoneNumber: (number, accounts) => call('find_phone_number', { number, accounts }),
  profileHistory: (sid) => call('profile_history', { sid }),
  recentHistory: (accounts) => call('recent_history', { accounts }),
  historyNotice: () => call('history_notice'),
  watchSettings: () => call('watch_settings'),
  saveWatchSettings: (settings) => call('save_watch_settings', { settings }),
  exportOverview: (lines) => call('export_overview', { lines }),
  exportHistory: (sid) => call('export_history', { sid }),
  aboutApp: () => call('about_app'),
  openProjectPage: () => call('open_project_page'),
  checkForUpdate: () => call('check_for_update'),
  installUpdate: () => call('install_update'),
  listProfiles: (filter, next = null, kind = null) => call('list_profiles', { kind, filter, next }),
  fetchProfile: (sid, kind = null) => call('fetch_profile', { kind, sid }),
  updateProfile: (sid, changes, kind = null) => call('update_profile', { kind, sid, changes }),
  createProfile: (kind, input, retry = false) => call('create_profile', { kind, input, retry }),
  copyProfile: (sid, input, kind = null) => call('copy_profile', { kind, sid, input }),
  draftProgress: (sid, policySid, kind = null) => call('draft_progress', { kind, sid, policySid }),
  deleteProfile: (kind, sid) => call('delete_profile', { kind, sid }),
  objectUsage: (sids) => call('object_usage', { sids }),
  deleteRecords: (sids) => call('delete_records', { sids }),
  listEvaluations: (sid, next = null, kind = null) => call('list_evaluations', { kind, sid, next }),
  createEvaluation: (sid, policySid, kind = null) => call('create_evaluation', { kind, sid, policySid }),
  listEntityAssignments: (sid, kind = null) => call('list_entity_assignments', { kind, sid }),
  listChannelEndpointAssignments: (sid, kind = null) => call('list_channel_endpoint_assignments', { kind, sid }),
  fetchPolicy: (sid) => call('fetch_policy', { sid }),
  listPolicies: (kind) => call('list_policies', { kind }),
  cancelLoad: (list, sid = '') => call('cancel_load', { list, sid }),
  profileRequirements: (sid, policySid, kind = null) => call('profile_requirements', { kind, sid, policySid }),
  fetchEndUser: (sid) => call('fetch_end_user', { sid }),
  fetchSupportingDocument: (sid) => call('fetch_supporting_document', { sid }),
  saveObject: (sid, friendlyName, changes, profileSid = null) => call('save_object', { sid, friendlyName, changes, profileSid }),
  createObject: (kind, typeName, friendlyName, attributes, assignTo = null, retry = false) =>
    call('create_object', { kind, typeName, friendlyName, attributes, assignTo, retry }),
  assignObject: (sid, objectSid, kind = null) => call('assign_object', { kind, sid, objectSid }),
  unassignObject: (sid, assignmentSid, kind = null) => call('unassign_object', { kind, sid, assignmentSid }),
  replaceAssignment: (sid, assignmentSid, objectSid, kind = null) =>
    call('replace_assignment', { kind, sid, assignmentSid, objectSid }),
  deleteObject: (sid, profileSid = null) => call('delete_object', { sid, profileSid }),
  listObjects: (kind, typeName = null) => call('list_objects', { kind, typeName }),
  listAddresses: () => call('list_addresses'),
  createAddress: (input) => call('create_address', { input }),
  updateAddress: (sid, changes) => call('update_address', { sid, changes }),
  deleteAddress: (sid) => call('delete_address', { sid }),
  listPhoneNumbers: () => call('list_phone_numbers'),
  assignPhoneNumber: (sid, phoneNumberSid, kind = null) => call('assign_phone_number', { kind, sid, phoneNumberSid }),
  unassignPhoneNumber: (sid, assignmentSid, kind = null) => call('unassign_phone_number', { kind, sid, assignmentSid }),
};
