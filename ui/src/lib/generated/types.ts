// Written by `cargo test -p pindesk --test contract` from the Rust types that cross IPC (src-tauri/src/contract.rs); do not edit.

/**
 * A person signed in to a tenant.
 */
export type Account = { 
/**
 * `<oid>.<tid>`, the same form as MSAL's home account ID.
 */
id: string, username: string, displayName: string, tenantId: string, 
/**
 * Sent as `null` when unknown: the window expects the key.
 */
tenantName: string | null, };

export type AppCheck = { app: PinResetApp, state: PinResetAppState, 
/**
 * What PinDesk found and what to do next, by key with the app's name.
 */
sentence: Sentence<AppKey>, 
/**
 * For support only.
 */
detail: string | null, };

/**
 * What the window shows about the app itself.
 */
export type AppInfo = { version: string, demo: boolean, authority: string, graphUrl: string, clientId: string, 
/**
 * The window's language as the person chose it; `None` follows the system.
 */
language: string | null, 
/**
 * What was wrong with the settings and accounts files; the window says so, since on
 * Windows nobody sees a console.
 */
problems: Array<FileProblem>, 
/**
 * The administrator's rules for the reset's confirmation (ticket, caller check).
 */
resetRules: ResetRules, };

/**
 * What PinDesk found out about one PIN reset app, worded as `setup.app.<key>`.
 */
export type AppKey = "appEnabled" | "appAbsent" | "appDisabled" | "error";

export type AssignmentPart = { assignments: Array<AssignmentView>, state: ItemState, sentence: Sentence<StatusKey>, 
/**
 * For support only.
 */
detail: string | null, };

/**
 * One assignment as the window lists it.
 */
export type AssignmentView = { kind: TargetKind, groupId: GroupId | null, 
/**
 * Who it is, by key: a group with its own name, or a kind of target the window words.
 */
target: Sentence<TargetKey>, 
/**
 * Names the target exactly; the window hands back the keys it showed when it assigns.
 */
key: string, };

/**
 * A reset as the audit view and the CSV export show it.
 */
export type AuditRow = { at: string, operator: string, tenantId: string, tenantName: string | null, deviceId: string, deviceName: string | null, ticket: string | null, outcome: Outcome, 
/**
 * A line for support: what went wrong, as the log says it.
 */
note: string | null, 
/**
 * The note's stable key (`error:<kind>`, `reason:<key>`, `pass:<how>`,
 * `passError:<kind>`), for the window's own words.
 */
noteKey: string | null, noteValues: { [key in string]: string }, };

/**
 * One line's answer.
 */
export type Check = { "state": "yes" } | { "state": "no", why: Missing, } | { "state": "unknown", needs: string, };

/**
 * The one thing the window says from the four lines.
 */
export type Conclusion = { "kind": "selfService" } | { "kind": "blocked", missing: Missing, fixer: Fixer, } | { "kind": "unsure" };

/**
 * Which file a problem is about; the window says what PinDesk does instead from this.
 */
export type ConfigFile = "administrator" | "settings" | "accounts";

/**
 * A consent page to open, in order.
 */
export type ConsentLink = { app: PinResetApp, url: string, };

/**
 * The two consent pages, in the order they must be opened.
 */
export type ConsentLinks = { links: Array<ConsentLink>, };

export type ConsentPart = { state: ItemState, sentence: Sentence<StatusKey>, 
/**
 * For support only.
 */
detail: string | null, apps: Array<AppCheck>, 
/**
 * Both apps present and enabled.
 */
done: boolean, 
/**
 * An app is absent. Once the person said they accepted (or the watch ran out), the window
 * says the consent most likely went to another organisation: Entra records admin consent in
 * the tenant the browser signed in to (a guest's or partner's home organisation, another
 * account already signed in, a link sent earlier that named `common`). None of that is
 * visible from here, so the words name the likely causes and the way out.
 */
absentAfterAccept: boolean, };

export type ConsentStatus = { apps: Array<AppCheck>, 
/**
 * Both apps present and enabled.
 */
done: boolean, 
/**
 * An app is absent. Once the person said they accepted (or the watch ran out), the window
 * says the consent most likely went to another organisation: Entra records admin consent in
 * the tenant the browser signed in to (a guest's or partner's home organisation, another
 * account already signed in, a link sent earlier that named `common`). None of that is
 * visible from here, so the words name the likely causes and the way out.
 */
absentAfterAccept: boolean, };

/**
 * What the window says after a copy.
 */
export type Copied = { clearAfterSeconds: number, };

