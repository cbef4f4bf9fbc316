// Deutsch: was die Rust-Seite über die Einrichtung des Mandanten sagt, nach ihren Schlüsseln.
import type en from '../en/setup-status';

const de: Record<keyof typeof en, string> = {
  'setup.status.tenantNamed': 'Organisation: {name}.',
  'setup.status.tenantUnnamed': 'Organisation: Name nicht verfügbar.',
  'setup.status.cannotSeeTenant':
    'Mit der Rolle oder den Berechtigungen Ihres Kontos können Sie die Angaben zu Ihrer Organisation nicht sehen.',
  'setup.status.cannotSeeProfiles':
    'Mit der Rolle oder den Berechtigungen Ihres Kontos können Sie die Gerätekonfigurationsprofile nicht sehen.',
  'setup.status.cannotSeeAssignments':
    'Mit der Rolle oder den Berechtigungen Ihres Kontos können Sie nicht sehen, wem das Profil zugewiesen ist.',
  'setup.status.cannotSeeDeployment':
    'Mit der Rolle oder den Berechtigungen Ihres Kontos können Sie nicht sehen, wie das Profil verteilt wird.',
  'setup.status.consentDone': 'Beide Apps zur PIN-Zurücksetzung sind zugelassen und eingeschaltet.',
  'setup.status.consentDisabled': 'Eine App zur PIN-Zurücksetzung ist in Ihrer Organisation vorhanden, aber ausgeschaltet.',
  'setup.status.consentCannotSee':
    'Mit den Berechtigungen Ihres Kontos können Sie nicht sehen, ob die Apps zur PIN-Zurücksetzung zugelassen sind.',
  'setup.status.consentFailed': 'PinDesk konnte die Apps zur PIN-Zurücksetzung gerade nicht prüfen.',
  'setup.status.consentNotDone': 'Die Apps zur PIN-Zurücksetzung sind noch nicht zugelassen.',
  'setup.status.policyFound': 'Das Profil „{name}“ schaltet die PIN-Wiederherstellung ein.',
  'setup.status.policyMissing': 'Noch kein Profil schaltet die PIN-Wiederherstellung ein.',
  'setup.status.assignmentWaits': 'Folgt, sobald das Profil existiert.',
  'setup.status.deploymentWaits': 'Folgt, sobald das Profil zugewiesen ist.',
  'setup.status.assignedTo': 'Zugewiesen an {names}.',
  'setup.status.notAssigned': 'Das Profil ist noch niemandem zugewiesen.',
  'setup.status.deploymentCounts':
    'Geräte mit Profil: {succeeded}, wartend: {pending}, mit Fehlern: {errors}, nicht zutreffend: {notApplicable}.',
  'setup.status.deploymentNoReport': 'Noch keine Meldung.',

  'setup.app.appEnabled': '{name} ist zugelassen und eingeschaltet.',
  'setup.app.appAbsent': '{name} wurde für Ihre Organisation noch nicht zugelassen.',
  'setup.app.appDisabled':
    '{name} ist in Ihrer Organisation vorhanden, aber ausgeschaltet, deshalb funktioniert das Zurücksetzen der PIN nicht. Öffnen Sie im Entra Admin Center die Unternehmensanwendungen, suchen Sie {name} und setzen Sie „Aktiviert für die Benutzeranmeldung“ auf Ja.',

  'setup.problem.valueFalse':
    'Das Profil „{name}“ schaltet die PIN-Wiederherstellung aus (EnablePinRecovery ist false). Ändern Sie den Wert im Intune Admin Center auf true oder löschen Sie das Profil, damit es keinen Konflikt gibt.',
  'setup.problem.otherTenant':
    'Das Profil „{name}“ setzt die PIN-Wiederherstellung für die ID einer anderen Organisation und wirkt hier deshalb nicht. Vermutlich wurde es aus einem anderen Mandanten kopiert: Korrigieren Sie die ID oder löschen Sie das Profil.',
  'setup.problem.notBoolean':
    'Das Profil „{name}“ setzt EnablePinRecovery mit einem anderen Typ als Boolean, den Windows nicht wie vorgesehen liest. Ändern Sie den Typ der Einstellung auf Boolean.',
  'setup.problem.wrongPath':
    'Das Profil „{name}“ setzt EnablePinRecovery unter einem Pfad, den Windows nicht verwendet. Der Pfad muss mit ./Device/Vendor/MSFT/PassportForWork/ beginnen.',

  'setup.target.unreadableGroup': 'eine Gruppe, die nicht gelesen werden konnte ({id})',
  'setup.target.allDevices': 'Alle Geräte',
  'setup.target.allUsers': 'Alle Benutzer',
  'setup.target.otherTarget': 'Eine andere Art von Ziel ({type})',

  'setup.device.succeeded': 'Hat das Profil',
  'setup.device.pending': 'Wartet',
  'setup.device.notApplicable': 'Nicht zutreffend',
  'setup.device.error': 'Fehler',
  'setup.device.conflict': 'Konflikt',
  'setup.device.notAssigned': 'Nicht mehr zugewiesen',
  'setup.device.succeeded.why': 'Auf dem Gerät ist die PIN-Wiederherstellung eingeschaltet.',
  'setup.device.pending.why':
    'Es wird gewartet, bis sich das Gerät bei Intune meldet; das kann bis zu acht Stunden dauern.',
  'setup.device.notApplicable.why':
    'Dieses Profil gilt nur für Windows. Andere Geräte eines zugewiesenen Benutzers (Telefone, Macs) werden als nicht zutreffend aufgeführt: Das ist zu erwarten, es gibt nichts zu beheben.',
  'setup.device.error.why':
    'Das Gerät konnte die Einstellung nicht übernehmen. Meist ist die Windows-Version zu alt (1703 oder neuer ist nötig) oder das Gerät ist nicht mit Entra verbunden.',
  'setup.device.conflict.why':
    'Ein anderes Profil setzt EnablePinRecovery für dieses Gerät anders. Suchen Sie das andere Profil (es setzt den Wert vielleicht auf false) und beheben Sie den Konflikt.',
  'setup.device.notAssigned.why': 'Das Gerät ist in keiner zugewiesenen Gruppe mehr.',
};

export default de;
