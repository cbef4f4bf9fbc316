// Deutsch: Probleme mit den Dateien, die PinDesk beim Start liest, und von der Organisation
// gesperrte Einstellungen. Platzhalter sind {name}.
import type en from '../en/files';

const de: Record<keyof typeof en, string> = {
  'files.heading': 'PinDesk ist gestartet, aber eine Datei hat ein Problem',
  'files.name.administrator': 'Die PinDesk-Einstellungen Ihrer Organisation',
  'files.name.settings': 'Ihre eigenen PinDesk-Einstellungen',
  'files.name.accounts': 'Die Liste der gemerkten Konten',
  'files.kind.unreadable': '{file} konnten nicht gelesen werden.',
  'files.kind.damaged': '{file} sind beschädigt: PinDesk kann sie nicht als Einstellungen lesen.',
  'files.kind.damagedAccounts': '{file} ist beschädigt: PinDesk kann sie nicht lesen.',
  'files.kind.unknownKey': '{file} enthalten „{key}“, eine Einstellung, die PinDesk nicht kennt.',
  'files.kind.badValue': '{file} enthalten für „{key}“ einen Wert, den PinDesk nicht verwenden kann.',
  'files.suggestion': 'Meinten Sie „{suggestion}“?',
  'files.instead.administrator':
    'PinDesk übergeht diese Datei und verwendet stattdessen die eingebauten Werte und Ihre eigenen Einstellungen. Bitte informieren Sie Ihr IT-Team.',
  'files.instead.settings':
    'PinDesk übergeht diese Datei und verwendet stattdessen die Werte Ihrer Organisation und die eingebauten Werte. Speichern in den Einstellungen schreibt eine neue Datei.',
  'files.instead.accounts':
    'PinDesk startet ohne gemerkte Konten: Melden Sie sich erneut an, dann wird eine neue Liste geschrieben.',
  'files.instead.key': 'PinDesk übergeht diesen Eintrag und verwendet den Wert aus der nächsten Quelle.',
  'files.instead.keyAdministrator':
    'PinDesk übergeht diesen Eintrag und verwendet den Wert aus der nächsten Quelle. Bitte informieren Sie Ihr IT-Team.',
  'files.where': 'Datei:',
  'files.details': 'Details',
  'files.hide': 'Ausblenden',
  'settings.locked': 'von Ihrer Organisation festgelegt, hier nicht änderbar',
  'settings.lockedNote':
    'Ihre Organisation hat festgelegt, bei welcher Organisation und Cloud sich PinDesk anmeldet. Wenden Sie sich an Ihr IT-Team, falls diese Werte falsch sind.',
};

export default de;