export type Deployment = { counts: DeploymentCounts, devices: Array<DeviceLine>, 
/**
 * False when the page limit stopped the walk through `deviceStatuses` with pages left: the
 * window says the list is partial (the counts above it are whole).
 */
complete: boolean, };

export type DeploymentCounts = { succeeded: number, pending: number, notApplicable: number, errors: number, failed: number, lastUpdate: string | null, };

export type DeploymentPart = { counts: DeploymentCounts | null, state: ItemState, sentence: Sentence<StatusKey>, 
/**
 * For support only.
 */
detail: string | null, };

/**
 * The ID of an Intune device configuration profile.
 */
export type DeviceConfigurationId = string;

/**
 * One device's line.
 */
export type DeviceLine = { device: string, user: string | null, 
/**
 * The window words it, and what it means, as `setup.device.<status>` (and `.why`).
 */
status: DeviceStatus, 
/**
 * Errors and conflicts: the window highlights these.
 */
needsAttention: boolean, lastReport: string | null, 
/**
 * The setting was applied to the device itself, not for a person: Intune reports such rows
 * with the user "System account". The window words them as "the device itself".
 */
deviceContext: boolean, };

/**
 * Where the profile stands on one device.
 */
export type DeviceStatus = "succeeded" | "pending" | "notApplicable" | "error" | "conflict" | "notAssigned";

/**
 * One line of the results list.
 */
export type DeviceSummary = { id: string, name: string, 
/**
 * The person's display name; `None` when the device has no person assigned.
 */
user: string | null, 
/**
 * The person's sign-in address, shown beside the name (two people can share a name).
 */
signIn: string | null, model: string | null, os: string | null, osVersion: string | null, lastCheckIn: string | null, serial: string | null, eligibility: Eligibility, };

export type Diagnostics = { text: string, };

/**
 * What a reset does on the device, so the confirmation and the result can say it.
 */
export type Effect = "newPasscode" | "passcodeRemoved" | "workProfilePasscode";

export type Eligibility = { verdict: Verdict, 
/**
 * Which rule decided: the window words its headline, explanation and steps.
 */
rule: RuleKey, 
/**
 * The values the rule's sentences name: a version, an owner, or what the device reported
 * (empty when it reported nothing).
 */
values: { [key in string]: string }, warnings: Array<Warning>, 
/**
 * What a reset does, for a resettable device only.
 */
effect: Effect | null, };

/**
 * The export's words from the window's catalogue: the column headings, each outcome, and each
 * note by its key (`error:<kind>`, `reason:<key>`, `pass:<how>`, `passError:<kind>`). A note's
 * words name its values as `{name}`; `value:<name>` words one the log did not record.
 */
export type ExportWords = { headings: Array<string>, outcomes: { [key in Outcome]?: string }, notes: { [key in string]: string }, };

export type Exported = { path: string, rows: number, };

export type FailureKind = "config" | "badRequest" | "notSignedIn" | "notBuiltYet" | "internal" | "signInCancelled" | "signInTimedOut" | "signInInProgress" | "consentMissing" | "orgNotApproved" | "conditionalAccess" | "clientUnknown" | "userNotAssigned" | "mfaRequired" | "sessionExpired" | "interactionRequired" | "accountElsewhere" | "identityProvider" | "signInRejected" | "network" | "keychainUnavailable" | "browserUnavailable" | "storage" | "clipboard" | "tenantMismatch" | "unconfirmed" | "assignmentsChanged" | "throttled" | "roleMissing" | "scopeMissing" | "notFound" | "notLicensed" | "claimsChallenge" | "serviceError" | "cancelled" | "tookTooLong" | "resetAlreadySending" | "resetUnconfirmed" | "tapAlreadySending" | "tapExists" | "tapPolicyRefused" | "tapAdminTarget" | "tapRoleMissing" | "tapUnconfirmed" | "tapCreatedUnseen" | "ticketRequired";

/**
 * One problem with one file. Settings files hold no secret, so the detail may quote them.
 */
export type FileProblem = { file: ConfigFile, path: string, kind: FileProblemKind, 
/**
 * The key concerned, for [`ProblemKind::UnknownKey`] and [`ProblemKind::BadValue`].
 */
key?: string, 
/**
 * A known key the unknown one probably meant (`graphUrl` for `graphURL`).
 */
suggestion?: string, 
/**
 * The technical reason, in English, for the log and the window's details.
 */
detail: string, };

/**
 * What is wrong with the file or one of its values.
 */
export type FileProblemKind = "unreadable" | "damaged" | "unknownKey" | "badValue";

/**
 * Who can fix a missing line.
 */
export type Fixer = "wait" | "intuneAdministrator" | "applicationAdministrator" | "helpdesk";

