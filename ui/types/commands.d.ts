// The shapes the window receives from the app and sends to it, made from the Rust types
// by src-tauri/commands/window_types.rs. Do not edit: after changing a type, run
// TRUSTHUB_DESK_WRITE_TYPES=1 cargo test --lib window_types

export type About = { name: string, version: string, licence: string, projectUrl: string, 
/**
 * Why this copy cannot update itself and how to update it, if it cannot.
 */
howToUpdate: string | null, };

export type Accepted = { machineName: string, name: string, fields: Array<FieldSpec>, 
/**
 * A document that is a file (not an address): uploaded in the Twilio Console.
 */
needsFile: boolean, };

export type Address = { sid: string | null, account_sid: string | null, customer_name: string | null, friendly_name: string | null, street: string | null, street_secondary: string | null, city: string | null, region: string | null, postal_code: string | null, iso_country: string | null, 
/**
 * RFC 2822, as the classic API writes dates.
 */
date_created: string | null, date_updated: string | null, };

export type AddressInput = { customerName: string, street: string, streetSecondary?: string, city: string, region: string, postalCode: string, isoCountry: string, friendlyName?: string, };

export type AddressUpdate = { customerName?: string, street?: string, streetSecondary?: string, city?: string, region?: string, postalCode?: string, friendlyName?: string, };

export type AddressView = { sid: string, found: boolean, customerName: string | null, street: string | null, streetSecondary: string | null, city: string | null, region: string | null, postalCode: string | null, isoCountry: string | null, 
/**
 * When it last changed (RFC 2822, as the classic API writes dates).
 */
dateUpdated: string | null, };

export type AssignTo = { kind?: BundleKind, sid: string, };

export type AssignedObject = { assignmentSid: string | null, objectSid: string, friendlyName: string | null, typeName: string | null, typeLabel: string | null, 
/**
 * Documents: Twilio's review state (DRAFT, APPROVED, ...); linked profiles: their status.
 */
status: string | null, needsFile: boolean, fields: Array<FieldValue>, addresses: Array<AddressView>, 
/**
 * Whether Twilio answered for it (a linked profile of another account may not be readable).
 */
readable: boolean, 
/**
 * When Twilio last saw it change, and when it was put on this profile: what changed
 * since a rejection is told from these.
 */
dateUpdated: string | null, assignedAt: string | null, };

export type AuthKind = "auth-token" | "api-key";

export type Available = { version: string, 
/**
 * Release notes as published, bounded and without control characters.
 */
notes: string | null, 
/**
 * When it was published (RFC 3339), if the feed says.
 */
date: string | null, };

export type Block = { requirementName: string, name: string, kind: BlockKind, description: string | null, accepted: Array<Accepted>, assigned: Array<AssignedObject>, 
/**
 * `passed`, `failed`, or `unknown` (no evaluation yet).
 */
status: string, failure: Failure | null, 
/**
 * What to do, when the failure has a cause Twilio documents.
 */
advice: string | null, };

export type BlockKind = "end-user" | "document" | "customer-profile" | "trust-product";

export type BrandChoice = { customerProfileSid: string, customerProfileName: string, a2pTrustProductSid: string, a2pTrustProductName: string, };

export type BrandInput = { customerProfileSid: string, a2pTrustProductSid: string, kind: BrandKind, 
/**
 * A test registration Twilio does not send to the carriers (no fee).
 */
mock: boolean, };

export type BrandKind = "standard" | "low-volume-standard" | "sole-proprietor";

export type BrandMade = { brandSid: string, existing: boolean, };

export type BundleKind = "customer-profile" | "trust-product";

export type BusinessChain = { brandSid: string | null, customerProfileSid: string | null, a2pTrustProductSid: string | null, brandStatus: string, campaigns: Array<CampaignStep>, nextStep: NextStep, nextStepWords: string, };

