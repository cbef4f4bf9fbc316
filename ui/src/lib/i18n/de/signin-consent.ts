// Deutsch: die Zeile der Einrichtung „Helpdesk bei PinDesk anmelden lassen“.
import type en from '../en/signin-consent';

export default {
  'consent.appsHeading': 'PIN-Zurücksetzung erlauben',
  'setup.row.signin': 'Helpdesk kann sich bei PinDesk anmelden',
  'setup.status.signInConsentDone': 'Ihre Organisation hat PinDesk genehmigt: Alle können sich anmelden.',
  'setup.status.signInConsentNotDone': 'Ihre Organisation hat die Anmeldung bei PinDesk noch nicht genehmigt.',
  'setup.status.signInConsentMissing':
    'Ihre Organisation hat {count} der Berechtigungen, die PinDesk braucht, noch nicht genehmigt.',
  'setup.status.signInConsentCannotSee':
    'Mit der Rolle oder den Berechtigungen Ihres Kontos können Sie nicht sehen, ob Ihre Organisation PinDesk genehmigt hat.',

  'signinConsent.heading': 'Helpdesk bei PinDesk anmelden lassen',
  'signinConsent.intro':
    'Helpdesk-Mitarbeitende können sich erst anmelden, wenn eine Administratorin oder ein Administrator einmal für die ganze Organisation genehmigt, was PinDesk tun darf. Bis dahin werden sie bei der Anmeldung abgewiesen.',
  'signinConsent.done': 'Erledigt: Helpdesk-Mitarbeitende können sich bei PinDesk anmelden.',
  'signinConsent.missing': 'Noch zu genehmigen:',
  'signinConsent.before.role':
    'Sie brauchen die Rolle Anwendungsadministrator oder Cloudanwendungsadministrator (Administrator für privilegierte Rollen oder Globaler Administrator gehen auch).',
  'signinConsent.before.page':
    'PinDesk öffnet die Genehmigungsseite von Microsoft in Ihrem Browser. Prüfen Sie die Liste und klicken Sie auf „Akzeptieren“.',
  'signinConsent.before.after':
    'Danach meldet der Browser vielleicht, dass „localhost“ nicht erreichbar ist. Das ist normal: Kommen Sie hierher zurück, PinDesk prüft das Ergebnis selbst.',
  'signinConsent.grant': 'Für die Organisation genehmigen',
  'signinConsent.checkNow': 'Schon genehmigt: jetzt prüfen',
  'signinConsent.waiting': 'Warte, bis die Genehmigung sichtbar wird…',
  'signinConsent.timedOut':
    'PinDesk hat nach 10 Minuten aufgehört zu warten. Wenn Sie akzeptiert haben, klicken Sie auf „jetzt prüfen“; sonst öffnen Sie die Genehmigungsseite erneut.',
  'signinConsent.ownApp.summary':
    'Ihre Organisation sperrt „Microsoft Graph Command Line Tools“? Nutzen Sie eine eigene App-Registrierung',
  'signinConsent.ownApp.intro':
    'PinDesk kann sich stattdessen mit einer eigenen App-Registrierung anmelden. Im Microsoft Entra Admin Center:',
  'signinConsent.ownApp.step1':
    'App-Registrierungen → Neue Registrierung: ein Name wie „PinDesk“, „Nur Konten in diesem Organisationsverzeichnis“.',
  'signinConsent.ownApp.step2':
    'Authentifizierung → Plattform hinzufügen → „Mobile Anwendungen und Desktopanwendungen“, Umleitungs-URI http://localhost; „Öffentliche Clientflows zulassen“ auf Ja.',
  'signinConsent.ownApp.step3':
    'API-Berechtigungen → Berechtigung hinzufügen → Microsoft Graph → Delegiert: die Berechtigungen aus PinDesks README (dieselben, die diese Seite genehmigt).',
  'signinConsent.ownApp.step4': 'Klicken Sie auf „Administratorzustimmung für Ihre Organisation erteilen“.',
  'signinConsent.ownApp.step5':
    'Tragen Sie die „Anwendungs-ID (Client)“ als clientId in die verwaltete Konfigurationsdatei von PinDesk ein, für alle:',

  'permission.User.Read': 'Sie anmelden und Ihren Namen lesen',
  'permission.Application.Read.All': 'Sehen, welche Apps in Ihrer Organisation erlaubt sind',
  'permission.Directory.Read.All': 'Das Verzeichnis Ihrer Organisation lesen (um diese Genehmigung zu prüfen)',
  'permission.GroupMember.Read.All': 'Gruppen finden und sehen, wer darin ist',
  'permission.DeviceManagementConfiguration.Read.All': 'Die Gerätekonfigurationsprofile von Intune lesen',
  'permission.DeviceManagementConfiguration.ReadWrite.All': 'Das Profil für die PIN-Wiederherstellung anlegen und zuweisen',
  'permission.DeviceManagementManagedDevices.Read.All': 'Die Geräte finden, die Intune verwaltet',
  'permission.DeviceManagementManagedDevices.PrivilegedOperations.All': 'Die Kennung eines Geräts zurücksetzen',
} satisfies Record<keyof typeof en, string>;
