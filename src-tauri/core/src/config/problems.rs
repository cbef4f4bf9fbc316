//! What was wrong with a file PinDesk reads at start, said so the window can tell the person
//! which file, what is wrong and what PinDesk does instead. On Windows there is no console: this
//! is the only way such a message reaches anyone.

use serde::Serialize;

/// Which file a problem is about; the window says what PinDesk does instead from this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum ConfigFile {
    /// The administrator's file (`config.json`).
    Administrator,
    /// The person's own `settings.json`.
    Settings,
    /// The remembered accounts, `accounts.json`.
    Accounts,
}

/// What is wrong with the file or one of its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "FileProblemKind")]
pub enum ProblemKind {
    /// The file exists but could not be read (permissions, a folder in its place, ...).
    Unreadable,
    /// The file is not the JSON object PinDesk expects: the whole file is set aside.
    Damaged,
    /// A key PinDesk does not know, such as a misspelt `graphURL`: it is ignored.
    UnknownKey,
    /// A known key with a value PinDesk cannot use: that value is ignored.
    BadValue,
}

/// One problem with one file. Settings files hold no secret, so the detail may quote them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FileProblem {
    pub file: ConfigFile,
    pub path: String,
    pub kind: ProblemKind,
    /// The key concerned, for [`ProblemKind::UnknownKey`] and [`ProblemKind::BadValue`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub key: Option<String>,
    /// A known key the unknown one probably meant (`graphUrl` for `graphURL`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub suggestion: Option<String>,
    /// The technical reason, in English, for the log and the window's details.
    pub detail: String,
}

impl FileProblem {
    /// Writes the problem to the log; called once logging has started.
    pub fn log(&self) {
        tracing::warn!(
            file = ?self.file,
            path = %self.path,
            kind = ?self.kind,
            key = self.key.as_deref().unwrap_or(""),
            suggestion = self.suggestion.as_deref().unwrap_or(""),
            detail = %self.detail,
            "a file PinDesk reads at start has a problem; PinDesk carries on without it"
        );
    }
}

/// The known key an unknown one most likely meant: the same letters ignoring case, `_` and `-`,
/// or one letter off.
pub(crate) fn suggest(unknown: &str, known: &[&str]) -> Option<String> {
    let fold = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = fold(unknown);
    known
        .iter()
        .find(|k| fold(k) == wanted)
        .or_else(|| known.iter().find(|k| one_edit_apart(&fold(k), &wanted)))
        .map(|k| (*k).to_owned())
}

fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => short.iter().zip(long).filter(|(x, y)| x != y).count() == 1,
        1 => (0..long.len()).any(|skip| {
            long.iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| c)
                .eq(short.iter())
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_key_suggests_the_key_it_meant() {
        let known = ["tenant", "clientId", "graphUrl", "authorityHost"];
        assert_eq!(suggest("graphURL", &known).as_deref(), Some("graphUrl"));
        assert_eq!(suggest("client_id", &known).as_deref(), Some("clientId"));
        assert_eq!(suggest("tennant", &known).as_deref(), Some("tenant"));
        assert_eq!(suggest("colour", &known), None);
    }
}