export type BusinessView = { chain: BusinessChain, 
/**
 * The Customer-Profile's name (the business), or a plain stand-in.
 */
name: string, a2pName: string | null, 
/**
 * The status as Twilio writes it, upper case (`APPROVED`, `FAILED`, …).
 */
statusCode: string, kind: string, identity: string, score: number | null, reasons: Array<Reason>, resubmissionsLeft: number, canResubmit: boolean, soleProprietor: boolean, mock: boolean, campaigns: Array<CampaignView>, };

export type CampaignDraft = { input: CampaignInput, statusCode: string, reasons: Array<Reason>, usecases: Array<Usecase>, };

export type CampaignInput = { brandSid: string, 
/**
 * A use case code from Twilio's list for the brand, e.g. `ACCOUNT_NOTIFICATION`.
 */
usecase: string, description: string, 
/**
 * How people opt in.
 */
messageFlow: string, messageSamples: Array<string>, hasEmbeddedLinks: boolean, hasEmbeddedPhone: boolean, optInMessage: string, optOutMessage: string, helpMessage: string, optInKeywords: Array<string>, optOutKeywords: Array<string>, helpKeywords: Array<string>, ageGated: boolean, directLending: boolean, privacyPolicyUrl: string, termsAndConditionsUrl: string, };

export type CampaignMade = { campaignSid: string, existing: boolean, };

export type CampaignStart = { serviceSid: string, serviceName: string, serviceMade: boolean, usecases: Array<Usecase>, };

export type CampaignStep = { campaignSid: string | null, serviceSid: string | null, serviceName: string, status: string, usecase: string | null, 
/**
 * The numbers in its service, as written (`+14155550100`).
 */
numbers: Array<string>, };

export type CampaignView = { step: CampaignStep, statusCode: string, reasons: Array<Reason>, 
/**
 * Twilio judged it high risk (30885): it cannot be resubmitted.
 */
highRisk: boolean, };

export type Candidate = { kind: BundleKind, sid: string, };

export type ChannelEndpointAssignment = { sid: string | null, customer_profile_sid: string | null, account_sid: string | null, channel_endpoint_type: string | null, channel_endpoint_sid: string | null, date_created: string | null, url: string | null, };

export type Choice = { value: string, label: string, };

export type ConnectionStatus = { connected: CredentialSummary | null, storage: Storage, 
/**
 * Why the keyring cannot be used, when it cannot.
 */
keyringProblem: UiError | null, 
/**
 * Where requests go, e.g. `https://trusthub.twilio.com`.
 */
server: string, 
/**
 * Whether that is Twilio. When it is not (and this is not the demo), the window says
 * so in a banner that stays.
 */
serverIsTwilio: boolean, 
/**
 * The accounts saved in the keyring, to switch between.
 */
accounts: Array<SavedAccount>, 
/**
 * The subaccount in use (opened from the overview), if one is.
 */
subaccount: SubaccountStatus | null, 
/**
 * Whether this is the demo (also in one of the demo's subaccounts).
 */
inDemo: boolean, };

export type Copied = { profile: CustomerProfile, 
/**
 * How many records it uses, as the original does.
 */
parts: number, };

export type CopyInput = { friendlyName: string, email: string, into?: string, retry?: boolean, };

export type Created = { object: SupportingDocument, assignment: EntityAssignment | null, };

export type CredentialInput = { accountSid: string, apiKeySid?: string, secret: string, 
/**
 * The person's name for the account, e.g. "Production".
 */
label?: string, 
/**
 * Keep them in memory for this session only (offered when there is no keyring).
 */
sessionOnly: boolean, };

export type CredentialSummary = { accountSid: string, authKind: AuthKind, apiKeySid: string | null, };

export type CustomerProfile = { sid: string | null, account_sid: string | null, policy_sid: string | null, friendly_name: string | null, 
/**
 * Kept as text: a status this app does not know yet must still be shown, not rejected.
 */
status: string | null, valid_until: string | null, email: string | null, status_callback: string | null, date_created: string | null, date_updated: string | null, url: string | null, links: ProfileLinks | null, errors: Array<RejectionReason> | null, };

