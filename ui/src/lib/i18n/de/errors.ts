// Deutsch: jede Fehlerart der Rust-Seite (IpcError.kind), als was passiert ist und was jetzt zu tun ist.
import type en from '../en/errors';

const de: Record<keyof typeof en, string> = {
  'errors.config.what': 'Die Einstellungen von PinDesk sind nicht gültig.',
  'errors.config.next': 'Prüfen Sie die Einstellungen oder fragen Sie Ihr IT-Team.',
  'errors.badRequest.what': 'Die Anfrage wurde nicht angenommen. Es wurde nichts verändert.',
  'errors.badRequest.next':
    'Prüfen Sie Ihre Eingabe und versuchen Sie es erneut. Falls es wieder passiert, kopieren Sie die Einzelheiten für Ihr IT-Team.',
  'errors.notSignedIn.what': 'Sie sind nicht angemeldet.',
  'errors.notSignedIn.next': 'Melden Sie sich an, um fortzufahren.',
  'errors.ticketRequired.what': 'Ihre Organisation verlangt vor einem Zurücksetzen eine Ticketnummer. Es wurde nichts gesendet.',
  'errors.ticketRequired.next': 'Geben Sie die Ticketnummer in das Ticketfeld ein und setzen Sie dann erneut zurück.',
  'errors.notBuiltYet.what': 'Dieser Teil von PinDesk ist in dieser Version noch nicht verfügbar.',
  'errors.notBuiltYet.next': 'Verwenden Sie dafür vorerst das Intune Admin Center.',
  'errors.internal.what': 'Etwas Unerwartetes ist schiefgegangen.',
  'errors.internal.next':
    'Versuchen Sie es erneut. Falls es wieder passiert, kopieren Sie die Einzelheiten für Ihr IT-Team.',
  'errors.signInCancelled.what': 'Die Anmeldung wurde abgebrochen. Es wurde nichts verändert.',
  'errors.signInCancelled.next': 'Melden Sie sich an, sobald Sie bereit sind.',
  'errors.signInTimedOut.what': 'PinDesk hat auf den Browser gewartet, aber die Anmeldung wurde nicht rechtzeitig abgeschlossen.',
  'errors.signInTimedOut.next': 'Klicken Sie auf „Mit Microsoft anmelden“, um es erneut zu versuchen.',
  'errors.signInInProgress.what': 'In Ihrem Browser ist bereits eine Anmeldung offen.',
  'errors.signInInProgress.next': 'Schließen Sie sie dort ab, oder brechen Sie sie in PinDesk ab und beginnen Sie neu.',
  'errors.consentMissing.what': 'Ihre Organisation hat PinDesk dies noch nicht erlaubt.',
  'errors.consentMissing.next':
    'Bitten Sie einen Administrator, die Zustimmung zu erteilen, und melden Sie sich dann erneut an.',
  'errors.orgNotApproved.what': 'Ihre Organisation hat PinDesk noch nicht genehmigt, daher können Sie sich nicht anmelden.',
  'errors.orgNotApproved.next':
    'Bitten Sie eine Administratorin oder einen Administrator, den ersten Schritt der Einrichtung von PinDesk auszuführen („Helpdesk bei PinDesk anmelden lassen“), und melden Sie sich dann erneut an.',
  'errors.conditionalAccess.what':
    'Die Zugriffsregeln Ihrer Organisation haben diese Anmeldung blockiert (zum Beispiel wegen dieses Geräts oder Standorts).',
  'errors.conditionalAccess.next': 'Wenden Sie sich an Ihr IT-Team und geben Sie ihm die Einzelheiten unten.',
  'errors.clientUnknown.what': 'Ihre Organisation kennt die Anwendungs-ID nicht, mit der sich PinDesk anmeldet.',
  'errors.clientUnknown.next': 'Bitten Sie Ihr IT-Team, die Client-ID in den Einstellungen von PinDesk zu prüfen.',
  'errors.userNotAssigned.what': 'Ihr Konto darf diese Anwendung nicht verwenden.',
  'errors.userNotAssigned.next': 'Bitten Sie Ihr IT-Team, Sie der Anwendung zuzuweisen.',
  'errors.mfaRequired.what': 'Ihre Organisation verlangt einen zweiten Anmeldeschritt.',
  'errors.mfaRequired.next': 'Melden Sie sich erneut an und schließen Sie ihn im Browser ab.',
  'errors.sessionExpired.what': 'Ihre Anmeldung ist abgelaufen.',
  'errors.sessionExpired.next': 'Melden Sie sich erneut an, um fortzufahren.',
  'errors.interactionRequired.what': 'Ihre Organisation verlangt eine erneute Anmeldung, bevor PinDesk dies tun darf.',
  'errors.interactionRequired.next': 'Melden Sie sich erneut an; Ihre übrige Arbeit in PinDesk bleibt angemeldet.',
  'errors.accountElsewhere.what': 'Dieses Konto wurde bei einem anderen Anmeldedienst oder einer anderen Anwendung angemeldet, als PinDesk jetzt verwendet. PinDesk hat es deshalb nicht verwendet.',
  'errors.accountElsewhere.next': 'Melden Sie sich erneut an, oder entfernen Sie das Konto.',
  'errors.identityProvider.what': 'Der Anmeldedienst hat die Anfrage abgelehnt.',
  'errors.identityProvider.next':
    'Versuchen Sie es erneut. Falls es wieder passiert, kopieren Sie die Einzelheiten für Ihr IT-Team.',
  'errors.signInRejected.what':
    'PinDesk hat die Antwort des Anmeldedienstes nicht akzeptiert, deshalb sind Sie nicht angemeldet.',
  'errors.signInRejected.next':
    'Versuchen Sie es erneut. Falls es wieder passiert, kopieren Sie die Einzelheiten für Ihr IT-Team.',
  'errors.network.what': 'PinDesk konnte Microsoft nicht erreichen (den Anmeldedienst oder Microsoft Graph).',
  'errors.network.next':
    'Prüfen Sie die Netzwerkverbindung (und den Proxy, falls Ihre Organisation einen verwendet) und versuchen Sie es dann erneut.',
  'errors.keychainUnavailable.what':
    'PinDesk konnte den Schlüsselbund dieses Computers nicht verwenden (er ist vielleicht gesperrt oder fehlt).',
  'errors.keychainUnavailable.next':
    'Entsperren Sie ihn und versuchen Sie es erneut. Bis dahin gilt eine Anmeldung nur für diese Sitzung.',
  'errors.browserUnavailable.what': 'PinDesk konnte den Webbrowser für die Anmeldung nicht öffnen.',
  'errors.browserUnavailable.next': 'Prüfen Sie, ob ein Standardbrowser eingerichtet ist, und versuchen Sie es dann erneut.',
  'errors.storage.what': 'PinDesk konnte seine eigenen Dateien nicht lesen oder schreiben.',
  'errors.storage.next': 'Prüfen Sie den Datenträger und Ihre Berechtigungen und versuchen Sie es dann erneut.',
  'errors.clipboard.what': 'PinDesk konnte nicht in die Zwischenablage kopieren.',
  'errors.clipboard.next': 'Lesen Sie die Kennung stattdessen vom Bildschirm ab.',
  'errors.throttled.what': 'Microsoft erhält gerade zu viele Anfragen von Ihrer Organisation.',
  'errors.throttled.next': 'Warten Sie eine Minute und versuchen Sie es dann erneut.',
  'errors.throttled.wait': 'Microsoft hat gebeten, {seconds} Sekunden zu warten.',
  'errors.roleMissing.what': 'Ihrem Konto fehlt die Intune-Rolle, die dafür nötig ist.',
  'errors.roleMissing.next':
    'Bitten Sie einen Intune-Administrator um die passende Rolle (Helpdesk-Operator zum Zurücksetzen von Kennungen, Richtlinien- und Profil-Manager zum Einrichten der Richtlinie) und melden Sie sich dann erneut an.',
  'errors.scopeMissing.what': 'PinDesk hat die dafür nötige Berechtigung nicht erhalten.',
  'errors.scopeMissing.next':
    'Melden Sie sich erneut an. Falls es weiterhin fehlschlägt, bitten Sie einen Administrator, PinDesk diese Berechtigung für Ihre Organisation zu erteilen.',
  'errors.notFound.what':
    'Microsoft Graph konnte es nicht finden; vielleicht wurde es gelöscht oder umbenannt.',
  'errors.notFound.next': 'Suchen Sie erneut und versuchen Sie es noch einmal.',
  'errors.notLicensed.what':
    'Intune ist in Ihrer Organisation nicht eingerichtet (es fehlt eine Lizenz oder die Autorität für die Geräteverwaltung).',
  'errors.notLicensed.next': 'Bitten Sie Ihren IT-Administrator, zuerst Intune einzurichten.',
  'errors.claimsChallenge.what':
    'Die Zugriffsregeln Ihrer Organisation verlangen eine erneute Anmeldung (zum Beispiel mit einem weiteren Prüfschritt).',
  'errors.claimsChallenge.next': 'Melden Sie sich erneut an, um fortzufahren.',
  'errors.serviceError.what': 'Microsoft Graph hatte ein Problem beim Antworten.',
  'errors.serviceError.next':
    'Warten Sie einen Moment und versuchen Sie es erneut. Falls es wieder passiert, kopieren Sie die Einzelheiten für Ihr IT-Team.',
  'errors.cancelled.what': 'Angehalten. Microsoft Graph wurde nichts weiter gefragt.',
  'errors.cancelled.next': 'Beginnen Sie erneut, sobald Sie bereit sind.',
  'errors.tookTooLong.what':
    'Microsoft Graph hat nicht innerhalb einer Minute geantwortet (vielleicht ausgelastet oder gedrosselt), daher hat PinDesk aufgehört zu fragen.',
  'errors.tookTooLong.next': 'Versuchen Sie es in einigen Minuten erneut.',
  'errors.assignmentsChanged.what':
    'Jemand hat geändert, wer dieses Profil erhält, seit PinDesk es angezeigt hat. PinDesk hat daher nichts geändert.',
  'errors.assignmentsChanged.next':
    'Die Liste zeigt jetzt, wer es erhält. Prüfen Sie sie und weisen Sie dann erneut zu.',
  'errors.resetAlreadySending.what': 'Für dieses Gerät wird bereits eine Zurücksetzung gesendet.',
  'errors.resetAlreadySending.next': 'Warten Sie darauf; es wurde nichts weiter gesendet.',
  'errors.resetUnconfirmed.what':
    'PinDesk konnte nicht bestätigen, ob die Zurücksetzung Intune erreicht hat, und hat sie deshalb nicht erneut gesendet.',
  'errors.resetUnconfirmed.next':
    'Öffnen Sie das Gerät im Intune Admin Center und prüfen Sie seine Geräteaktionen, bevor Sie es erneut versuchen.',
  'errors.tenantMismatch.what':
    'Microsoft Graph und Ihre Anmeldung nennen unterschiedliche Organisationen, deshalb hat PinDesk nichts verändert.',
  'errors.tenantMismatch.next':
    'Melden Sie sich ab, melden Sie sich mit einem Konto der Organisation an, die Sie einrichten möchten, und versuchen Sie es erneut.',
  'errors.unconfirmed.what':
    'PinDesk konnte nicht bestätigen, ob Intune die Änderung vorgenommen hat, und hat sie deshalb nicht erneut gesendet.',
  'errors.unconfirmed.next':
    'Prüfen Sie die Einrichtung in einem Moment erneut: PinDesk findet die Änderung, falls sie vorgenommen wurde, und schließt den Schritt sonst ab.',
};

export default de;
