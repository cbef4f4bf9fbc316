//! The audit log as CSV for a spreadsheet or a ticket: a header row, one row per reset, times in
//! UTC, in the words the window gives (the person's language). Cells are quoted where needed,
//! and a cell a spreadsheet would run as a formula is defused, since device names and ticket
//! numbers come from other people.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;

use super::{AuditRow, NoteValues, Outcome};
use crate::config::write_atomically;
use crate::error::CoreError;

/// The columns: time, operator, tenant, tenant ID, device, device ID, ticket, outcome, note.
pub const COLUMNS: usize = 9;

/// The export's words from the window's catalogue: the column headings, each outcome, and each
/// note by its key (`error:<kind>`, `reason:<key>`, `pass:<how>`, `passError:<kind>`). A note's
/// words name its values as `{name}`; `value:<name>` words one the log did not record.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportWords {
    pub headings: Vec<String>,
    pub outcomes: BTreeMap<Outcome, String>,
    pub notes: BTreeMap<String, String>,
}

/// The rows as CSV text (RFC 4180, CRLF line ends). An outcome or note the words lack keeps
/// its key, or the note as the log wrote it.
pub fn to_csv(rows: &[AuditRow], words: &ExportWords) -> Result<String, CoreError> {
    if words.headings.len() != COLUMNS {
        return Err(CoreError::BadRequest(format!(
            "the export needs {COLUMNS} column headings, got {}",
            words.headings.len()
        )));
    }
    let mut out = String::new();
    push_row(&mut out, words.headings.iter().cloned());
    for row in rows {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let outcome = words
            .outcomes
            .get(&row.outcome)
            .cloned()
            .unwrap_or_else(|| row.outcome.to_string());
        let note = row
            .note_key
            .as_ref()
            .and_then(|key| words.notes.get(key))
            .map(|text| fill(text, &row.note_values, &words.notes))
            .or_else(|| row.note.clone())
            .unwrap_or_default();
        push_row(
            &mut out,
            [
                row.at.format(&Rfc3339).unwrap_or_default(),
                row.operator.clone(),
                opt(&row.tenant_name),
                row.tenant_id.clone(),
                opt(&row.device_name),
                row.device_id.clone(),
                opt(&row.ticket),
                outcome,
                note,
            ]
            .into_iter(),
        );
    }
    Ok(out)
}

/// `text` with each `{name}` replaced by its value, or by the words for a value not recorded.
fn fill(text: &str, values: &NoteValues, notes: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let name = &rest[open + 1..close];
        let value = values
            .get(name)
            .or_else(|| notes.get(&format!("value:{name}")));
        out.push_str(&rest[..open]);
        match value {
            Some(value) => out.push_str(value),
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Writes the CSV into `dir` under a name with the date and time, never over an earlier export.
pub fn export(
    rows: &[AuditRow],
    words: &ExportWords,
    dir: &Path,
    now: OffsetDateTime,
) -> Result<PathBuf, CoreError> {
    let text = to_csv(rows, words)?;
    let stamp = now
        .format(format_description!(
            "[year]-[month]-[day] [hour][minute][second]"
        ))
        .map_err(|e| CoreError::Internal(e.to_string()))?;
    let mut path = dir.join(format!("PinDesk activity {stamp}.csv"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("PinDesk activity {stamp} ({n}).csv"));
        n += 1;
    }
    write_atomically(&path, text.as_bytes())?;
    Ok(path)
}

/// Where an export goes: the person's Downloads folder when there is one, else the data folder.
pub fn export_dir(downloads: Option<PathBuf>, data_dir: &Path) -> PathBuf {
    downloads
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| data_dir.to_owned())
}
