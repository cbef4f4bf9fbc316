// English: problems with the files PinDesk reads at start, and settings locked by the
// organisation. Placeholders are {name}.
const en = {
  'files.heading': 'PinDesk started, but a file it reads has a problem',
  'files.name.administrator': "Your organisation's PinDesk settings",
  'files.name.settings': 'Your own PinDesk settings',
  'files.name.accounts': 'The list of remembered accounts',
  'files.kind.unreadable': '{file} could not be read.',
  'files.kind.damaged': '{file} are damaged: PinDesk cannot read them as settings.',
  'files.kind.damagedAccounts': '{file} is damaged: PinDesk cannot read it.',
  'files.kind.unknownKey': '{file} contain "{key}", which is not a setting PinDesk knows.',
  'files.kind.badValue': '{file} contain a value for "{key}" that PinDesk cannot use.',
  'files.suggestion': 'Did you mean "{suggestion}"?',
  'files.instead.administrator':
    'PinDesk ignores this file and uses its built-in values and your own settings instead. Please tell your IT team.',
  'files.instead.settings':
    "PinDesk ignores this file and uses your organisation's values and its built-in values instead. Saving in Settings writes a new file.",
  'files.instead.accounts':
    'PinDesk starts without remembered accounts: sign in again, and a new list is written.',
  'files.instead.key': 'PinDesk ignores this entry and uses the value from the next source.',
  'files.instead.keyAdministrator':
    'PinDesk ignores this entry and uses the value from the next source. Please tell your IT team.',
  'files.where': 'File:',
  'files.details': 'Details',
  'files.hide': 'Hide',
  'settings.locked': 'set by your organisation, cannot be changed here',
  'settings.lockedNote':
    'Your organisation has fixed which organisation and cloud PinDesk signs in to. Ask your IT team if these values are wrong.',
} as const;

export default en;