export type Decision = { accountSid: string, 
/**
 * `customer-profile`, `trust-product`, `brand`, `campaign` or `tollfree-verification`.
 */
kind: WatchedKind, sid: string, name: string | null, before: string, after: string, 
/**
 * How many reasons Twilio gave for a rejection.
 */
reasons: number, 
/**
 * "Approved by Twilio", "Rejected by Twilio: 2 reasons"…
 */
title: string, };

export type Deleted = { sid: string, deleted: boolean, 
/**
 * Why not, in plain words, when it was not.
 */
message: string | null, };

export type DraftProgress = { needed: number, assigned: number, };

export type EndUser = { sid: string | null, account_sid: string | null, friendly_name: string | null, type: string | null, attributes: JsonValue | null, date_created: string | null, date_updated: string | null, url: string | null, };

export type EntityAssignment = { sid: string | null, customer_profile_sid: string | null, account_sid: string | null, object_sid: string | null, date_created: string | null, url: string | null, };

export type ErrorKind = "invalid-input" | "unauthorized" | "not-found" | "twilio" | "network" | "timeout" | "unexpected-response" | "refused-url" | "no-credentials" | "keyring-unavailable" | "keyring-locked" | "keyring-corrupt" | "keyring" | "busy" | "cancelled" | "internal";

export type Evaluation = { sid: string | null, account_sid: string | null, policy_sid: string | null, customer_profile_sid: string | null, 
/**
 * `compliant` or `noncompliant`.
 */
status: string | null, results: Array<RequirementResult> | null, date_created: string | null, url: string | null, };

export type Failure = { reason: string, code: number | null, };

export type FieldKind = "text" | "email" | "url" | "phone" | "choice" | "choices" | "url-lines" | "addresses" | "caller-name";

export type FieldProblem = { field: string, message: string, };

export type FieldResult = { friendly_name: string | null, object_field: string | null, failure_reason: string | null, error_code: number | null, };

export type FieldSpec = { machineName: string, label: string, kind: FieldKind, choices: Array<Choice>, optional: boolean, };

export type FieldValue = { 
/**
 * As Twilio holds it (text, or a list).
 */
value: JsonValue, missing: boolean, failure: Failure | null, machineName: string, label: string, kind: FieldKind, choices: Array<Choice>, optional: boolean, };

export type Gap = "no-service" | "no-campaign" | "campaign-in-review" | "campaign-failed";

export type HistoryLine = { 
/**
 * What happened, e.g. "Submitted for review", "Status changed at Twilio: In review → Approved by Twilio".
 */
words: string, 
/**
 * "Done", or "Failed (no connection)".
 */
result: string, id: number, 
/**
 * RFC 3339, UTC.
 */
at: string, accountSid: string, bundleSid: string | null, objectSid: string, object: string, action: string, fields: Array<string>, statusBefore: string | null, statusAfter: string | null, 
/**
 * `done` or `failed`.
 */
outcome: string, errorKind: string | null, errorCode: number | null, 
/**
 * `app`, `watch` or `seen`.
 */
source: string, };

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

export type Leftover = { sid: string, name: string | null, 
/**
 * `end-user`, `document` or `address`.
 */
what: string, 
/**
 * The type's machine name (end users and documents).
 */
typeName: string | null, usedBy: Array<UsedBy>, };

export type Leftovers = { records: Array<Leftover>, 
/**
 * False when not every profile could be read: then nothing is called unused.
 */
complete: boolean, };

export type ListNote = { reason: ListStop, message: string, };

export type ListStop = "pages" | "records" | "repeated";

export type Listing<T> = { records: Array<T>, 
/**
 * Why the list is not complete, when it is not.
 */
note: ListNote | null, };

export type NewBundle = { friendlyName: string, email: string, policySid: string, statusCallback?: string, };

export type NextStep = "wait-for-brand" | "fix-brand" | "create-campaign" | "wait-for-campaign" | "fix-campaign" | "add-numbers" | "ready";

export type NotificationTarget = { accountSid: string, kind: WatchedKind, sid: string, };

export type NumberGap = { phoneNumberSid: string | null, phoneNumber: string, friendlyName: string | null, gap: Gap, why: string, };

