use time::Duration;

use super::csv::{ExportWords, export, to_csv};
use super::*;

fn operator() -> Operator {
    Operator {
        username: "helpdesk@pindesk-demo.example".to_owned(),
        tenant_id: "7d2c1f40-5b8e-4a63-9c1d-2e4f6a8b0c13".to_owned(),
        tenant_name: Some("Northwind Demo".to_owned()),
    }
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pindesk-audit-{}", uuid::Uuid::new_v4()));
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn attempt<'a>(
    operator: &'a Operator,
    device: &'a ManagedDeviceId,
    name: &'a str,
    started_at: OffsetDateTime,
) -> ResetAttempt<'a> {
    ResetAttempt {
        operator,
        device_id: device,
        device_name: Some(name),
        ticket: Some("INC-0042"),
        started_at,
        outcome: Outcome::Sent,
        note: None,
        note_key: None,
        note_values: NoteValues::new(),
    }
}

#[test]
fn a_reset_and_its_outcome_show_as_one_row_with_the_latest_outcome() {
    let log = AuditLog::in_dir(&temp_dir());
    let op = operator();
    let device = ManagedDeviceId::new("dev-1");
    let started = OffsetDateTime::now_utc();
    log.record_attempt(&attempt(&op, &device, "Zoë’s Lumia", started))
        .unwrap();
    assert!(
        log.record_outcome(&device, started, Outcome::PasscodeIssued, None)
            .unwrap()
    );

    let rows = log.rows().unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.device_name.as_deref(), Some("Zoë’s Lumia"));
    assert_eq!(row.ticket.as_deref(), Some("INC-0042"));
    assert_eq!(row.operator, "helpdesk@pindesk-demo.example");
    assert_eq!(row.tenant_name.as_deref(), Some("Northwind Demo"));
    assert_eq!(row.outcome, Outcome::PasscodeIssued);
}

#[test]
fn an_outcome_is_written_once_and_only_for_a_reset_the_log_knows() {
    let log = AuditLog::in_dir(&temp_dir());
    let op = operator();
    let device = ManagedDeviceId::new("dev-1");
    let started = OffsetDateTime::now_utc();
    assert!(
        !log.record_outcome(&device, started, Outcome::PasscodeIssued, None)
            .unwrap(),
        "a reset read back from Graph that this app did not send is not invented"
    );
    log.record_attempt(&attempt(&op, &device, "phone", started))
        .unwrap();
    assert!(
        log.record_outcome(
            &device,
            started,
            Outcome::Failed,
            Some("reason:failed".to_owned())
        )
        .unwrap()
    );
    assert!(
        !log.record_outcome(&device, started, Outcome::PasscodeIssued, None)
            .unwrap()
    );
    let lines = fs::read_to_string(log.path()).unwrap();
    assert_eq!(lines.lines().count(), 2);
    let row = &log.rows().unwrap()[0];
    assert_eq!(row.outcome, Outcome::Failed);
    assert_eq!(row.note, None, "the reason is a key the window words");
    assert_eq!(row.note_key.as_deref(), Some("reason:failed"));
}

#[test]
fn rows_come_newest_first() {
    let log = AuditLog::in_dir(&temp_dir());
    let op = operator();
    let (a, b) = (ManagedDeviceId::new("a"), ManagedDeviceId::new("b"));
    let now = OffsetDateTime::now_utc();
    log.record_attempt(&attempt(&op, &a, "first", now - Duration::minutes(5)))
        .unwrap();
    // Written a minute after the first line: two lines written one after the other can carry the
    // same time on a coarse clock, and which comes first then is anyone's guess.
    let first = log.read_lines().unwrap().remove(0);
    log.append(&Line {
        action: action_key(&b, now),
        at: first.at + Duration::minutes(1),
        device_id: b.as_str().to_owned(),
        device_name: Some("second".to_owned()),
        ..first
    })
    .unwrap();
    let names: Vec<_> = log
        .rows()
        .unwrap()
        .into_iter()
        .map(|r| r.device_name.unwrap())
        .collect();
    assert_eq!(names, ["second", "first"]);
}

