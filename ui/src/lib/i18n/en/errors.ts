// English: every error kind the Rust side sends (IpcError.kind), as what happened and what to do
// next. A kind missing here shows the Rust message instead.
export default {
  'errors.config.what': "PinDesk's settings are not valid.",
  'errors.config.next': 'Check the settings, or ask your IT team.',
  'errors.badRequest.what': 'The request was not accepted. Nothing was changed.',
  'errors.badRequest.next':
    'Check what you entered and try again; if it keeps happening, copy the details for your IT team.',
  'errors.notSignedIn.what': 'You are not signed in.',
  'errors.notSignedIn.next': 'Sign in to go on.',
  'errors.ticketRequired.what': 'Your organisation asks for a ticket number before a reset. Nothing was sent.',
  'errors.ticketRequired.next': 'Type the ticket number in the ticket field, then reset again.',
  'errors.notBuiltYet.what': 'This part of PinDesk is not available in this version yet.',
  'errors.notBuiltYet.next': 'Use the Intune admin center for it for now.',
  'errors.internal.what': 'Something unexpected went wrong.',
  'errors.internal.next': 'Try again; if it keeps happening, copy the details for your IT team.',
  'errors.signInCancelled.what': 'Sign-in was cancelled. Nothing was changed.',
  'errors.signInCancelled.next': 'Sign in when you are ready.',
  'errors.signInTimedOut.what': 'PinDesk waited for the browser, but the sign-in did not finish in time.',
  'errors.signInTimedOut.next': 'Click Sign in to try again.',
  'errors.signInInProgress.what': 'A sign-in is already open in your browser.',
  'errors.signInInProgress.next': 'Finish it there, or cancel it in PinDesk and start again.',
  'errors.consentMissing.what': 'Your organisation has not yet allowed PinDesk to do this.',
  'errors.consentMissing.next': 'Ask an administrator to grant consent, then sign in again.',
  'errors.orgNotApproved.what': 'Your organisation has not approved PinDesk yet, so you cannot sign in.',
  'errors.orgNotApproved.next':
    'Ask an administrator to run the first step of PinDesk\'s setup ("Let your helpdesk sign in to PinDesk"), then sign in again.',
  'errors.conditionalAccess.what':
    "Your organisation's access rules blocked this sign-in (for example from this device or location).",
  'errors.conditionalAccess.next': 'Ask your IT team, and give them the details below.',
  'errors.clientUnknown.what': 'Your organisation does not know the application ID PinDesk signs in with.',
  'errors.clientUnknown.next': "Ask your IT team to check the client ID in PinDesk's settings.",
  'errors.userNotAssigned.what': 'Your account is not allowed to use this application.',
  'errors.userNotAssigned.next': 'Ask your IT team to assign you to it.',
  'errors.mfaRequired.what': 'Your organisation asks for a second sign-in step.',
  'errors.mfaRequired.next': 'Sign in again and complete it in the browser.',
  'errors.sessionExpired.what': 'Your sign-in has expired.',
  'errors.sessionExpired.next': 'Sign in again to go on.',
  'errors.interactionRequired.what': 'Your organisation asks you to sign in again before PinDesk may do this.',
  'errors.interactionRequired.next': 'Sign in again; your other work in PinDesk stays signed in.',
  'errors.accountElsewhere.what': 'This account signed in with another sign-in service or application than PinDesk uses now, so PinDesk did not use it.',
  'errors.accountElsewhere.next': 'Sign in again, or forget the account.',
  'errors.identityProvider.what': 'The sign-in service refused the request.',
  'errors.identityProvider.next': 'Try again; if it keeps happening, copy the details for your IT team.',
  'errors.signInRejected.what':
    'PinDesk did not accept the answer from the sign-in service, so you are not signed in.',
  'errors.signInRejected.next': 'Try again; if it keeps happening, copy the details for your IT team.',
  'errors.network.what': 'PinDesk could not reach Microsoft (the sign-in service or Microsoft Graph).',
  'errors.network.next':
    'Check the network connection (and the proxy, if your organisation uses one), then try again.',
  'errors.keychainUnavailable.what': "PinDesk could not use this computer's keychain (it may be locked or missing).",
  'errors.keychainUnavailable.next': 'Unlock it and try again; until then, a sign-in lasts for this session only.',
  'errors.browserUnavailable.what': 'PinDesk could not open the web browser for sign-in.',
  'errors.browserUnavailable.next': 'Check that a default browser is set, then try again.',
  'errors.storage.what': 'PinDesk could not read or write its own files.',
  'errors.storage.next': 'Check the disk and your permissions, then try again.',
  'errors.clipboard.what': 'PinDesk could not copy to the clipboard.',
  'errors.clipboard.next': 'Read the passcode from the screen instead.',
  'errors.throttled.what': 'Microsoft is getting too many requests from your organisation right now.',
  'errors.throttled.next': 'Wait a minute, then try again.',
  'errors.throttled.wait': 'Microsoft asked to wait {seconds} seconds.',
  'errors.roleMissing.what': 'Your account does not have the Intune role this needs.',
  'errors.roleMissing.next':
    'Ask an Intune administrator for the right role (Help Desk Operator to reset passcodes, Policy and Profile Manager to set up the policy), then sign in again.',
  'errors.scopeMissing.what': 'PinDesk was not given the permission this needs.',
  'errors.scopeMissing.next':
    'Sign in again; if it still fails, ask an administrator to grant PinDesk that permission for your organisation.',
  'errors.notFound.what': 'Microsoft Graph could not find it; it may have been deleted or renamed.',
  'errors.notFound.next': 'Search again and try once more.',
  'errors.notLicensed.what':
    'Your organisation does not have Intune set up (a licence or the device management authority is missing).',
  'errors.notLicensed.next': 'Ask your IT administrator to set up Intune first.',
  'errors.claimsChallenge.what':
    "Your organisation's access rules ask you to sign in again (for example with another verification step).",
  'errors.claimsChallenge.next': 'Sign in again to go on.',
  'errors.serviceError.what': 'Microsoft Graph had a problem answering.',
  'errors.serviceError.next':
    'Wait a moment and try again; if it keeps happening, copy the details for your IT team.',
  'errors.cancelled.what': 'Stopped. Nothing more was asked of Microsoft Graph.',
  'errors.cancelled.next': 'Start again when you are ready.',
  'errors.tookTooLong.what':
    'Microsoft Graph did not answer within a minute (it may be busy or limiting requests), so PinDesk stopped asking.',
  'errors.tookTooLong.next': 'Try again in a few minutes.',
  'errors.assignmentsChanged.what':
    'Someone changed who gets this profile since PinDesk showed it, so PinDesk changed nothing.',
  'errors.assignmentsChanged.next': 'The list now shows who gets it. Check it, then assign again.',
  'errors.resetAlreadySending.what': 'A reset of this device is already being sent.',
  'errors.resetAlreadySending.next': 'Wait for it; nothing more was sent.',
  'errors.resetUnconfirmed.what':
    'PinDesk could not confirm whether the reset reached Intune, so it did not send it again.',
  'errors.resetUnconfirmed.next':
    'Open the device in the Intune admin center and check its device actions before trying again.',
  'errors.tenantMismatch.what':
    'Microsoft Graph and your sign-in name different organisations, so PinDesk changed nothing.',
  'errors.tenantMismatch.next':
    'Sign out, sign in again with an account of the organisation you want to set up, and try again.',
  'errors.unconfirmed.what':
    'PinDesk could not confirm whether Intune made the change, so it did not send it again.',
  'errors.unconfirmed.next':
    'Check the setup again in a moment: PinDesk will find the change if it was made, and finish the step otherwise.',
} as const;
