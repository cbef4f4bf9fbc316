// Deutsch: was die Regeln der Rust-Seite, die Gründe und die Warnungen sagen, nach ihren Schlüsseln.
import type en from '../en/rules';

const de: Record<keyof typeof en, string> = {
  'rule.resettable.headline': 'Eine neue Kennung kann erzeugt werden',
  'rule.resettable.explanation':
    'Dieses Windows 10 Mobile-Telefon ist mit Entra verbunden und wird verwaltet. Intune erzeugt eine neue Kennung; lesen Sie sie der Person vor, sobald das Telefon sie erhalten hat.',
  'rule.windowsDesktop.headline': 'Die Person kann ihre PIN selbst zurücksetzen',
  'rule.windowsDesktop.explanation':
    'Für einen Computer mit Windows 10 oder 11 kann Intune keine Kennung erzeugen. Sobald die PIN-Wiederherstellung eingeschaltet ist, setzt die Person die PIN am Anmeldebildschirm selbst zurück; niemand sonst sieht sie.',
  'rule.windowsDesktop.step1': 'Wählen Sie am Anmeldebildschirm unter dem PIN-Feld „Ich habe meine PIN vergessen“.',
  'rule.windowsDesktop.step2': 'Melden Sie sich mit dem Arbeitskonto an und schließen Sie die zusätzliche Prüfung (MFA) ab.',
  'rule.windowsDesktop.step3': 'Wählen Sie eine neue PIN, wenn Windows danach fragt.',
  'rule.windowsDesktop.step4':
    'Falls der Link fehlt: Die PIN-Wiederherstellung hat diesen PC noch nicht erreicht. Die Checkliste oben sagt, was fehlt; bis dahin meldet sich die Person mit ihrem Kennwort oder einem befristeten Zugriffspass an.',
  'rule.windows81.headline': 'Windows 8.1 wird nicht mehr unterstützt',
  'rule.windows81.explanation':
    'Windows 8.1 wird seit Oktober 2022 nicht mehr unterstützt, deshalb kann Intune bei seiner PIN nicht helfen. Das Gerät sollte ersetzt oder aktualisiert werden.',
  'rule.iosRemove.headline': 'Die Kennung kann entfernt werden',
  'rule.iosRemove.explanation':
    'Intune entfernt die Kennung dieses iPhones oder iPads; eine neue erzeugt es nicht. Sobald das Gerät sie erhalten hat, öffnet es sich ohne Kennung. Verlangt eine Richtlinie des Unternehmens eine Kennung, fordert das Gerät die Person sofort auf, eine neue festzulegen: Sagen Sie ihr, dass das kommt.',
  'rule.iosUserEnrollment.headline': 'Intune kann die Kennung dieses Telefons nicht ändern',
  'rule.iosUserEnrollment.explanation':
    'Dieses iPhone oder iPad nutzt die Benutzerregistrierung (User Enrollment): Es ist ein privates Gerät, auf dem das Unternehmen nur seine eigenen Apps und Daten verwaltet, und Intune darf seine Kennung nicht entfernen. Die Person setzt die Kennung selbst zurück, wie Apple es für eine vergessene Kennung beschreibt.',
  'rule.macos.headline': 'Intune kann das Passwort eines Macs nicht zurücksetzen',
  'rule.macos.explanation':
    'Intune kann das Passwort eines Macs weder zurücksetzen noch entfernen. Die Person setzt es am Mac selbst zurück, im Anmeldefenster mit ihrem Apple Account oder Wiederherstellungsschlüssel; ist das nicht eingerichtet, muss der Administrator des Macs helfen.',
  'rule.androidDeviceOwner.headline': 'Eine neue Kennung kann erzeugt werden',
  'rule.androidDeviceOwner.explanation':
    'Dieses Android-Telefon des Unternehmens wird vollständig von Intune verwaltet. Intune erzeugt eine neue Gerätekennung; lesen Sie sie der Person vor, sobald das Telefon sie erhalten hat.',
  'rule.aosp.headline': 'Eine neue Kennung kann erzeugt werden',
  'rule.aosp.explanation':
    'Dieses Android-Gerät (AOSP) gehört dem Unternehmen und wird verwaltet. Intune erzeugt eine neue Gerätekennung; lesen Sie sie der Person vor, sobald das Gerät sie erhalten hat.',
  'rule.workProfile.headline': 'Die Kennung des Arbeitsprofils kann zurückgesetzt werden',
  'rule.workProfile.explanation':
    'Intune setzt nur die Kennung des Arbeitsprofils zurück, nicht die Bildschirmsperre des Telefons, und zeigt eine vorläufige Kennung zum Vorlesen. Damit entsperrt die Person die Arbeits-Apps und wählt danach eine neue. Das geht nur, wenn das Zurücksetzungstoken des Arbeitsprofils aktiv ist (eine Kennungsrichtlinie für das Arbeitsprofil, auf dem Telefon angenommen); sonst antwortet Intune mit „nicht unterstützt“.',
  'rule.workProfileTooOld.headline': 'Das Android dieses Telefons ist zu alt',
  'rule.workProfileTooOld.explanation':
    'Dieses Telefon hat ein Arbeitsprofil unter Android {version}. Intune kann die Kennung eines Arbeitsprofils erst ab Android 8.0 zurücksetzen und nie die Kennung des ganzen Telefons. Das Telefon braucht zuerst ein Android-Update.',
  'rule.androidAdmin.headline': 'Eine neue Kennung kann erzeugt werden',
  'rule.androidAdmin.explanation':
    'Dieses Android-Telefon wird auf die ältere Art (Geräteadministrator) unter Android 6 oder älter verwaltet. Intune erzeugt eine neue Kennung; lesen Sie sie der Person vor, sobald das Telefon sie erhalten hat.',
  'rule.androidAdminTooNew.headline': 'Intune kann die Kennung dieses Telefons nicht zurücksetzen',
  'rule.androidAdminTooNew.explanation':
    'Auf diesem Telefon läuft Android {version}, und es wird auf die ältere Art (Geräteadministrator) verwaltet. Google hat das Zurücksetzen der Kennung für solche Telefone ab Android 7.0 entfernt. Die Person setzt die Kennung mit ihrem Google-Konto oder der Wiederherstellung des Herstellers zurück; eine neue Registrierung mit Android Enterprise würde es künftig erlauben.',
  'rule.unknownAndroid.headline': 'Nicht möglich: unbekannte Android-Registrierung',
  'rule.androidUnchecked.headline': 'Nicht möglich: Registrierung nicht gelesen',
  'rule.mobileTooOld.headline': 'Das Windows dieses Telefons ist zu alt',
  'rule.mobileTooOld.explanation':
    'Auf diesem Telefon läuft Windows 10 Mobile {version}. Für eine neue Kennung ist das Creators Update (10.0.15063) oder neuer nötig. Aktualisieren Sie zuerst das Telefon.',
  'rule.notEntraJoined.headline': 'Dieses Telefon ist nicht mit Entra verbunden',
  'rule.notEntraJoined.explanation':
    'Intune kann eine neue Kennung nur für ein Telefon erzeugen, das mit Microsoft Entra ID verbunden ist. Dieses Telefon wurde anders registriert (zum Beispiel als privates, registriertes Gerät) und kann deshalb hier nicht zurückgesetzt werden.',
  'rule.notManaged.headline': 'Dieses Telefon wird nicht normal verwaltet',
  'rule.notManaged.explanation':
    'Intune meldet dieses Telefon als „{state}“ statt als verwaltet, deshalb würde eine neue Kennung es nicht erreichen.',
  'rule.unknownDevice.headline': 'Nicht möglich: unbekanntes Gerät',
  'rule.unknownVersion.headline': 'Nicht möglich: unbekannte Version',
  'rule.unknownEnrollment.headline': 'Nicht möglich: unbekannte Registrierung',
  'rule.unknownManagement.headline': 'Nicht möglich: unbekannter Verwaltungsstatus',
  'rule.unrecognised':
    'Nicht möglich: PinDesk erkennt nicht, was dieses Gerät meldet, und rät deshalb nicht. Das haben wir gesehen: Betriebssystem {os}, Version {version}, Modell {model}, Registrierung {enrollment}, Verwaltungsstatus {management}.',
  'rule.notReported': '(nicht gemeldet)',

  'state.retiring': 'wird außer Betrieb genommen',
  'state.retireFailed': 'Außerbetriebnahme fehlgeschlagen',
  'state.wiping': 'wartet auf Löschung',
  'state.wipeFailed': 'Löschung fehlgeschlagen',
  'state.deleting': 'wartet auf Entfernung',
  'state.unhealthy': 'fehlerhaft',
  'state.discovered': 'erkannt, aber nicht registriert',
  'state.other': 'in einem anderen Zustand',

  'warning.retiring':
    'Dieses Gerät wird außer Betrieb genommen: Es verlässt die Verwaltung und verliert die Unternehmensdaten.',
  'warning.wipePending': 'Für dieses Gerät steht eine Löschung an: Es wird auf Werkseinstellungen zurückgesetzt.',
  'warning.stale':
    'Dieses Gerät hat sich seit {days} Tagen nicht gemeldet. Prüfen Sie, ob es das richtige Gerät ist; alles Gesendete erreicht es erst, wenn es sich wieder verbindet.',
  'warning.noCheckIn': 'Intune kennt keinen Zeitpunkt, zu dem sich dieses Gerät gemeldet hat.',

  'reason.failed':
    'Das Gerät konnte keine neue Kennung setzen. Öffnen Sie das Gerät im Intune Admin Center, um seinen Zustand zu sehen; das Telefon ist vielleicht offline, wird gerade gelöscht oder kann keine neue Kennung übernehmen.',
  'reason.notSupported':
    'Laut Intune unterstützt dieses Gerät kein Zurücksetzen der Kennung. Prüfen Sie im Intune Admin Center, wie das Gerät registriert ist; führen Sie die Person bei einem Windows-Computer stattdessen durch das Selbst-Zurücksetzen der PIN.',
  'reason.canceled':
    'Die Zurücksetzung wurde abgebrochen, bevor das Gerät sie übernommen hat, deshalb wurde keine neue Kennung gesetzt. Sie können eine neue Zurücksetzung senden.',
  'reason.unknown':
    'Intune hat einen Zustand gemeldet, den PinDesk nicht kennt. Prüfen Sie das Gerät im Intune Admin Center.',
};

export default de;