#[test]
fn a_damaged_line_is_skipped_and_the_rest_of_the_log_stays_readable() {
    let log = AuditLog::in_dir(&temp_dir());
    let op = operator();
    let device = ManagedDeviceId::new("dev-1");
    log.record_attempt(&attempt(&op, &device, "one", OffsetDateTime::now_utc()))
        .unwrap();
    let mut file = OpenOptions::new().append(true).open(log.path()).unwrap();
    file.write_all(b"{\"action\":\"half a li").unwrap();
    drop(file);
    let other = ManagedDeviceId::new("dev-2");
    log.record_attempt(&attempt(&op, &other, "two", OffsetDateTime::now_utc()))
        .unwrap();
    assert_eq!(log.rows().unwrap().len(), 2);
}

#[test]
fn a_ticket_is_one_short_line_and_an_empty_one_is_none() {
    let log = AuditLog::in_dir(&temp_dir());
    let op = operator();
    let device = ManagedDeviceId::new("dev-1");
    let long = format!("INC\n{}", "9".repeat(200));
    let mut first = attempt(&op, &device, "x", OffsetDateTime::now_utc());
    first.ticket = Some(&long);
    log.record_attempt(&first).unwrap();
    let other = ManagedDeviceId::new("dev-2");
    let mut second = attempt(&op, &other, "y", OffsetDateTime::now_utc());
    second.ticket = Some("   ");
    log.record_attempt(&second).unwrap();
    let rows = log.rows().unwrap();
    let ticket = rows
        .iter()
        .find(|r| r.device_id == "dev-1")
        .unwrap()
        .ticket
        .clone()
        .unwrap();
    assert!(ticket.starts_with("INC 999") && ticket.chars().count() == TICKET_MAX);
    assert_eq!(
        rows.iter().find(|r| r.device_id == "dev-2").unwrap().ticket,
        None
    );
}

#[cfg(unix)]
#[test]
fn only_the_person_can_read_the_log() {
    use std::os::unix::fs::PermissionsExt as _;
    let log = AuditLog::in_dir(&temp_dir());
    let op = operator();
    let device = ManagedDeviceId::new("dev-1");
    log.record_attempt(&attempt(&op, &device, "x", OffsetDateTime::now_utc()))
        .unwrap();
    let mode = fs::metadata(log.path()).unwrap().permissions().mode();
    assert_eq!(mode & 0o077, 0);
}

fn row(name: &str, ticket: &str) -> AuditRow {
    AuditRow {
        at: OffsetDateTime::UNIX_EPOCH,
        operator: "helpdesk@pindesk-demo.example".to_owned(),
        tenant_id: "t".to_owned(),
        tenant_name: Some("Northwind, Demo".to_owned()),
        device_id: "d".to_owned(),
        device_name: Some(name.to_owned()),
        ticket: Some(ticket.to_owned()),
        outcome: Outcome::PasscodeIssued,
        note: None,
        note_key: None,
        note_values: NoteValues::new(),
    }
}

