// Deutsch: die Einrichtungsschritte des Administrators — Stand, Zustimmung, Profil, Zuweisung
// und Verteilung. Was die Rust-Seite über den Mandanten sagt, steht in setup-status.ts.
import type en from '../en/setup';

const de: Record<keyof typeof en, string> = {
  'setup.summary.label': 'Stand der Einrichtung',
  'setup.summary.heading': 'Stand Ihrer Organisation',
  'setup.summary.checking': 'Wird geprüft…',
  'setup.summary.checkAgain': 'Erneut prüfen',
  'setup.summary.loading': 'Ihre Organisation wird geprüft…',
  'setup.summary.allDone': 'Alles ist eingerichtet. Das Helpdesk-Team kann Kennungen zurücksetzen.',
  'setup.row.tenant': 'Organisation',
  'setup.row.consent': 'Apps zur PIN-Zurücksetzung zugelassen',
  'setup.row.policy': 'Profil für die PIN-Wiederherstellung',
  'setup.row.assignment': 'Profil zugewiesen',
  'setup.row.deployment': 'Geräte mit dem Profil',
  'setup.state.done': 'Erledigt',
  'setup.state.notDone': 'Offen',
  'setup.state.disabled': 'Ausgeschaltet',
  'setup.state.cannotSee': 'Für Sie nicht sichtbar',
  'setup.state.failed': 'Nicht prüfbar',

  'consent.intro':
    'Bevor jemand eine PIN zurücksetzen kann, lässt ein Administrator die beiden Apps zur PIN-Zurücksetzung von Microsoft einmalig für Ihre Organisation zu. PinDesk prüft danach, ob beide vorhanden und eingeschaltet sind.',
  'consent.done': 'Beide Apps zur PIN-Zurücksetzung sind zugelassen und eingeschaltet. Fahren Sie mit Schritt 2 fort.',
  'consent.before.heading': 'Bevor Sie beginnen',
  'consent.before.role':
    'Sie benötigen die Rolle {role} oder eine höhere (Cloudanwendungsadministrator, Administrator für privilegierte Rollen oder Globaler Administrator gehen auch).',
  'consent.before.pages':
    'PinDesk öffnet nacheinander zwei Microsoft-Seiten in Ihrem Browser: zuerst den PIN-Zurücksetzungsdienst, dann den PIN-Zurücksetzungsclient. Melden Sie sich an und klicken Sie jeweils auf {accept}.',
  'consent.before.accept': 'Akzeptieren',
  'consent.before.roleName': 'Anwendungsadministrator',
  'consent.before.blank':
    'Eine leere Seite oder die Meldung „Sie haben keine Berechtigung zum Anzeigen dieses Verzeichnisses oder dieser Seite.“ ist danach normal. Kehren Sie hierher zurück: PinDesk prüft das Ergebnis selbst.',
  'consent.open': 'Zustimmungsseiten öffnen',
  'consent.checkNow': 'Schon zugestimmt: jetzt prüfen',
  'consent.opening': 'Der Browser wird geöffnet…',
  'consent.waiting':
    'Warten, bis beide Apps erscheinen… ({checks}-mal geprüft, endet in {minutes} Min.)',
  'consent.stop': 'Nicht mehr warten',
  'consent.timedOut':
    'PinDesk hat nach 10 Minuten aufgehört zu warten. Wenn Sie beiden Seiten zugestimmt haben, klicken Sie auf „jetzt prüfen“; sonst öffnen Sie die Seiten erneut.',
  'setup.status.consentElsewhere':
    'PinDesk findet die PIN-Zurücksetzungs-Apps in dieser Organisation noch immer nicht. Wenn Sie auf „Akzeptieren“ geklickt haben, ging die Zustimmung wahrscheinlich an eine andere Organisation: zum Beispiel an Ihre eigene, wenn Sie hier Gast oder Partner sind, oder an ein anderes Konto, das im Browser bereits angemeldet war. Öffnen Sie die Seiten von hier aus erneut, melden Sie sich mit einem Administratorkonto dieser Organisation an und stimmen Sie erneut zu.',
  'consent.cancelled':
    'Warten beendet. PinDesk hat nichts verändert; prüfen Sie erneut, sobald Sie zugestimmt haben.',
  'consent.ask.summary': 'Kein Anwendungsadministrator? Bitten Sie einen darum',
  'consent.ask.intro': 'Kopieren Sie diese Nachricht mit beiden Links und senden Sie sie an einen Administrator.',
  'consent.ask.copy': 'Nachricht und Links kopieren',
  'consent.ask.copied': 'Kopiert',
  'consent.ask.message':
    'Guten Tag,\n\ndamit unser Helpdesk Windows Hello-PINs zurücksetzen kann, muss ein Anwendungsadministrator (oder eine höhere Rolle) die beiden Apps zur PIN-Zurücksetzung von Microsoft einmalig für unsere Organisation zulassen. Bitte öffnen Sie diese beiden Links nacheinander, melden Sie sich mit Ihrem Administratorkonto an und klicken Sie jeweils auf „Akzeptieren“. Eine leere Seite oder die Meldung „Sie haben keine Berechtigung zum Anzeigen dieses Verzeichnisses oder dieser Seite.“ ist danach normal.',
  'consent.ask.thanks': 'Vielen Dank!',

  'policy.roleMissing':
    'Ihr Konto kann dieses Profil sehen, aber nicht ändern: Zum Erstellen oder Zuweisen ist die Rolle Intune-Administrator oder Richtlinien- und Profil-Manager nötig. Bitten Sie einen Intune-Administrator, diesen Schritt zu erledigen oder Ihnen eine dieser Rollen zu geben.',
  'policy.heading': 'Das Profil für die PIN-Wiederherstellung',
  'policy.uses': 'PinDesk verwendet das Profil {name}, das die PIN-Wiederherstellung für Ihre Organisation einschaltet.',
  'policy.others': 'Weitere Profile schalten sie ebenfalls ein: {names}. PinDesk lässt sie unverändert.',
  'policy.none':
    'Noch kein Profil schaltet die PIN-Wiederherstellung ein. PinDesk erstellt ein benutzerdefiniertes Windows-Profil, das EnablePinRecovery für Ihre Organisation auf true setzt.',
  'policy.create': 'Profil erstellen',
  'policy.creating': 'Wird erstellt…',
  'policy.omaUri': 'Einstellung (OMA-URI): {uri}',
  'policy.created': 'Das Profil „{name}“ wurde erstellt.',
  'policy.reused': 'PinDesk verwendet das vorhandene Profil „{name}“, statt ein zweites zu erstellen.',
  'policy.problemDetail': 'Profil-ID {id}: {uri}',

  'assign.heading': 'Wer das Profil erhält',
  'assign.kind.group': 'Gruppe',
  'assign.kind.excludedGroup': 'Ausgeschlossene Gruppe',
  'assign.kind.allDevices': 'Alle',
  'assign.kind.allUsers': 'Alle',
  'assign.kind.other': 'Sonstiges',
  'assign.nobody': 'Noch niemand.',
  'assign.keeps': 'Wenn Sie eine Gruppe hinzufügen, bleiben alle bisherigen Zuweisungen erhalten.',
  'assign.done': 'Zugewiesen an {target}. Alle bisherigen Zuweisungen sind erhalten geblieben.',
  'assign.already': '{target} hatte das Profil bereits; es wurde nichts verändert.',

  'picker.why':
    'Wählen Sie eine Gerätegruppe, um genau diese Geräte zu erreichen. Eine Benutzergruppe geht auch; dann werden die Telefone und Macs der Benutzer als „nicht zutreffend“ aufgeführt, was unbedenklich ist.',
  'picker.label': 'Gruppe nach Namen suchen',
  'picker.searching': 'Suche läuft…',
  'picker.none': 'Keine passenden Gruppen',
  'picker.found.one': '{count} Gruppe gefunden',
  'picker.found.other': '{count} Gruppen gefunden',
  'picker.members.one': '{count} Mitglied',
  'picker.members.other': '{count} Mitglieder',
  'picker.allDevices': 'Alle Geräte',
  'picker.allUsers': 'Alle Benutzer',
  'picker.chosen': 'Gewählt:',
  'picker.broad.allDevices':
    '„Alle Geräte“ erreicht auf einmal jedes verwaltete Gerät Ihrer Organisation. Beginnen Sie besser mit einer Pilotgruppe.',
  'picker.broad.allUsers':
    '„Alle Benutzer“ erreicht auf einmal jeden lizenzierten Benutzer Ihrer Organisation. Beginnen Sie besser mit einer Pilotgruppe.',
  'picker.assign': 'Zuweisen an {target}',
  'picker.assigning': 'Wird zugewiesen…',
  'groupKind.security': 'Sicherheitsgruppe',
  'groupKind.dynamicSecurity': 'Dynamische Sicherheitsgruppe',
  'groupKind.microsoft365': 'Microsoft 365-Gruppe',
  'groupKind.dynamicMicrosoft365': 'Dynamische Microsoft 365-Gruppe',
  'groupKind.distribution': 'Verteilergruppe',
  'groupKind.dynamicDistribution': 'Dynamische Verteilergruppe',

  'deploy.heading': 'Wie das Profil verteilt wird',
  'deploy.refresh': 'Aktualisieren',
  'deploy.refreshing': 'Wird aktualisiert…',
  'deploy.haveIt': 'Mit Profil',
  'deploy.waiting': 'Wartend',
  'deploy.errors': 'Fehler',
  'deploy.notApplicable': 'Nicht zutreffend',
  'deploy.hint':
    '„Nicht zutreffend“ ist für Telefone und Macs von Benutzern einer Benutzergruppe zu erwarten: Das Profil gilt nur für Windows. Geräte melden sich alle paar Stunden bei Intune, deshalb wachsen die Zahlen langsam.',
  'deploy.device': 'Gerätename',
  'deploy.deviceItself': 'Das Gerät selbst (ohne angemeldete Person)',
  'deploy.partial':
    'Diese Liste ist nicht vollständig: Ihre Organisation hat mehr Geräte, als PinDesk auf einmal liest. Die Zahlen oben sind vollständig.',
  'deploy.user': 'Benutzer',
  'deploy.status': 'Status',
  'deploy.lastReport': 'Letzte Meldung',
  'deploy.never': 'nie',
  'deploy.unknownTime': 'unbekannt',
  'deploy.none': 'Noch hat sich kein Gerät gemeldet.',
  'deploy.reading': 'Der Verteilungsstand wird gelesen…',
};

export default de;
