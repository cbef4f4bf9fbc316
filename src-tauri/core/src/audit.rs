//! The local audit log of resets: who reset which device in which tenant, when, for which ticket,
//! and how it ended. One JSON line per event, appended and never rewritten, so a crash can at
//! worst lose the line being written. The types hold no passcode, so none can be logged.
//!
//! A reset is one row in the view: the line written when it was sent, updated by the line written
//! when its outcome was known.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::graph::models::ManagedDeviceId;
use crate::reset::{ResetError, ResetStarted, ResetState};
use crate::word_enum::word_enum;
use crate::{CoreError, Failure};

pub mod csv;
pub mod pass;

pub const AUDIT_FILE: &str = "audit-log.jsonl";

/// The longest ticket number kept; ticket systems use short references.
pub const TICKET_MAX: usize = 64;

/// The signed-in person and their tenant, as the audit log names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Operator {
    pub username: String,
    pub tenant_id: String,
    pub tenant_name: Option<String>,
}

impl Operator {
    pub fn of(account: &crate::Account) -> Operator {
        Operator {
            username: account.username.clone(),
            tenant_id: account.tenant_id.clone(),
            tenant_name: account.tenant_name.clone(),
        }
    }
}

word_enum! {
    /// How a reset ended, or how far it got (`outcome.<word>` in the catalogues).
    #[derive(PartialOrd, Ord, Deserialize)]
    pub enum Outcome {
        /// Sent; the device has not answered yet (or nobody watched until it did).
        Sent => "sent",
        /// A reset of the device was already running, so none was sent.
        AlreadyRunning => "alreadyRunning",
        /// Nothing reached Intune (an error before or instead of the POST).
        NotSent => "notSent",
        /// It is not known whether the POST reached Intune; it was not sent again.
        Unconfirmed => "unconfirmed",
        PasscodeIssued => "passcodeIssued",
        /// Done with no passcode in the result: an iPhone's or iPad's passcode is removed.
        DoneWithoutPasscode => "doneWithoutPasscode",
        Failed => "failed",
        NotSupported => "notSupported",
        Canceled => "canceled",
        /// A Temporary Access Pass was given to the device's primary user (never the pass
        /// itself).
        AccessPassGiven => "accessPassGiven",
    }
}

impl Outcome {
    /// The outcome a final reset state stands for; `None` while it is still running.
    /// `with_passcode` tells a new passcode from a removed one (iOS/iPadOS).
    pub fn of_state(state: ResetState, with_passcode: bool) -> Option<Outcome> {
        match state {
            ResetState::Done if with_passcode => Some(Outcome::PasscodeIssued),
            ResetState::Done => Some(Outcome::DoneWithoutPasscode),
            ResetState::Failed | ResetState::Unknown => Some(Outcome::Failed),
            ResetState::NotSupported => Some(Outcome::NotSupported),
            ResetState::Canceled => Some(Outcome::Canceled),
            ResetState::None | ResetState::Pending | ResetState::Active => None,
        }
    }

    fn is_final(self) -> bool {
        !matches!(self, Outcome::Sent | Outcome::AlreadyRunning)
    }
}

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Line {
    /// Which reset the line belongs to: the device and when the reset started.
    action: String,
    #[serde(with = "time::serde::rfc3339")]
    at: OffsetDateTime,
    #[serde(flatten)]
    operator: Operator,
    device_id: String,
    device_name: Option<String>,
    ticket: Option<String>,
    outcome: Outcome,
    /// A plain reason for outcomes that need one (never a secret: error messages carry none).
    note: Option<String>,
    /// The note's stable key (`error:<kind>`, `reason:<key>`, `pass:<how>`,
    /// `passError:<kind>`), for the window's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note_key: Option<String>,
    /// The values the note's words name (such as the person a pass was for).
    #[serde(default, skip_serializing_if = "NoteValues::is_empty")]
    note_values: NoteValues,
}

/// The values an audit note's words name, by name.
pub type NoteValues = std::collections::BTreeMap<String, String>;

