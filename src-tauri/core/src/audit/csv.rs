//! The audit log as CSV for a spreadsheet or a ticket: a header row, one row per reset, times in
//! UTC. Cells are quoted where needed, and a cell a spreadsheet would run as a formula is
//! defused, since device names and ticket numbers come from other people.

use std::path::{Path, PathBuf};

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;

use super::AuditRow;
use crate::config::write_atomically;
use crate::error::CoreError;

const HEADER: [&str; 9] = [
    "Time (UTC)",
    "Operator",
    "Tenant",
    "Tenant ID",
    "Device",
    "Device ID",
    "Ticket",
    "Outcome",
    "Note",
];

/// The rows as CSV text (RFC 4180, CRLF line ends).
pub fn to_csv(rows: &[AuditRow]) -> String {
    let mut out = String::new();
    push_row(&mut out, HEADER.iter().map(|h| (*h).to_owned()));
    for row in rows {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
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
                row.outcome_words.clone(),
                opt(&row.note),
            ]
            .into_iter(),
        );
    }
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
pub fn export(rows: &[AuditRow], dir: &Path, now: OffsetDateTime) -> Result<PathBuf, CoreError> {
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
    write_atomically(&path, to_csv(rows).as_bytes())?;
    Ok(path)
}

/// Where an export goes: the person's Downloads folder when there is one, else the data folder.
pub fn export_dir(downloads: Option<PathBuf>, data_dir: &Path) -> PathBuf {
    downloads
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| data_dir.to_owned())
}
