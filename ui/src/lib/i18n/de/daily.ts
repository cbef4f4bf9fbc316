// Der Tagesbildschirm des Helpdesks (Gegenstück zu en/daily.ts).
import type en from '../en/daily';

const de: Record<keyof typeof en, string> = {
  'daily.searchLabel': 'Name der Person, Anmeldeadresse, Gerätename oder Seriennummer',
  'daily.searchHint': 'Strg+F zum Suchen, ↑ ↓ zum Auswählen, Eingabe zum Öffnen, Esc zurück',
  'daily.noneFor': 'Nichts gefunden für „{query}“.',
  'daily.noneSearched':
    'PinDesk hat Gerätenamen, Namen und Anmeldeadressen von Personen und Seriennummern durchsucht.',
  'daily.noneTry':
    'Versuchen Sie den Vor- oder Nachnamen, den Anfang der Anmeldeadresse (zoe.martin) oder die Seriennummer vom Etikett des Geräts.',
  'daily.devicesOf.one': 'ein Gerät',
  'daily.devicesOf.other': '{count} Geräte',
  'daily.serial': 'Seriennummer {serial}',
  'daily.noSerial': 'Keine Seriennummer',
  'daily.nextCaller': 'Nächster Anruf',
  'daily.nextCallerTitle': 'Leert Gerät, Ticket und Suche (Strg+N)',
  'daily.setup': 'Einrichtung',
  'daily.setupTitle': 'Für Administratoren: die Organisation für die PIN-Wiederherstellung einrichten',
  'daily.backToSearch': 'Zurück zur Suche',
  'daily.sentAgo': 'Gesendet {ago}.',
  'daily.sentJustNow': 'Gerade gesendet.',
  'daily.readToCaller': 'Lesen Sie das der anrufenden Person vor:',
  'daily.sayWaiting':
    '„Ich habe einen neuen Code für Ihr Gerät angefordert. Er kommt an, sobald sich Ihr Gerät das nächste Mal verbindet; bitte lassen Sie es eingeschaltet und online.“',
  'daily.takesLong':
    'Wenn es lange dauert: Sie können den nächsten Anruf annehmen. Wenn Sie dieses Gerät später wieder öffnen, holt PinDesk die Zurücksetzung dort ab, wo sie steht; nichts wird doppelt gesendet.',
  'daily.ticketRequired': 'Ticketnummer (von Ihrer Organisation verlangt)',
  'daily.callerChecked': 'Ich habe geprüft, dass die anrufende Person zu diesem Gerät gehört',
  'daily.advanced': 'Erweitert: wo sich PinDesk anmeldet',
  'daily.setupPinRecovery':
    'Die PIN-Wiederherstellung hat diesen PC noch nicht erreicht: Die Einrichtung Ihrer Organisation ist nicht abgeschlossen, daher kann die Person ihre PIN am Anmeldebildschirm eventuell nicht zurücksetzen. Ein Administrator schließt sie unter „Einrichtung“ ab.',
};

export default de;
