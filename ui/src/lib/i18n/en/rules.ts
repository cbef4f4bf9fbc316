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
    'If the link is missing: on the device, run `dsregcmd /status` in a command prompt and check that `CanReset` says `DestructiveAndNonDestructive`; if not, PIN recovery is not switched on for this device yet.',
  'rule.windows81.headline': 'Windows 8.1 is out of support',
  'rule.windows81.explanation':
    'Windows 8.1 has been out of support since October 2022, so Intune cannot reset its passcode. The device should be replaced or upgraded.',
  'rule.otherPlatform.headline': 'Not covered by this Windows procedure',
  'rule.otherPlatform.explanation':
    "This is a {os} device. PinDesk resets passcodes of Windows phones only; this device needs its own platform's procedure.",
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
    'Intune says this device does not support a passcode reset. Only Entra-joined Windows 10 Mobile phones do; for a Windows computer, walk the person through the self-service PIN reset instead.',
  'reason.canceled':
    'The reset was canceled before the device applied it, so no new passcode was set. You can send a new reset.',
  'reason.unknown': 'Intune reported a state PinDesk does not know. Check the device in the Intune admin center.',
} as const;
