// English: what the Rust side says about the tenant's setup, by the keys it sends (overview
// lines, each app, profile problems, assignment targets, device statuses). Its English text is
// the fallback for a key missing here.
export default {
  'setup.status.tenantNamed': 'Organisation: {name}.',
  'setup.status.tenantUnnamed': 'Organisation: name not available.',
  'setup.status.cannotSeeTenant': "You can't see your organisation's details with your account's role or permissions.",
  'setup.status.cannotSeeProfiles':
    "You can't see the device configuration profiles with your account's role or permissions.",
  'setup.status.cannotSeeAssignments':
    "You can't see who the profile is assigned to with your account's role or permissions.",
  'setup.status.cannotSeeDeployment': "You can't see how the profile deploys with your account's role or permissions.",
  'setup.status.consentDone': 'Both PIN reset apps are allowed and switched on.',
  'setup.status.consentDisabled': 'A PIN reset app is in your organisation but switched off.',
  'setup.status.consentCannotSee':
    "You can't see whether the PIN reset apps are allowed with your account's permissions.",
  'setup.status.consentFailed': 'PinDesk could not check the PIN reset apps just now.',
  'setup.status.consentNotDone': 'The PIN reset apps are not allowed yet.',
  'setup.status.policyFound': 'The profile "{name}" turns on PIN recovery.',
  'setup.status.policyMissing': 'No profile turns on PIN recovery yet.',
  'setup.status.assignmentWaits': 'Comes after the profile exists.',
  'setup.status.deploymentWaits': 'Comes after the profile is assigned.',
  'setup.status.assignedTo': 'Assigned to {names}.',
  'setup.status.notAssigned': 'The profile is not assigned to anyone yet.',
  'setup.status.deploymentCounts':
    '{succeeded} devices have it, {pending} are waiting, {errors} have errors, {notApplicable} not applicable.',
  'setup.status.deploymentNoReport': 'No report yet.',

  'setup.app.appEnabled': '{name} is allowed and switched on.',
  'setup.app.appAbsent': '{name} has not been allowed for your organisation yet.',
  'setup.app.appDisabled':
    '{name} is in your organisation but switched off, so PIN reset will not work. In the Entra admin center, open Enterprise applications, find {name} and set "Enabled for users to sign in" to Yes.',

  'setup.problem.valueFalse':
    'The profile "{name}" turns PIN recovery off (EnablePinRecovery is false). Change it to true in the Intune admin center, or delete it, so it does not conflict.',
  'setup.problem.otherTenant':
    'The profile "{name}" sets PIN recovery for another organisation\'s ID, so it has no effect here. It was probably copied from another tenant: fix the ID or delete it.',
  'setup.problem.notBoolean':
    'The profile "{name}" sets EnablePinRecovery with a type other than Boolean, which Windows does not read as intended. Change the setting type to Boolean.',
  'setup.problem.wrongPath':
    'The profile "{name}" sets EnablePinRecovery under a path Windows does not use. The path must start with ./Device/Vendor/MSFT/PassportForWork/.',

  'setup.target.unreadableGroup': 'a group that could not be read ({id})',
  'setup.target.allDevices': 'All devices',
  'setup.target.allUsers': 'All users',
  'setup.target.otherTarget': 'Another kind of target ({type})',

  'setup.device.succeeded': 'Has it',
  'setup.device.pending': 'Waiting',
  'setup.device.notApplicable': 'Not applicable',
  'setup.device.error': 'Error',
  'setup.device.conflict': 'Conflict',
  'setup.device.notAssigned': 'No longer assigned',
  'setup.device.succeeded.why': 'The device has PIN recovery turned on.',
  'setup.device.pending.why': 'Waiting for the device to check in with Intune; this can take up to eight hours.',
  'setup.device.notApplicable.why':
    'This profile is for Windows only. Other devices of an assigned user (phones, Macs) are listed as not applicable: that is expected, nothing to fix.',
  'setup.device.error.why':
    'The device could not apply the setting. Usually the Windows version is too old (1703 or later is needed) or the device is not Entra joined.',
  'setup.device.conflict.why':
    'Another profile sets EnablePinRecovery differently for this device. Find the other profile (it may set the value to false) and remove the conflict.',
  'setup.device.notAssigned.why': 'The device is no longer in an assigned group.',
} as const;