/**
 * A group the picker offers.
 */
export type GroupChoice = { id: GroupId, name: string, description: string | null, kind: GroupKind, 
/**
 * When Graph could count them in the same extra round trip; absent otherwise.
 */
memberCount: number | null, };

/**
 * An Entra group's object ID.
 */
export type GroupId = string;

/**
 * What kind of group it is, worded by the window as `groupKind.<key>`.
 */
export type GroupKind = "security" | "dynamicSecurity" | "microsoft365" | "dynamicMicrosoft365" | "distribution" | "dynamicDistribution";

/**
 * What the window receives when a command fails: `kind` is a stable word the window words in
 * the person's language (what happened, what to do next); `detail` is for support only.
 */
export type IpcError = { kind: FailureKind, detail?: string, 
/**
 * How long Microsoft asked to wait before trying again, when it said (throttling).
 */
retryAfterSeconds?: number, };

export type ItemState = "done" | "notDone" | "cannotSee" | "failed";

/**
 * A remembered account as the sign-in screen lists it: `signed_in_elsewhere` is set when the
 * account signed in with another authority, client ID or Graph than PinDesk uses now (or with
 * a version that did not note where); it then needs a new sign-in and can only be forgotten.
 */
export type ListedAccount = { 
/**
 * The authority the account signed in with, when that is not the one in use; `Some("")`
 * when unknown.
 */
signedInElsewhere: string | null, 
/**
 * `<oid>.<tid>`, the same form as MSAL's home account ID.
 */
id: string, username: string, displayName: string, tenantId: string, 
/**
 * Sent as `null` when unknown: the window expects the key.
 */
tenantName: string | null, };

/**
 * How much the log records.
 */
export type LogLevel = "warn" | "info" | "debug";

/**
 * Intune's ID of an enrolled device (not the Entra device ID).
 */
export type ManagedDeviceId = string;

/**
 * What is missing, so the window can say it in words and name who fixes it.
 */
export type Missing = "noProfile" | "profilePending" | "profileFailed" | "profileNotAssigned" | "noConsent" | "windowsTooOld" | "noMfaMethod";

/**
 * What the administrator chose to add.
 */
export type NewTarget = { "kind": "group", groupId: GroupId, } | { "kind": "allDevices" } | { "kind": "allUsers" };

export type OfferState = "offer" | "policyOff" | "notForThisPerson" | "exists" | "unknown";

/**
 * Where a configuration value came from.
 */
export type Origin = "default" | "administrator" | "user" | "environment" | "localTenant";

/**
 * How a reset ended, or how far it got (`outcome.<word>` in the catalogues).
 */
export type Outcome = "sent" | "alreadyRunning" | "notSent" | "unconfirmed" | "passcodeIssued" | "doneWithoutPasscode" | "failed" | "notSupported" | "canceled" | "accessPassGiven";

/**
 * How a pass was given, as its audit note says it (`pass:<how>`), with the person and the
 * minutes as values.
 */
export type PassNote = "oneTime" | "reusable" | "oneTimePolicyLifetime" | "reusablePolicyLifetime";

/**
 * One of the two enterprise apps behind Windows Hello PIN reset.
 */
export type PinResetApp = { 
/**
 * `service` or `client`: what the window branches on.
 */
key: "service" | "client", appId: string, displayName: string, 
/**
 * The consent URL exactly as Microsoft publishes it.
 */
publishedConsentUrl: string, };

/**
 * Where one app stands.
 */
export type PinResetAppState = "enabled" | "disabled" | "absent" | "cannotSee" | "failed";

/**
 * The profile PinDesk works with after `ensure_policy`.
 */
export type PolicyChoice = { profile: ProfileRef, 
/**
 * False when an existing profile was reused.
 */
created: boolean, omaUri: string, problems: Array<ProfileProblem>, };

export type PolicyPart = { 
/**
 * The profile PinDesk uses (the oldest that sets the value to true).
 */
profile: ProfileRef | null, 
/**
 * Other profiles that also set it to true (left alone, mentioned).
 */
others: Array<ProfileRef>, problems: Array<ProfileProblem>, 
/**
 * The OMA-URI this tenant needs.
 */
omaUri: string | null, state: ItemState, sentence: Sentence<StatusKey>, 
/**
 * For support only.
 */
detail: string | null, };

/**
 * The device's primary user, as Intune names them on the device.
 */
export type PrimaryUser = { id: string, displayName: string | null, userPrincipalName: string | null, };

export type ProblemKind = "valueFalse" | "otherTenant" | "notBoolean" | "wrongPath";