/// A reset as the audit view and the CSV export show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditRow {
    #[serde(with = "time::serde::rfc3339")]
    #[ts(type = "string")]
    pub at: OffsetDateTime,
    pub operator: String,
    pub tenant_id: String,
    pub tenant_name: Option<String>,
    pub device_id: String,
    pub device_name: Option<String>,
    pub ticket: Option<String>,
    pub outcome: Outcome,
    /// A line for support: what went wrong, as the log says it.
    pub note: Option<String>,
    /// The note's stable key (`error:<kind>`, `reason:<key>`, `pass:<how>`,
    /// `passError:<kind>`), for the window's own words.
    pub note_key: Option<String>,
    pub note_values: NoteValues,
}

/// What happened when a reset was asked for, to be written as its first line.
#[derive(Debug, Clone)]
pub struct ResetAttempt<'a> {
    pub operator: &'a Operator,
    pub device_id: &'a ManagedDeviceId,
    pub device_name: Option<&'a str>,
    pub ticket: Option<&'a str>,
    /// The reset's start (the key `record_outcome` is called with later); now if none was sent.
    pub started_at: OffsetDateTime,
    pub outcome: Outcome,
    /// For support: what went wrong, as the error says it.
    pub note: Option<String>,
    /// The note's stable key: `error:<kind>` for an error.
    pub note_key: Option<String>,
    pub note_values: NoteValues,
}

impl<'a> ResetAttempt<'a> {
    /// The first line for what `start_reset` answered; `None` for a second click on a reset
    /// already being sent, which is no new action. `name_seen` is the name the person confirmed,
    /// used when Graph's answer did not carry one.
    pub fn of_start(
        operator: &'a Operator,
        device_id: &'a ManagedDeviceId,
        name_seen: Option<&'a str>,
        ticket: Option<&'a str>,
        result: &'a Result<ResetStarted, ResetError>,
    ) -> Option<ResetAttempt<'a>> {
        let error_note = |error: &ResetError| {
            (
                Some(error.to_string()),
                Some(format!("error:{}", error.failure_kind())),
            )
        };
        let (started_at, outcome, name, (note, note_key)) = match result {
            Ok(started) => (
                started.started_at,
                if started.already_running {
                    Outcome::AlreadyRunning
                } else {
                    Outcome::Sent
                },
                started.device_name.as_deref().or(name_seen),
                (None, None),
            ),
            Err(ResetError::AlreadySending) => return None,
            Err(error @ ResetError::Unconfirmed { .. }) => (
                OffsetDateTime::now_utc(),
                Outcome::Unconfirmed,
                name_seen,
                error_note(error),
            ),
            Err(error @ ResetError::Graph(_)) => (
                OffsetDateTime::now_utc(),
                Outcome::NotSent,
                name_seen,
                error_note(error),
            ),
        };
        Some(ResetAttempt {
            operator,
            device_id,
            device_name: name,
            ticket,
            started_at,
            outcome,
            note,
            note_key,
            note_values: NoteValues::new(),
        })
    }
}

/// The audit log in the app's data folder. Clones share one lock, so lines never interleave.
#[derive(Debug, Clone)]
pub struct AuditLog {
    path: PathBuf,
    lock: Arc<Mutex<()>>,
}

