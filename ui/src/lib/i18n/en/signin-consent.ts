// English: the setup's line "Let your helpdesk sign in to PinDesk" — the organisation's approval
// of PinDesk's sign-in client, the permissions in plain words, and the own app registration.
export default {
  'consent.appsHeading': 'Allow PIN reset',
  'setup.row.signin': 'Helpdesk can sign in to PinDesk',
  'setup.status.signInConsentDone': 'Your organisation has approved PinDesk: everyone can sign in.',
  'setup.status.signInConsentNotDone': "Your organisation has not approved PinDesk's sign-in yet.",
  'setup.status.signInConsentMissing': 'Your organisation has not approved {count} of the permissions PinDesk needs.',
  'setup.status.signInConsentCannotSee':
    "You can't see whether your organisation approved PinDesk with your account's role or permissions.",

  'signinConsent.heading': 'Let your helpdesk sign in to PinDesk',
  'signinConsent.intro':
    'Helpdesk staff can only sign in once an administrator approves what PinDesk may do, once, for the whole organisation. Until then they are turned away at sign-in.',
  'signinConsent.done': 'Done: helpdesk staff can sign in to PinDesk.',
  'signinConsent.missing': 'Still to approve:',
  'signinConsent.before.role':
    'You need the Application Administrator or Cloud Application Administrator role (Privileged Role Administrator or Global Administrator also work).',
  'signinConsent.before.page':
    "PinDesk opens Microsoft's approval page in your browser. Check the list and click Accept.",
  'signinConsent.before.after':
    'Afterwards the browser may say it cannot reach "localhost". That is normal: come back here, PinDesk checks the result itself.',
  'signinConsent.grant': 'Approve for the organisation',
  'signinConsent.checkNow': 'I already approved: check now',
  'signinConsent.waiting': 'Waiting for the approval to show up…',
  'signinConsent.timedOut':
    'PinDesk stopped waiting after 10 minutes. If you accepted, click "check now"; if not, open the approval page again.',
  'signinConsent.ownApp.summary': 'Your organisation blocks "Microsoft Graph Command Line Tools"? Use your own app registration',
  'signinConsent.ownApp.intro':
    'PinDesk can sign in with an app registration of your own instead. In the Microsoft Entra admin center:',
  'signinConsent.ownApp.step1':
    'App registrations → New registration: a name such as "PinDesk", "Accounts in this organizational directory only".',
  'signinConsent.ownApp.step2':
    'Authentication → Add a platform → "Mobile and desktop applications", redirect URI http://localhost; set "Allow public client flows" to Yes.',
  'signinConsent.ownApp.step3':
    'API permissions → Add a permission → Microsoft Graph → Delegated: the permissions listed in PinDesk\'s README (the same ones this page approves).',
  'signinConsent.ownApp.step4': 'Click "Grant admin consent for your organisation".',
  'signinConsent.ownApp.step5':
    'Copy the "Application (client) ID" into PinDesk\'s managed configuration file as clientId, for everyone:',

  'permission.User.Read': 'Sign you in and read your name',
  'permission.Application.Read.All': 'See which apps are allowed in your organisation',
  'permission.Directory.Read.All': "Read your organisation's directory (to check this approval)",
  'permission.GroupMember.Read.All': "Find groups and see who is in them",
  'permission.DeviceManagementConfiguration.Read.All': "Read Intune's device configuration profiles",
  'permission.DeviceManagementConfiguration.ReadWrite.All': 'Create and assign the PIN recovery profile',
  'permission.DeviceManagementManagedDevices.Read.All': 'Find the devices Intune manages',
  'permission.DeviceManagementManagedDevices.PrivilegedOperations.All': "Reset a device's passcode",
} as const;