/**
 * A profile that looks like the PIN recovery policy but will not work as one: pointed out, not
 * silently ignored.
 */
export type ProfileProblem = { profile: ProfileRef, 
/**
 * The window words it as `setup.problem.<kind>` with the profile's name.
 */
kind: ProblemKind, omaUri: string, };

/**
 * A profile, as the window names it.
 */
export type ProfileRef = { id: DeviceConfigurationId, name: string, };

/**
 * The four lines, in the order the window shows them.
 */
export type Readiness = { profileReached: Check, serviceConsented: Check, windowsSupported: Check, mfaMethod: Check, };

/**
 * What the window shows: the four lines, the one conclusion, and the page they come from.
 */
export type ReadinessView = { deviceName: string | null, person: PrimaryUser | null, lines: Readiness, 
/**
 * The person's method kinds in words (`authenticator`, `phone`), never their details.
 */
methodKinds: Array<string>, conclusion: Conclusion, 
/**
 * Microsoft's page that names the Windows versions able to reset a PIN.
 */
pinResetPage: string, };

/**
 * Why a reset ended without a passcode (`reason.<key>` in the catalogues).
 */
export type ReasonKey = "failed" | "notSupported" | "canceled" | "unknown";

/**
 * What the administrator's file asks of every reset's confirmation.
 */
export type ResetRules = { 
/**
 * A ticket number must be typed.
 */
requireTicket: boolean, 
/**
 * "I verified the caller" must be ticked.
 */
requireCallerCheck: boolean, };

/**
 * What the window learns of a reset it asked for.
 */
export type ResetStartedForWindow = { 
/**
 * Set when the reset went out but the audit log could not be written: why not.
 */
auditWarning: FailureKind | null, deviceId: ManagedDeviceId, 
/**
 * When PinDesk sent the POST (this computer's clock), or the running reset's own start.
 */
startedAt: string, 
/**
 * True when no POST was sent because a reset of this device was already running.
 */
alreadyRunning: boolean, 
/**
 * The device's name as Graph has it, for the audit log.
 */
deviceName: string | null, };

export type ResetState = "none" | "pending" | "active" | "done" | "failed" | "notSupported" | "canceled" | "unknown";

/**
 * What the Reset view shows of a reset: the passcode only once it is there. The one place the
 * passcode is a plain string; overwritten when dropped, `***` in `Debug`.
 */
export type ResetStatusForWindow = { state: ResetState, passcode: string | null, 
/**
 * When the reset started (the service's clock), for a reset read back later.
 */
startedAt: string | null, validUntil: string | null, 
/**
 * Why it ended without a passcode, for the window's own words.
 */
reasonKey: ReasonKey | null, 
/**
 * For support, under "Details": device, start, error code.
 */
detail: string, adminCenterUrl: string, };

/**
 * Which row of the table decided.
 */
export type RuleKey = "resettable" | "windowsDesktop" | "windows81" | "iosRemove" | "iosUserEnrollment" | "macos" | "androidDeviceOwner" | "aosp" | "workProfile" | "workProfileTooOld" | "androidAdmin" | "androidAdminTooNew" | "mobileTooOld" | "notEntraJoined" | "notManaged" | "unknownDevice" | "unknownVersion" | "unknownEnrollment" | "unknownManagement" | "unknownAndroid" | "androidUnchecked";

/**
 * A page of results, and where the next one is when there are more.
 */
export type SearchResults = { devices: Array<DeviceSummary>, 
/**
 * Hand back to [`more_devices`] for the next page; opaque to the window.
 */
more: string | null, };

export type Sentence<K> = { key: K, params: { [key in string]: string }, };

/**
 * One value of the settings view.
 */
export type SettingValue = { value: string, origin: Origin, 
/**
 * Set by the organisation and not to be changed here.
 */
locked: boolean, };

/**
 * One layer of settings. Absent values fall through to the layer below.
 *
 * ```json
 * { "tenant": "contoso.onmicrosoft.com", "clientId": "…", "authorityHost": "https://login.microsoftonline.us", "graphUrl": "https://graph.microsoft.us" }
 * ```
 */
export type Settings = { tenant?: string | null, clientId?: string | null, authorityHost?: string | null, graphUrl?: string | null, 
/**
 * The window's language (`en`, `de`); absent means the system's.
 */
language?: string | null, 
/**
 * How much PinDesk writes to its log (`warn`, `info`, `debug`).
 */
logLevel?: LogLevel | null, };

/**
 * What the settings view shows: each value and where it came from, and the files involved.
 */