export type NumberRef = { sid: string, phoneNumber: string, friendlyName: string | null, serviceSid: string | null, };

export type NumberTexting = { accountSid: string, words: string, };

export type NumbersChanged = { added: Array<string>, removed: Array<string>, failed: Array<FieldProblem>, };

export type ObjectKind = "end-user" | "supporting-document";

export type Observed = { kind: string, sid: string, before: string, after: string, };

export type OpenNote = { message: string, };

export type Overview = { accounts: Array<OverviewAccount>, 
/**
 * Why subaccounts are not included, when they were asked for and cannot be.
 */
subaccountNotes: Array<string>, };

export type OverviewAccount = { accountSid: string, 
/**
 * The name the person gave a saved account, or Twilio's name of a subaccount.
 */
name: string | null, 
/**
 * The main account, for a subaccount.
 */
parentSid: string | null, rows: Array<OverviewRow>, notes: Array<ListNote>, 
/**
 * Why this account could not be read; the others are shown all the same.
 */
error: UiError | null, 
/**
 * The status changes since the person last looked at the overview.
 */
changes: Array<Observed>, };

export type OverviewLine = { name: string, kind: string, account: string, status: string, lastUpdated: string, needsAttention: string, changed: string, sid: string, accountSid: string, };

export type OverviewProgress = { done: number, total: number, };

export type OverviewRow = { accountSid: string, kind: BundleKind, sid: string, friendlyName: string | null, status: string | null, dateUpdated: string | null, validUntil: string | null, 
/**
 * How many reasons Twilio gave for a rejection.
 */
reasons: number, 
/**
 * The error number of Twilio's first reason, for the row to say it in words.
 */
firstReason: number | null, };

export type Page<T> = { records: Array<T>, nextPageUrl: string | null, };

export type Partial = { 
/**
 * The SID of what was created (IT, RD) or assigned (BV).
 */
sid: string, 
/**
 * Its name, as the person gave it.
 */
name: string | null, 
/**
 * `created` (an object not assigned), `assigned` (a new assignment, the old not
 * removed), `copying` (a copy made, not everything assigned to it yet), or
 * `replacing` (a campaign deleted to be made again, the new one not made).
 */
state: string, };

export type PhoneMatch = { accountSid: string, kind: BundleKind, sid: string, };

export type PhoneNumber = { sid: string | null, account_sid: string | null, phone_number: string | null, friendly_name: string | null, 
/**
 * The address (`AD…`) the number is registered with, where its country asks for one.
 */
address_sid: string | null, };

export type PhoneSearch = { 
/**
 * The number as it was looked for (international form).
 */
number: string, matches: Array<PhoneMatch>, 
/**
 * What the number needs to text US numbers, in each account that holds it.
 */
texting: Array<NumberTexting>, 
/**
 * Accounts that could not be looked through, and why.
 */
failed: Array<OverviewAccount>, };

export type PhoneSearchAccount = { accountSid: string, bundles: Array<Candidate>, };

export type Policy = { sid: string | null, friendly_name: string | null, requirements: JsonValue | null, url: string | null, };

export type PolicyChoice = { sid: string, name: string, purpose: Purpose, explanation: string, consoleOnly: boolean, };

export type PrimaryCheck = { 
/**
 * The approved primary profiles of the account (the first page of approved profiles).
 */
primaries: Array<PrimaryProfile>, 
/**
 * In a subaccount the primary profile is the main account's, which cannot be read here.
 */
inSubaccount: boolean, };

export type PrimaryProfile = { sid: string, name: string | null, isv: boolean, };

export type ProfileChoice = { sid: string, name: string, };

export type ProfileFilter = { status?: ProfileStatus, friendlyName?: string, pageSize?: number, };

export type ProfileLinks = { customer_profiles_evaluations: string | null, customer_profiles_entity_assignments: string | null, 
/**
 * Singular in Twilio's API, unlike its two siblings.
 */
customer_profiles_channel_endpoint_assignment: string | null, };

export type ProfileStatus = "draft" | "pending-review" | "in-review" | "twilio-rejected" | "twilio-approved";

