// The one place that talks to the Rust side. Every command is here with the shapes it
// takes and answers (ui/types/commands.d.ts, made from the Rust types); every failure
// arrives as a UiError: { kind, message, code, moreInfo, field, status, detail, partial }.

/**
 * @typedef {import('../types/commands').UiError} UiError
 * @typedef {import('../types/commands').BundleKind} BundleKind
 * @typedef {import('../types/commands').ObjectKind} ObjectKind
 * @typedef {import('../types/commands').ConnectionStatus} ConnectionStatus
 * @typedef {import('../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../types/commands').Evaluation} Evaluation
 * @typedef {import('../types/commands').EntityAssignment} EntityAssignment
 * @typedef {import('../types/commands').ChannelEndpointAssignment} ChannelEndpointAssignment
 * @typedef {import('../types/commands').SupportingDocument} SupportingDocument
 * @typedef {import('../types/commands').Address} Address
 * @typedef {import('../types/commands').PhoneNumber} PhoneNumber
 * @typedef {import('../types/commands').EventPayloads} EventPayloads
 */
/**
 * @template T
 * @typedef {import('../types/commands').Page<T>} Page
 */
/**
 * @template T
 * @typedef {import('../types/commands').Listing<T>} Listing
 */

const tauri = window.__TAURI__;

/** @type {Set<(reason: unknown) => void>} calls still waiting; an internal error in the app ends them all (see below) */
const waiting = new Set();

/**
 * Calls `command` with `args`; resolves with its answer, rejects with a UiError.
 * @param {string} command
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<any>}
 */