impl AuditLog {
    pub fn in_dir(data_dir: &Path) -> AuditLog {
        AuditLog {
            path: data_dir.join(AUDIT_FILE),
            lock: Arc::new(Mutex::new(())),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the first line of a reset.
    pub fn record_attempt(&self, attempt: &ResetAttempt<'_>) -> Result<(), CoreError> {
        let line = Line {
            action: action_key(attempt.device_id, attempt.started_at),
            at: OffsetDateTime::now_utc(),
            operator: attempt.operator.clone(),
            device_id: attempt.device_id.as_str().to_owned(),
            device_name: attempt.device_name.map(clean),
            ticket: attempt.ticket.map(clean_ticket).filter(|t| !t.is_empty()),
            outcome: attempt.outcome,
            note: attempt.note.as_deref().map(clean),
            note_key: attempt.note_key.clone(),
            note_values: attempt.note_values.clone(),
        };
        let _held = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        self.append(&line)
    }

    /// Writes how the reset of `device_id` started at `started_at` ended, once: a reset the log
    /// does not know (one sent elsewhere, or read back days later) and one already ended are left
    /// alone. `note_key` says why it ended so (`reason:<key>`). Returns whether a line was
    /// written.
    pub fn record_outcome(
        &self,
        device_id: &ManagedDeviceId,
        started_at: OffsetDateTime,
        outcome: Outcome,
        note_key: Option<String>,
    ) -> Result<bool, CoreError> {
        let action = action_key(device_id, started_at);
        let _held = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let lines = self.read_lines()?;
        let Some(first) = lines.iter().find(|l| l.action == action) else {
            return Ok(false);
        };
        if lines
            .iter()
            .any(|l| l.action == action && l.outcome.is_final())
        {
            return Ok(false);
        }
        let line = Line {
            at: OffsetDateTime::now_utc(),
            outcome,
            note: None,
            note_key,
            note_values: NoteValues::new(),
            ..first.clone()
        };
        self.append(&line)?;
        Ok(true)
    }

    /// Every reset, newest first, each with its latest outcome.
    pub fn rows(&self) -> Result<Vec<AuditRow>, CoreError> {
        let lines = {
            let _held = self.lock.lock().unwrap_or_else(|p| p.into_inner());
            self.read_lines()?
        };
        let mut rows: Vec<(String, AuditRow)> = Vec::new();
        for line in lines {
            match rows.iter_mut().find(|(action, _)| *action == line.action) {
                Some((_, row)) => {
                    row.outcome = line.outcome;
                    if line.note.is_some() || line.note_key.is_some() {
                        row.note = line.note;
                        row.note_key = line.note_key;
                        row.note_values = line.note_values;
                    }
                }
                None => rows.push((line.action.clone(), row_of(line))),
            }
        }
        let mut rows: Vec<AuditRow> = rows.into_iter().map(|(_, row)| row).collect();
        rows.sort_by_key(|row| std::cmp::Reverse(row.at));
        Ok(rows)
    }

    fn append(&self, line: &Line) -> Result<(), CoreError> {
        let mut text = String::new();
        if torn_last_line(&self.path) {
            // A crash mid-write left half a line: start on a fresh one so this one stays whole.
            text.push('\n');
        }
        text.push_str(&serde_json::to_string(line).map_err(|e| storage(&self.path, &e))?);
        text.push('\n');
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir).map_err(|e| storage(dir, &e))?;
        }
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let mut file = options
            .open(&self.path)
            .map_err(|e| storage(&self.path, &e))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_data())
            .map_err(|e| storage(&self.path, &e))
    }

    /// A line that cannot be read (a crash mid-write, a hand edit) is skipped, not fatal: the
    /// rest of the log stays readable.
    fn read_lines(&self) -> Result<Vec<Line>, CoreError> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(storage(&self.path, &e)),
        };
        Ok(text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect())
    }
}

fn torn_last_line(path: &Path) -> bool {
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let mut last = [0u8; 1];
    file.seek(SeekFrom::End(-1))
        .and_then(|_| file.read_exact(&mut last))
        .is_ok_and(|()| last[0] != b'\n')
}

fn row_of(line: Line) -> AuditRow {
    AuditRow {
        at: line.at,
        operator: line.operator.username,
        tenant_id: line.operator.tenant_id,
        tenant_name: line.operator.tenant_name,
        device_id: line.device_id,
        device_name: line.device_name,
        ticket: line.ticket,
        outcome: line.outcome,
        note: line.note,
        note_key: line.note_key,
        note_values: line.note_values,
    }
}

fn action_key(device_id: &ManagedDeviceId, started_at: OffsetDateTime) -> String {
    let at = started_at
        .format(&Rfc3339)
        .unwrap_or_else(|_| started_at.unix_timestamp().to_string());
    format!("{}@{at}", device_id.as_str())
}

/// Text for one cell: control characters (line breaks included) become spaces.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

fn clean_ticket(text: &str) -> String {
    clean(text).chars().take(TICKET_MAX).collect()
}

fn storage(path: &Path, error: &dyn std::fmt::Display) -> CoreError {
    CoreError::Storage(format!("the activity log {}: {error}", path.display()))
}

#[cfg(test)]
#[path = "audit_tests.rs"]
mod tests;