export type ProfileUpdate = { status?: ProfileStatus, statusCallback?: string, friendlyName?: string, email?: string, };

export type Purpose = "primary" | "secondary" | "starter" | "a2p-messaging" | "shaken-stir" | "cnam" | "voice-integrity" | "other";

export type Reason = { code: number | null, 
/**
 * What it means and what to change, in plain words.
 */
words: string, 
/**
 * Twilio's own sentence, when it adds to the words above.
 */
twilioWords: string | null, 
/**
 * Twilio's page about it (opened only if it is on twilio.com).
 */
moreInfo: string | null, 
/**
 * The campaign form's fields it is about (`messageFlow`, …); empty for a brand.
 */
fields: Array<string>, };

export type RejectionReason = { code: number | null, message?: string | null, };

export type RequirementResult = { friendly_name: string | null, object_type: string | null, passed: boolean | null, failure_reason: string | null, error_code: number | null, requirement_name: string | null, requirement_friendly_name: string | null, valid: Array<FieldResult> | null, invalid: Array<FieldResult> | null, };

export type Requirements = { policySid: string | null, policyName: string | null, blocks: Array<Block>, 
/**
 * The evaluation the failures come from, when there is one.
 */
evaluationSid: string | null, evaluationStatus: string | null, evaluatedAt: string | null, 
/**
 * Failures of requirements this policy does not list (shown apart, never lost).
 */
otherFailures: Array<Failure>, };

export type SavedAccount = { accountSid: string, 
/**
 * The person's name for it, e.g. "Production".
 */
label: string, };

export type ServicePick = { sid: string | null, newName: string | null, };

export type ServiceView = { sid: string, name: string, campaignSid: string | null, brandSid: string | null, numbers: Array<string>, };

export type StepView = { numberSid: string, 
/**
 * `profile` or `product`.
 */
target: string, };

export type Storage = "keyring" | "session" | "demo" | "subaccount";

export type SubaccountStatus = { accountSid: string, name: string | null, parentSid: string, };

export type SupportingDocument = { sid: string | null, account_sid: string | null, friendly_name: string | null, mime_type: string | null, status: string | null, type: string | null, attributes: JsonValue | null, date_created: string | null, date_updated: string | null, url: string | null, };

export type TextingSummary = { accountSid: string, brands: number, brandsApproved: number, campaigns: number, campaignsApproved: number, numbersNotTexting: number, 
/**
 * The account's toll-free numbers, and how many of them are verified.
 */
tollFree: number, tollFreeVerified: number, 
/**
 * Each approved voice Trust Product's coverage: "3 of 12 numbers on SHAKEN/STIR".
 */
voice: Array<string>, 
/**
 * What needs doing first, in words; `None` when nothing does.
 */
attention: string | null, 
/**
 * The order of urgency. Below `REVIEWING`, the person has something to do (a brand to
 * fix, a campaign to fix, a campaign to create, numbers to add, numbers outside any
 * campaign, in that order); `REVIEWING`: Twilio is reviewing; above: nothing to do.
 */
rank: number, 
/**
 * Why the account's texting could not be read.
 */
error: string | null, };

export type TextingView = { businesses: Array<BusinessView>, numbersNotTexting: Array<NumberGap>, services: Array<ServiceView>, numbers: Array<NumberRef>, choices: Array<BrandChoice>, 
/**
 * A list was cut short: something may be missing.
 */
incomplete: string | null, };

export type TollfreeInput = { 
/**
 * The toll-free number (`PN…`).
 */
phoneNumberSid: string, 
/**
 * The approved Customer-Profile the details came from, if any.
 */
customerProfileSid: string, businessName: string, businessWebsite: string, notificationEmail: string, businessType: string, registrationNumber: string, registrationAuthority: string, registrationCountry: string, street: string, street2: string, city: string, region: string, postalCode: string, country: string, contactFirstName: string, contactLastName: string, contactEmail: string, contactPhone: string, useCaseCategories: Array<string>, useCaseSummary: string, productionMessageSample: string, optInType: string, optInImageUrls: Array<string>, messageVolume: string, additionalInformation: string, 
/**
 * What was changed, for an edit of a rejected verification.
 */
editReason: string, };

