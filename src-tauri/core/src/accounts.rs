//! The accounts PinDesk remembers, most recently used first. The list holds no secret: each
//! account's refresh token lives in its own keychain entry.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tracing::warn;

use crate::auth::Task;
use crate::config::{ConfigFile, FileProblem, ProblemKind, write_atomically};
use crate::error::CoreError;

pub const ACCOUNTS_FILE: &str = "accounts.json";

/// A person signed in to a tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// `<oid>.<tid>`, the same form as MSAL's home account ID.
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub tenant_id: String,
    /// Sent as `null` when unknown: the window expects the key.
    #[serde(default)]
    pub tenant_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Remembered {
    #[serde(flatten)]
    account: Account,
    /// The task the account last signed in for, so a silent start asks for the same scopes.
    last_task: Task,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AccountsFile {
    #[serde(default)]
    accounts: Vec<Remembered>,
}

/// The remembered accounts and the file they live in.
#[derive(Debug, Clone)]
pub struct AccountList {
    path: PathBuf,
    file: AccountsFile,
    /// Why the file on disk could not be used, for the window.
    problem: Option<FileProblem>,
}

impl AccountList {
    /// An unreadable list is started afresh rather than blocking sign-in (it only saves the
    /// person from typing their name); [`AccountList::problem`] says why.
    pub fn load(data_dir: &Path) -> AccountList {
        let path = data_dir.join(ACCOUNTS_FILE);
        let (file, problem) = match fs::read(&path) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(file) => (file, None),
                Err(e) => (
                    AccountsFile::default(),
                    Some((ProblemKind::Damaged, e.to_string())),
                ),
            },
            Err(e) if e.kind() == ErrorKind::NotFound => (AccountsFile::default(), None),
            Err(e) => (
                AccountsFile::default(),
                Some((ProblemKind::Unreadable, e.to_string())),
            ),
        };
        let problem = problem.map(|(kind, detail)| {
            warn!(path = %path.display(), error = %detail, "remembered accounts unreadable; starting afresh");
            FileProblem {
                file: ConfigFile::Accounts,
                path: path.display().to_string(),
                kind,
                key: None,
                suggestion: None,
                detail,
            }
        });
        AccountList {
            path,
            file,
            problem,
        }
    }

    /// What was wrong with the file when it was loaded, if anything.
    pub fn problem(&self) -> Option<&FileProblem> {
        self.problem.as_ref()
    }

    /// Most recently used first.
    pub fn accounts(&self) -> Vec<Account> {
        self.file
            .accounts
            .iter()
            .map(|r| r.account.clone())
            .collect()
    }

    pub fn last_used(&self) -> Option<(Account, Task)> {
        self.file
            .accounts
            .first()
            .map(|r| (r.account.clone(), r.last_task))
    }

    pub fn get(&self, id: &str) -> Option<(Account, Task)> {
        self.file
            .accounts
            .iter()
            .find(|r| r.account.id == id)
            .map(|r| (r.account.clone(), r.last_task))
    }

    /// Adds or updates the account and makes it the most recently used.
    pub fn remember(&mut self, account: Account, task: Task) {
        self.forget(&account.id);
        self.file.accounts.insert(
            0,
            Remembered {
                account,
                last_task: task,
            },
        );
    }

    pub fn forget(&mut self, id: &str) {
        self.file.accounts.retain(|r| r.account.id != id);
    }

    pub fn save(&self) -> Result<(), CoreError> {
        let json = serde_json::to_vec_pretty(&self.file)
            .map_err(|e| CoreError::Internal(format!("accounts: {e}")))?;
        write_atomically(&self.path, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(oid: &str) -> Account {
        Account {
            id: format!("{oid}.tid"),
            username: format!("{oid}@contoso.example"),
            display_name: oid.to_owned(),
            tenant_id: "tid".to_owned(),
            tenant_name: Some("Contoso".to_owned()),
        }
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("pindesk-accounts-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn remembered_accounts_survive_a_restart_most_recent_first() {
        let dir = temp_dir("restart");
        let mut list = AccountList::load(&dir);
        list.remember(account("a"), Task::Helpdesk);
        list.remember(account("b"), Task::Setup);
        list.remember(account("a"), Task::Helpdesk);
        list.save().unwrap();

        let list = AccountList::load(&dir);
        let ids: Vec<String> = list.accounts().into_iter().map(|a| a.id).collect();
        assert_eq!(ids, ["a.tid", "b.tid"]);
        assert_eq!(list.last_used().unwrap().1, Task::Helpdesk);
        assert_eq!(list.get("b.tid").unwrap().1, Task::Setup);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_accounts_file_is_camel_case_json_without_secrets() {
        let dir = temp_dir("json");
        let mut list = AccountList::load(&dir);
        list.remember(account("a"), Task::Setup);
        list.save().unwrap();
        let text = fs::read_to_string(dir.join(ACCOUNTS_FILE)).unwrap();
        assert!(
            text.contains("\"displayName\"") && text.contains("\"lastTask\": \"setup\""),
            "{text}"
        );
        assert!(!text.to_lowercase().contains("token"), "{text}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_corrupt_accounts_file_starts_an_empty_list() {
        let dir = temp_dir("corrupt");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(ACCOUNTS_FILE), "[[[").unwrap();
        let list = AccountList::load(&dir);
        assert!(list.accounts().is_empty());
        let problem = list.problem().unwrap();
        assert_eq!(
            (problem.file, problem.kind),
            (ConfigFile::Accounts, ProblemKind::Damaged)
        );
        assert!(problem.path.ends_with(ACCOUNTS_FILE));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn forgetting_an_account_removes_only_that_one() {
        let dir = temp_dir("forget");
        let mut list = AccountList::load(&dir);
        list.remember(account("a"), Task::Helpdesk);
        list.remember(account("b"), Task::Helpdesk);
        list.forget("b.tid");
        assert_eq!(list.accounts(), vec![account("a")]);
    }
}