/// Words as the window sends them (here in German, for a row worded from its keys).
fn words() -> ExportWords {
    ExportWords {
        headings: [
            "Zeit (UTC)",
            "Bearbeiter",
            "Organisation",
            "Organisations-ID",
            "Gerät",
            "Geräte-ID",
            "Ticket",
            "Ergebnis",
            "Hinweis",
        ]
        .map(str::to_owned)
        .to_vec(),
        outcomes: [(
            Outcome::PasscodeIssued,
            "Neue Kennung ausgegeben".to_owned(),
        )]
        .into(),
        notes: [
            ("reason:failed", "Das Gerät scheiterte."),
            (
                "pass:oneTime",
                "Befristeter Zugriffspass für {person}, {minutes} Minuten, einmalig",
            ),
            ("value:person", "den Hauptbenutzer des Geräts"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .into(),
    }
}

#[test]
fn csv_quotes_odd_names_and_defuses_formulas() {
    let text = to_csv(
        &[row("O'Brien's \"work\" phone, 2", "=HYPERLINK(\"x\")")],
        &words(),
    )
    .unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Zeit (UTC),Bearbeiter,Organisation,Organisations-ID,Gerät,Geräte-ID,Ticket,Ergebnis,\
         Hinweis"
    );
    assert_eq!(
        lines[1],
        "1970-01-01T00:00:00Z,helpdesk@pindesk-demo.example,\"Northwind, Demo\",t,\
         \"O'Brien's \"\"work\"\" phone, 2\",d,\"'=HYPERLINK(\"\"x\"\")\",Neue Kennung ausgegeben,"
    );
}

#[test]
fn csv_words_outcomes_and_notes_by_key_and_keeps_what_it_has_no_words_for() {
    let failed = AuditRow {
        outcome: Outcome::Failed,
        note_key: Some("reason:failed".to_owned()),
        ..row("a", "1")
    };
    let old = AuditRow {
        outcome: Outcome::Canceled,
        note: Some("written by an earlier version".to_owned()),
        ..row("b", "2")
    };
    let text = to_csv(&[failed, old], &words()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(
        lines[1].ends_with(",failed,Das Gerät scheiterte."),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].ends_with(",canceled,written by an earlier version"),
        "{}",
        lines[2]
    );
}

#[test]
fn csv_words_a_pass_with_its_values_and_words_a_person_not_recorded() {
    let pass = |values: &[(&str, &str)]| AuditRow {
        outcome: Outcome::AccessPassGiven,
        note_key: Some("pass:oneTime".to_owned()),
        note_values: values
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        ..row("a", "1")
    };
    let named = pass(&[("minutes", "60"), ("person", "zoë@contoso.example")]);
    let unnamed = pass(&[("minutes", "60")]);
    let text = to_csv(&[named, unnamed], &words()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    let note = |line: &str| line.split(",\"").nth(2).unwrap_or_default().to_owned();
    assert_eq!(
        note(lines[1]),
        "Befristeter Zugriffspass für zoë@contoso.example, 60 Minuten, einmalig\""
    );
    assert_eq!(
        note(lines[2]),
        "Befristeter Zugriffspass für den Hauptbenutzer des Geräts, 60 Minuten, einmalig\""
    );
}

#[test]
fn csv_without_a_heading_for_every_column_is_refused() {
    let short = ExportWords {
        headings: vec!["Time".to_owned()],
        ..words()
    };
    assert!(matches!(
        to_csv(&[row("a", "1")], &short),
        Err(CoreError::BadRequest(_))
    ));
}

#[test]
fn csv_keeps_unicode_names_as_they_are() {
    let text = to_csv(&[row("Zoë’s Lumia 📱", "T-1")], &words()).unwrap();
    assert!(text.contains(",Zoë’s Lumia 📱,"));
}

#[test]
fn an_export_never_overwrites_an_earlier_one() {
    let dir = temp_dir();
    let now = OffsetDateTime::now_utc();
    let first = export(&[row("a", "1")], &words(), &dir, now).unwrap();
    let second = export(&[row("b", "2")], &words(), &dir, now).unwrap();
    assert_ne!(first, second);
    assert!(fs::read_to_string(&first).unwrap().contains(",a,"));
    assert!(fs::read_to_string(&second).unwrap().contains(",b,"));
}

#[test]
fn a_reset_that_was_not_sent_keeps_the_error_kind_as_the_note_key() {
    let op = operator();
    let device = ManagedDeviceId::new("dev-1");
    let failed: Result<ResetStarted, ResetError> =
        Err(ResetError::Graph(crate::graph::GraphError::Cancelled));
    let attempt = ResetAttempt::of_start(&op, &device, Some("phone"), None, &failed).unwrap();
    assert_eq!(attempt.outcome, Outcome::NotSent);
    assert_eq!(attempt.note_key.as_deref(), Some("error:cancelled"));
    let log = AuditLog::in_dir(&temp_dir());
    log.record_attempt(&attempt).unwrap();
    let row = &log.rows().unwrap()[0];
    assert_eq!(row.note_key.as_deref(), Some("error:cancelled"));
    assert!(
        row.note.as_deref().is_some_and(|n| n.contains("cancelled")),
        "the error as the log says it, for support"
    );
}

#[test]
fn a_reset_done_without_a_passcode_is_logged_as_such_not_as_a_new_passcode() {
    assert_eq!(
        Outcome::of_state(ResetState::Done, true),
        Some(Outcome::PasscodeIssued)
    );
    let removed = Outcome::of_state(ResetState::Done, false);
    assert_eq!(removed, Some(Outcome::DoneWithoutPasscode));
    assert_eq!(Outcome::of_state(ResetState::Active, false), None);
}