export type SettingsView = { tenant: SettingValue, clientId: SettingValue, authorityHost: SettingValue, authority: SettingValue, graphUrl: SettingValue, dataDir: string, adminConfigPath: string, userSettingsPath: string, 
/**
 * The window's language as chosen; `None` follows the system.
 */
language: string | null, logLevel: LogLevel, logDir: string, };

export type SetupOverview = { tenant: TenantPart, 
/**
 * Whether the organisation approved PinDesk's sign-in client for everyone.
 */
signin: SignInConsent, consent: ConsentPart, policy: PolicyPart, assignment: AssignmentPart, deployment: DeploymentPart, 
/**
 * Consent given, the profile exists and is assigned: the reset job can be used.
 */
everythingDone: boolean, };

export type SignInConsent = { state: ItemState, 
/**
 * Where the approval stands, by key for the window's words.
 */
sentence: Sentence<StatusKey>, 
/**
 * For support only.
 */
detail: string | null, 
/**
 * The sign-in client's application ID, and its name where the organisation has it.
 */
clientId: string, clientName: string | null, 
/**
 * Graph permissions every task needs that the organisation has not approved, by name.
 */
missing: Array<string>, 
/**
 * Graph permissions the organisation approved for the client.
 */
granted: Array<string>, };

/**
 * A session as the window sees it: with the keychain warning, so a person whose keychain
 * refused the token learns that the sign-in lasts for this session only.
 */
export type SignedIn = { storageWarning: string | null, account: Account, task: Task, };

/**
 * A state Intune manages a device in other than "managed", named in the `notManaged` rule's
 * sentence (`state.<key>`).
 */
export type StateKey = "retiring" | "retireFailed" | "wiping" | "wipeFailed" | "deleting" | "unhealthy" | "discovered" | "other";

/**
 * A line of the setup overview, worded by the window as `setup.status.<key>`.
 */
export type StatusKey = "tenantNamed" | "tenantUnnamed" | "cannotSeeTenant" | "cannotSeeProfiles" | "cannotSeeAssignments" | "cannotSeeDeployment" | "signInConsentDone" | "signInConsentNotDone" | "signInConsentMissing" | "signInConsentCannotSee" | "consentDone" | "consentDisabled" | "consentCannotSee" | "consentFailed" | "consentNotDone" | "policyFound" | "policyMissing" | "assignmentWaits" | "deploymentWaits" | "assignedTo" | "notAssigned" | "deploymentCounts" | "deploymentNoReport" | "error";

/**
 * The pass, shown once: the copy sent to the window is overwritten once it has been sent.
 */
export type TapForWindow = { pass: string, endsAt: string | null, lifetimeMinutes: number | null, oneTime: boolean, 
/**
 * Set when the pass was made but the audit log could not be written: why not.
 */
auditWarning: FailureKind | null, };

/**
 * What the TAP panel shows before anything is created.
 */
export type TapOfferView = { state: OfferState, lifetimeMinutes: number | null, oneTime: boolean | null, 
/**
 * The person holds a directory role: only a Privileged Authentication Administrator may
 * give them a pass.
 */
adminTarget: boolean, 
/**
 * When the running pass ends (`Exists`).
 */
endsAt: string | null, needs: string | null, };

/**
 * Who a pass is for, as the confirmation card showed them.
 */
export type TapRequest = { deviceId: string, deviceName: string | null, userId: string, userPrincipalName: string | null, 
/**
 * `None`: the policy's default (PinDesk could not read the policy).
 */
lifetimeMinutes: number | null, oneTime: boolean | null, adminTarget: boolean, ticket: string | null, };

/**
 * Who a profile is assigned to, worded as `setup.target.<key>`; a group by its own name.
 */
export type TargetKey = "group" | "unreadableGroup" | "allDevices" | "allUsers" | "otherTarget";

export type TargetKind = "group" | "excludedGroup" | "allDevices" | "allUsers" | "other";

/**
 * Why the person signs in.
 */
export type Task = "helpdesk" | "setup" | "setupStatus" | "readiness" | "accessPass" | "accessPassPolicy";

/**
 * The directory (tenant) ID, a GUID: `organization.id` and the ID token's `tid`.
 */
export type TenantId = string;

export type TenantPart = { id: TenantId | null, name: string | null, state: ItemState, sentence: Sentence<StatusKey>, 
/**
 * For support only.
 */
detail: string | null, };

export type Verdict = "resettable" | "selfService" | "notPossible" | "unknown";

export type Warning = { key: WarningKey, values: { [key in string]: string }, };

/**
 * Said before anything is sent, whatever the verdict.
 */
export type WarningKey = "retiring" | "wipePending" | "stale" | "noCheckIn";
