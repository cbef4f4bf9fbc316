// English: what the Rust side's eligibility rules, reset reasons and warnings say, by their keys.
export default {
  'rule.resettable.headline': 'A new passcode can be generated',
  'rule.resettable.explanation':
    'This Windows 10 Mobile phone is Entra joined and managed. Intune will generate a new passcode; read it to the person once the phone has received it.',
  'rule.windowsDesktop.headline': 'The person can reset their own PIN',
  'rule.windowsDesktop.explanation':
    'Intune cannot generate a passcode for a Windows 10 or 11 computer. Once PIN recovery is switched on, the person resets the PIN themselves from the sign-in screen; nobody else ever sees it.',
  'rule.windowsDesktop.step1': 'On the sign-in screen, under the PIN box, select "I forgot my PIN".',
  'rule.windowsDesktop.step2': 'Sign in with the work account and complete the extra verification (MFA).',
  'rule.windowsDesktop.step3': 'Choose a new PIN when Windows asks for it.',
  'rule.windowsDesktop.step4':
    'If the link is missing: PIN recovery has not reached this PC yet. The checklist above says what is missing; meanwhile the person signs in with their password or a Temporary Access Pass.',
  'rule.windows81.headline': 'Windows 8.1 is out of support',
  'rule.windows81.explanation':
    'Windows 8.1 has been out of support since October 2022, so Intune cannot help with its PIN. The device should be replaced or upgraded.',
  'rule.iosRemove.headline': 'The passcode can be removed',
  'rule.iosRemove.explanation':
    "Intune removes this iPhone's or iPad's passcode; it does not make a new one. Once the device has received it, it opens without a passcode. If a company policy requires one, the device asks the person to set a new passcode at once: tell them to expect that.",
  'rule.iosUserEnrollment.headline': "Intune cannot touch this phone's passcode",
  'rule.iosUserEnrollment.explanation':
    'This iPhone or iPad uses User Enrollment: it is a personal device where the company manages only its own apps and data, and Intune may not remove its passcode. The person resets the passcode themselves, as Apple describes for a forgotten passcode.',
  'rule.macos.headline': "Intune cannot reset a Mac's password",
  'rule.macos.explanation':
    "Intune can neither reset nor remove the password of a Mac. The person resets it on the Mac itself, from the login window with their Apple Account or recovery key; if that is not set up, the Mac's administrator has to help.",
  'rule.androidDeviceOwner.headline': 'A new passcode can be generated',
  'rule.androidDeviceOwner.explanation':
    'This company Android phone is fully managed by Intune. Intune will generate a new device passcode; read it to the person once the phone has received it.',
  'rule.aosp.headline': 'A new passcode can be generated',
  'rule.aosp.explanation':
    'This Android (AOSP) device is company-owned and managed. Intune will generate a new device passcode; read it to the person once the device has received it.',
  'rule.workProfile.headline': "The work profile's passcode can be reset",
  'rule.workProfile.explanation':
    'Intune resets only the work profile\'s passcode, not the phone\'s own lock screen, and shows a temporary passcode to read out. The person unlocks the work apps with it and then chooses a new one. This works only if the work profile\'s reset token is active (a passcode policy for the work profile, accepted on the phone); otherwise Intune answers "not supported".',
  'rule.workProfileTooOld.headline': "This phone's Android is too old",
  'rule.workProfileTooOld.explanation':
    "This phone has a work profile on Android {version}. Intune can reset a work profile's passcode only on Android 8.0 or later, and never the passcode of the whole phone. The phone needs an Android update first.",
  'rule.androidAdmin.headline': 'A new passcode can be generated',
  'rule.androidAdmin.explanation':
    'This Android phone is managed the older way (device administrator) on Android 6 or earlier. Intune will generate a new passcode; read it to the person once the phone has received it.',
  'rule.androidAdminTooNew.headline': "Intune cannot reset this phone's passcode",
  'rule.androidAdminTooNew.explanation':
    "This phone runs Android {version} and is managed the older way (device administrator). Google removed passcode resets for such phones from Android 7.0 on. The person resets the passcode with their Google account or the phone maker's own recovery; re-enrolling with Android Enterprise would allow it in future.",
  'rule.unknownAndroid.headline': 'Not eligible: unknown Android enrollment',
  'rule.androidUnchecked.headline': 'Not eligible: enrollment not read',
  'rule.mobileTooOld.headline': "This phone's Windows is too old",
  'rule.mobileTooOld.explanation':
    'This phone runs Windows 10 Mobile {version}. A new passcode needs the Creators Update (10.0.15063) or later. Update the phone first.',
  'rule.notEntraJoined.headline': 'This phone is not Entra joined',
  'rule.notEntraJoined.explanation':
    'Intune can generate a new passcode only for a phone joined to Microsoft Entra ID. This phone was enrolled another way (for example a personal, registered device), so it cannot be reset from here.',
  'rule.notManaged.headline': 'This phone is not in normal management',
  'rule.notManaged.explanation':
    'Intune reports this phone as {state} rather than managed, so a new passcode would not reach it.',
  'rule.unknownDevice.headline': 'Not eligible: unknown device',
  'rule.unknownVersion.headline': 'Not eligible: unknown version',
  'rule.unknownEnrollment.headline': 'Not eligible: unknown enrollment',
  'rule.unknownManagement.headline': 'Not eligible: unknown management state',
  'rule.unrecognised':
    'Not eligible: PinDesk does not recognise what this device reports, so it will not guess. Here is what we saw: operating system {os}, version {version}, model {model}, enrollment {enrollment}, management state {management}.',
  'rule.notReported': '(not reported)',

  'state.retiring': 'being retired',
  'state.retireFailed': 'failed to retire',
  'state.wiping': 'waiting to be wiped',
  'state.wipeFailed': 'failed to wipe',
  'state.deleting': 'waiting to be deleted',
  'state.unhealthy': 'unhealthy',
  'state.discovered': 'discovered but not enrolled',
  'state.other': 'in another state',

  'warning.retiring': 'This device is being retired: it is leaving management and will lose company data.',
  'warning.wipePending': 'A wipe is pending for this device: it will be reset to factory settings.',
  'warning.stale':
    'This device has not checked in for {days} days. Make sure it is the right device; anything sent reaches it only when it next connects.',
  'warning.noCheckIn': 'Intune has no check-in time for this device.',

  'reason.failed':
    'The device could not set a new passcode. Open the device in the Intune admin center to see its state; the phone may be offline, being wiped, or not able to take a new passcode.',
  'reason.notSupported':
    'Intune says this device does not support a passcode reset. Check in the Intune admin center how the device is enrolled; for a Windows computer, walk the person through the self-service PIN reset instead.',
  'reason.canceled':
    'The reset was canceled before the device applied it, so no new passcode was set. You can send a new reset.',
  'reason.unknown': 'Intune reported a state PinDesk does not know. Check the device in the Intune admin center.',
} as const;