export type TollfreeMade = { sid: string, existing: boolean, };

export type TollfreeNext = "verify" | "wait" | "edit" | "start-again" | "none";

export type TollfreeNumber = { numberSid: string, phoneNumber: string, friendlyName: string | null, 
/**
 * `HH…`, when the number has a verification.
 */
verificationSid: string | null, 
/**
 * PENDING_REVIEW, IN_REVIEW, TWILIO_APPROVED, TWILIO_REJECTED, or NONE.
 */
statusCode: string, status: string, next: TollfreeNext, reasons: Array<Reason>, 
/**
 * How long the edit window stays open, in words ("3 days left to edit").
 */
editLeft: string | null, };

export type TollfreeView = { numbers: Array<TollfreeNumber>, profiles: Array<ProfileChoice>, 
/**
 * Why the list may miss records, when a list was cut short.
 */
incomplete: string | null, };

export type UiError = { kind: ErrorKind, 
/**
 * What happened and what to do next, in plain words.
 */
message: string, 
/**
 * Twilio's error code, when Twilio gave one.
 */
code: number | null, 
/**
 * Twilio's page about the error (always https).
 */
moreInfo: string | null, 
/**
 * The form field the error is about (`email`, `friendlyName`, ...).
 */
field: string | null, 
/**
 * The HTTP status, when there was an answer.
 */
status: number | null, 
/**
 * Twilio's own wording, when the message above replaces it.
 */
detail: string | null, 
/**
 * A step of two that was done before the second failed (an object created but not
 * assigned): the window offers to finish or undo it, never leaves it silently.
 */
partial: Partial | null, };

export type UpdateCheck = { current: string, 
/**
 * The newer version offered, if there is one.
 */
available: Available | null, 
/**
 * Why this copy cannot install it itself, and how to update instead.
 */
howToUpdate: string | null, };

export type UpdateProgress = { received: number, total: number | null, };

export type Usecase = { code: string | null, name: string | null, description: string | null, 
/**
 * Whether Twilio reviews campaigns of this use case after approval as well.
 */
post_approval_required: boolean | null, };

export type UsedBy = { sid: string, name: string | null, 
/**
 * `customer-profile`, `trust-product`, `document` or `phone-number`.
 */
what: string, };

export type VettingLine = { provider: string, class: string, status: string, date: string | null, };

export type VoiceApplied = { done: Array<StepView>, 
/**
 * The step that failed and why; the steps after it were not tried.
 */
failed: StepView | null, error: UiError | null, left: Array<StepView>, };

export type VoiceNumber = { sid: string, phoneNumber: string, friendlyName: string | null, onProfile: boolean, onProduct: boolean, 
/**
 * Why the number cannot go on this product, when it cannot (CNAM: US numbers only).
 */
notAllowed: string | null, };

export type VoiceNumbersView = { productSid: string, productName: string, 
/**
 * "SHAKEN/STIR", "CNAM" or "Voice Integrity".
 */
kind: string, 
/**
 * The approved Customer-Profile the product is built on, when it has one.
 */
profileSid: string | null, profileName: string | null, numbers: Array<VoiceNumber>, };

export type VoiceProgress = { done: number, total: number, };

export type WatchSettings = { 
/**
 * How often records under review are checked again, in minutes; 0: never.
 */
checkEveryMinutes: number, 
/**
 * Whether a decision is also told by a system notification.
 */
notify: boolean, };

export type WatchedKind = "customer-profile" | "trust-product" | "brand" | "campaign" | "tollfree-verification";

/** The payload of each event the app sends the window. */
export type EventPayloads = {
  "overview-progress": OverviewProgress;
  "update-progress": UpdateProgress;
  "voice-progress": VoiceProgress;
  "watch-decision": Decision;
  "watch-notice": string;
  "watch-open": NotificationTarget;
  "internal-error": UiError;
};