export async function call(command, args = {}) {
  /** @type {(reason: unknown) => void} */
  let abandon = () => {};
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

/**
 * Listens to one of the app's events, with its payload typed.
 * @template {keyof EventPayloads} K
 * @param {K} name
 * @param {(payload: EventPayloads[K]) => void} handler
 * @returns {Promise<() => void>} stops listening
 */
export function listen(name, handler) {
  return tauri.event.listen(name, (event) => handler(/** @type {EventPayloads[K]} */ (event.payload)));
}

// A command that panicked never answers; the app says so with this event instead.
listen('internal-error', (payload) => {
  for (const abandon of [...waiting]) abandon(payload);
});

/** @returns {UiError} */
function normalise(/** @type {any} */ error) {
  if (error && typeof error === 'object' && 'kind' in error) return error;
  return { kind: 'internal', message: String(error?.message ?? error ?? 'Something went wrong.'), code: null, moreInfo: null, field: null, status: null, detail: null, partial: null };
}

/**
 * Opens one of Twilio's https pages in the system browser. The app checks the address
 * (https, twilio.com) before opening it; the window itself cannot open anything.
 * @param {string} url
 */
export async function openTwilioPage(url) {
  try {
    await api.openTwilioPage(url);
  } catch {
    // Not a Twilio page: nothing opens. The link is a comfort, never essential.
  }
}

// `kind` is 'customer-profile' (the default) or 'trust-product': the same calls serve both.
// Each answer's type is checked against the Rust command's (commands/window_types.rs).
export const api = {
  /** @type {(url: string) => Promise<null>} */
  openTwilioPage: (url) => call('open_twilio_page', { url }),
  /** @type {() => Promise<ConnectionStatus>} */
  describeCredentials: () => call('describe_credentials'),
  /** @type {(input: import('../types/commands').CredentialInput) => Promise<ConnectionStatus>} */
  saveCredentials: (input) => call('save_credentials', { input }),
  /** @type {(accountSid?: string | null) => Promise<ConnectionStatus>} */
  forgetCredentials: (accountSid = null) => call('forget_credentials', { accountSid }),
  /** @type {(accountSid: string) => Promise<ConnectionStatus>} */
  switchAccount: (accountSid) => call('switch_account', { accountSid }),
  /** @type {() => Promise<ConnectionStatus>} */
  startDemo: () => call('start_demo'),
  /** @type {() => Promise<ConnectionStatus>} */
  leaveDemo: () => call('leave_demo'),
  /** @type {(includeSubaccounts: boolean) => Promise<import('../types/commands').Overview>} */
  loadOverview: (includeSubaccounts) => call('load_overview', { includeSubaccounts }),
  /** @type {(accountSid: string) => Promise<ConnectionStatus>} */
  openSubaccount: (accountSid) => call('open_subaccount', { accountSid }),
  /** @type {() => Promise<ConnectionStatus>} */
  leaveSubaccount: () => call('leave_subaccount'),
  /** @type {(number: string, accounts: import('../types/commands').PhoneSearchAccount[]) => Promise<import('../types/commands').PhoneSearch>} */
  findPhoneNumber: (number, accounts) => call('find_phone_number', { number, accounts }),
  /** @type {() => Promise<import('../types/commands').TextingView>} */
  loadTexting: () => call('load_texting'),
  /** @type {(input: import('../types/commands').BrandInput) => Promise<import('../types/commands').BrandMade>} */
  registerBrand: (input) => call('register_brand', { input }),
  /** @type {(sid: string) => Promise<null>} */
  resubmitBrand: (sid) => call('resubmit_brand', { sid }),
  /** @type {(sid: string) => Promise<import('../types/commands').VettingLine[]>} */
  brandVettings: (sid) => call('brand_vettings', { sid }),
  /** @type {(sid: string) => Promise<null>} */
  resendBrandConfirmation: (sid) => call('resend_brand_confirmation', { sid }),
  /** @type {(accounts: string[]) => Promise<import('../types/commands').TextingSummary[]>} */
  overviewTexting: (accounts) => call('overview_texting', { accounts }),
  /** @type {(service: import('../types/commands').ServicePick, brandSid: string) => Promise<import('../types/commands').CampaignStart>} */
  openCampaignService: (service, brandSid) => call('open_campaign_service', { service, brandSid }),
  /** @type {(input: import('../types/commands').CampaignInput) => Promise<import('../types/commands').FieldProblem[]>} */
  checkCampaign: (input) => call('check_campaign', { input }),
  /** @type {(serviceSid: string, input: import('../types/commands').CampaignInput) => Promise<import('../types/commands').CampaignMade>} */
  submitCampaign: (serviceSid, input) => call('submit_campaign', { serviceSid, input }),
  /** @type {(serviceSid: string, sid: string) => Promise<import('../types/commands').CampaignDraft>} */
  campaignDraft: (serviceSid, sid) => call('campaign_draft', { serviceSid, sid }),
  /** @type {(serviceSid: string, sid: string, input: import('../types/commands').CampaignInput) => Promise<null>} */
  resubmitCampaign: (serviceSid, sid, input) => call('resubmit_campaign', { serviceSid, sid, input }),
  /** @type {(serviceSid: string, sid: string, input: import('../types/commands').CampaignInput) => Promise<import('../types/commands').CampaignMade>} */
  replaceCampaign: (serviceSid, sid, input) => call('replace_campaign', { serviceSid, sid, input }),
  /** @type {(serviceSid: string) => Promise<null>} */
  removeService: (serviceSid) => call('remove_service', { serviceSid }),
  /** @type {(serviceSid: string, add: string[], remove: string[]) => Promise<import('../types/commands').NumbersChanged>} */
  changeServiceNumbers: (serviceSid, add, remove) => call('change_service_numbers', { serviceSid, add, remove }),
  /** @type {() => Promise<import('../types/commands').TollfreeView>} */
  loadTollfree: () => call('load_tollfree'),
  /** @type {(numberSid: string, profileSid: string | null, verificationSid: string | null) => Promise<import('../types/commands').TollfreeInput>} */
  tollfreeForm: (numberSid, profileSid, verificationSid) => call('tollfree_form', { numberSid, profileSid, verificationSid }),
  /** @type {(input: import('../types/commands').TollfreeInput, edit: boolean) => Promise<import('../types/commands').FieldProblem[]>} */
  checkTollfree: (input, edit) => call('check_tollfree', { input, edit }),
  /** @type {(input: import('../types/commands').TollfreeInput) => Promise<import('../types/commands').TollfreeMade>} */
  submitTollfree: (input) => call('submit_tollfree', { input }),
  /** @type {(sid: string, input: import('../types/commands').TollfreeInput) => Promise<null>} */
  editTollfree: (sid, input) => call('edit_tollfree', { sid, input }),
  /** @type {(sid: string, input: import('../types/commands').TollfreeInput) => Promise<import('../types/commands').TollfreeMade>} */
  restartTollfree: (sid, input) => call('restart_tollfree', { sid, input }),
  /** @type {(productSid: string) => Promise<import('../types/commands').VoiceNumbersView>} */
  loadVoiceNumbers: (productSid) => call('load_voice_numbers', { productSid }),
  /** @type {(productSid: string, profileSid: string, numberSids: string[]) => Promise<import('../types/commands').VoiceApplied>} */
  assignVoiceNumbers: (productSid, profileSid, numberSids) => call('assign_voice_numbers', { productSid, profileSid, numberSids }),
  /** @type {(productSid: string, numberSid: string) => Promise<null>} */
  removeVoiceNumber: (productSid, numberSid) => call('remove_voice_number', { productSid, numberSid }),
  /** @type {(sid: string) => Promise<import('../types/commands').HistoryLine[]>} */
  profileHistory: (sid) => call('profile_history', { sid }),
  /** @type {(accounts: string[]) => Promise<import('../types/commands').HistoryLine[]>} */
  recentHistory: (accounts) => call('recent_history', { accounts }),
  /** @type {() => Promise<import('../types/commands').OpenNote | null>} */
  historyNotice: () => call('history_notice'),
  /** @type {() => Promise<import('../types/commands').WatchSettings>} */
  watchSettings: () => call('watch_settings'),
  /** @type {(settings: import('../types/commands').WatchSettings) => Promise<import('../types/commands').WatchSettings>} */
  saveWatchSettings: (settings) => call('save_watch_settings', { settings }),
  /** @type {(lines: import('../types/commands').OverviewLine[]) => Promise<string | null>} */
  exportOverview: (lines) => call('export_overview', { lines }),
  /** @type {(sid: string) => Promise<string | null>} */
  exportHistory: (sid) => call('export_history', { sid }),
  /** @type {() => Promise<import('../types/commands').About>} */
  aboutApp: () => call('about_app'),
  /** @type {() => Promise<null>} */
  openProjectPage: () => call('open_project_page'),
  /** @type {() => Promise<import('../types/commands').UpdateCheck>} */
  checkForUpdate: () => call('check_for_update'),
  /** @type {() => Promise<null>} */
  installUpdate: () => call('install_update'),
  /** @type {(filter: import('../types/commands').ProfileFilter, next?: string | null, kind?: BundleKind | null) => Promise<Page<CustomerProfile>>} */
  listProfiles: (filter, next = null, kind = null) => call('list_profiles', { kind, filter, next }),
  /** @type {(sid: string, kind?: BundleKind | null) => Promise<CustomerProfile>} */
  fetchProfile: (sid, kind = null) => call('fetch_profile', { kind, sid }),
  /** @type {(sid: string, changes: import('../types/commands').ProfileUpdate, kind?: BundleKind | null) => Promise<CustomerProfile>} */
  updateProfile: (sid, changes, kind = null) => call('update_profile', { kind, sid, changes }),
  /** @type {(kind: BundleKind, input: import('../types/commands').NewBundle, retry?: boolean) => Promise<CustomerProfile>} */
  createProfile: (kind, input, retry = false) => call('create_profile', { kind, input, retry }),
  /** @type {(sid: string, input: import('../types/commands').CopyInput, kind?: BundleKind | null) => Promise<import('../types/commands').Copied>} */
  copyProfile: (sid, input, kind = null) => call('copy_profile', { kind, sid, input }),
  /** @type {(sid: string, policySid: string, kind?: BundleKind | null) => Promise<import('../types/commands').DraftProgress>} */
  draftProgress: (sid, policySid, kind = null) => call('draft_progress', { kind, sid, policySid }),
  /** @type {(kind: BundleKind, sid: string) => Promise<import('../types/commands').Leftovers>} */
  deleteProfile: (kind, sid) => call('delete_profile', { kind, sid }),
  /** @type {(sids: string[]) => Promise<import('../types/commands').Leftovers>} */
  objectUsage: (sids) => call('object_usage', { sids }),
  /** @type {(sids: string[]) => Promise<import('../types/commands').Deleted[]>} */
  deleteRecords: (sids) => call('delete_records', { sids }),
  /** @type {(sid: string, next?: string | null, kind?: BundleKind | null) => Promise<Page<Evaluation>>} */
  listEvaluations: (sid, next = null, kind = null) => call('list_evaluations', { kind, sid, next }),
  /** @type {(sid: string, policySid: string, kind?: BundleKind | null) => Promise<Evaluation>} */
  createEvaluation: (sid, policySid, kind = null) => call('create_evaluation', { kind, sid, policySid }),
  /** @type {(sid: string, kind?: BundleKind | null) => Promise<Listing<EntityAssignment>>} */
  listEntityAssignments: (sid, kind = null) => call('list_entity_assignments', { kind, sid }),
  /** @type {(sid: string, kind?: BundleKind | null) => Promise<Listing<ChannelEndpointAssignment>>} */
  listChannelEndpointAssignments: (sid, kind = null) => call('list_channel_endpoint_assignments', { kind, sid }),
  /** @type {(sid: string) => Promise<import('../types/commands').Policy>} */
  fetchPolicy: (sid) => call('fetch_policy', { sid }),
  /** @type {(kind: BundleKind | null) => Promise<import('../types/commands').PolicyChoice[]>} */
  listPolicies: (kind) => call('list_policies', { kind }),
  /** @type {() => Promise<import('../types/commands').PrimaryCheck>} */
  primaryProfiles: () => call('primary_profiles'),
  /** @type {(list: string, sid?: string) => Promise<null>} */
  cancelLoad: (list, sid = '') => call('cancel_load', { list, sid }),
  /** @type {(sid: string, policySid: string, kind?: BundleKind | null) => Promise<import('../types/commands').Requirements>} */
  profileRequirements: (sid, policySid, kind = null) => call('profile_requirements', { kind, sid, policySid }),
  /** @type {(sid: string) => Promise<import('../types/commands').EndUser>} */
  fetchEndUser: (sid) => call('fetch_end_user', { sid }),
  /** @type {(sid: string) => Promise<SupportingDocument>} */
  fetchSupportingDocument: (sid) => call('fetch_supporting_document', { sid }),
  /** @type {(sid: string, friendlyName: string | null, changes: Record<string, unknown>, profileSid?: string | null) => Promise<SupportingDocument>} */
  saveObject: (sid, friendlyName, changes, profileSid = null) => call('save_object', { sid, friendlyName, changes, profileSid }),
  /** @type {(kind: ObjectKind, typeName: string, friendlyName: string, attributes: Record<string, unknown>, assignTo?: import('../types/commands').AssignTo | null, retry?: boolean) => Promise<import('../types/commands').Created>} */
  createObject: (kind, typeName, friendlyName, attributes, assignTo = null, retry = false) =>
    call('create_object', { kind, typeName, friendlyName, attributes, assignTo, retry }),
  /** @type {(sid: string, objectSid: string, kind?: BundleKind | null) => Promise<EntityAssignment>} */
  assignObject: (sid, objectSid, kind = null) => call('assign_object', { kind, sid, objectSid }),
  /** @type {(sid: string, assignmentSid: string, kind?: BundleKind | null) => Promise<null>} */
  unassignObject: (sid, assignmentSid, kind = null) => call('unassign_object', { kind, sid, assignmentSid }),
  /** @type {(sid: string, assignmentSid: string, objectSid: string, kind?: BundleKind | null) => Promise<EntityAssignment>} */
  replaceAssignment: (sid, assignmentSid, objectSid, kind = null) =>
    call('replace_assignment', { kind, sid, assignmentSid, objectSid }),
  /** @type {(sid: string, profileSid?: string | null) => Promise<null>} */
  deleteObject: (sid, profileSid = null) => call('delete_object', { sid, profileSid }),
  /** @type {(kind: ObjectKind, typeName?: string | null) => Promise<Listing<SupportingDocument>>} */
  listObjects: (kind, typeName = null) => call('list_objects', { kind, typeName }),
  /** @type {() => Promise<Listing<Address>>} */
  listAddresses: () => call('list_addresses'),
  /** @type {(input: import('../types/commands').AddressInput) => Promise<Address>} */
  createAddress: (input) => call('create_address', { input }),
  /** @type {(sid: string, changes: import('../types/commands').AddressUpdate) => Promise<Address>} */
  updateAddress: (sid, changes) => call('update_address', { sid, changes }),
  /** @type {(sid: string) => Promise<null>} */
  deleteAddress: (sid) => call('delete_address', { sid }),
  /** @type {() => Promise<Listing<PhoneNumber>>} */
  listPhoneNumbers: () => call('list_phone_numbers'),
  /** @type {(sid: string, phoneNumberSid: string, kind?: BundleKind | null) => Promise<ChannelEndpointAssignment>} */
  assignPhoneNumber: (sid, phoneNumberSid, kind = null) => call('assign_phone_number', { kind, sid, phoneNumberSid }),
  /** @type {(sid: string, assignmentSid: string, kind?: BundleKind | null) => Promise<null>} */
  unassignPhoneNumber: (sid, assignmentSid, kind = null) => call('unassign_phone_number', { kind, sid, assignmentSid }),
};
