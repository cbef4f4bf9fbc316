// The helpdesk's daily screen: the search that finds the person, the waiting state, the home
// and its keyboard shortcuts.
export default {
  'daily.searchLabel': "Person's name, sign-in address, device name or serial number",
  'daily.searchHint': 'Ctrl+F to search, ↑ ↓ to choose, Enter to open, Esc to go back',
  'daily.noneFor': 'Nothing found for “{query}”.',
  'daily.noneSearched':
    "PinDesk looked at device names, people's names and sign-in addresses, and serial numbers.",
  'daily.noneTry':
    "Try the person's first or last name, the start of their sign-in address (zoe.martin), or the serial number on the device's label.",
  'daily.devicesOf.one': 'one device',
  'daily.devicesOf.other': '{count} devices',
  'daily.serial': 'Serial {serial}',
  'daily.noSerial': 'No serial number',
  'daily.nextCaller': 'Next caller',
  'daily.nextCallerTitle': 'Clears the device, the ticket and the search (Ctrl+N)',
  'daily.setup': 'Setup',
  'daily.setupTitle': "For administrators: set the organisation up for PIN recovery",
  'daily.backToSearch': 'Back to the search',
  'daily.sentAgo': 'Sent {ago}.',
  'daily.sentJustNow': 'Sent just now.',
  'daily.readToCaller': 'Read this to the caller:',
  'daily.sayWaiting':
    '“I have asked for a new passcode for your device. It arrives when your device next connects; please keep it switched on and online.”',
  'daily.takesLong':
    'If it takes long: you can help the next caller. Opening this device again later picks the reset up where it is; nothing is sent twice.',
  'daily.ticketRequired': 'Ticket number (your organisation requires one)',
  'daily.callerChecked': 'I verified the caller is the person this device belongs to',
  'daily.advanced': 'Advanced: where PinDesk signs in',
  'daily.setupPinRecovery':
    "PIN recovery has not reached this PC yet: your organisation's setup is not finished, so the person may not be able to reset their PIN from the sign-in screen. An administrator finishes it under Setup.",
} as const;
