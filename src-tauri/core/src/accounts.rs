//! The accounts PinDesk remembers, most recently used first. The list holds no secret: each
//! account's refresh token lives in its own keychain entry.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tracing::warn;

use crate::auth::Task;
use crate::config::{Config, ConfigFile, FileProblem, ProblemKind, write_atomically};
use crate::error::CoreError;

pub const ACCOUNTS_FILE: &str = "accounts.json";

/// A person signed in to a tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
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

/// Where an account signed in: the authority (which names the tenant), the client ID and the
/// Graph its tokens are for. Its refresh token is used only with this same binding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInBinding {
    pub authority: String,
    pub client_id: String,
    pub graph_url: String,
}

impl SignInBinding {
    /// Where a sign-in made with `config` belongs.
    pub fn of(config: &Config) -> SignInBinding {
        SignInBinding {
            authority: config.authority.to_string(),
            client_id: config.client_id.clone(),
            graph_url: config.graph_url.to_string(),
        }
    }
}

/// A remembered account as the sign-in screen lists it: `signed_in_elsewhere` is set when the
/// account signed in with another authority, client ID or Graph than PinDesk uses now (or with
/// a version that did not note where); it then needs a new sign-in and can only be forgotten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ListedAccount {
    #[serde(flatten)]
    pub account: Account,
    /// The authority the account signed in with, when that is not the one in use; `Some("")`
    /// when unknown.
    pub signed_in_elsewhere: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Remembered {
    #[serde(flatten)]
    account: Account,
    /// The task the account last signed in for, so a silent start asks for the same scopes.
    last_task: Task,
    /// Absent in lists written before accounts were bound: such an account is never refreshed.
    #[serde(default)]
    signed_in_with: Option<SignInBinding>,
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

    /// Every account with where it signed in, judged against `binding` (the one in use).
    pub fn listed(&self, binding: &SignInBinding) -> Vec<ListedAccount> {
        self.file
            .accounts
            .iter()
            .map(|r| ListedAccount {
                account: r.account.clone(),
                signed_in_elsewhere: match &r.signed_in_with {
                    Some(with) if with == binding => None,
                    Some(with) => Some(with.authority.clone()),
                    None => Some(String::new()),
                },
            })
            .collect()
    }

    /// The most recently used account that signed in with `binding`.
    pub fn last_used(&self, binding: &SignInBinding) -> Option<(Account, Task)> {
        self.file
            .accounts
            .iter()
            .find(|r| r.signed_in_with.as_ref() == Some(binding))
            .map(|r| (r.account.clone(), r.last_task))
    }

    /// The account and its task; `Err(())` when it exists but signed in with another binding.
    #[allow(clippy::result_unit_err)]
    pub fn get(&self, id: &str, binding: &SignInBinding) -> Option<Result<(Account, Task), ()>> {
        self.file
            .accounts
            .iter()
            .find(|r| r.account.id == id)
            .map(|r| {
                if r.signed_in_with.as_ref() == Some(binding) {
                    Ok((r.account.clone(), r.last_task))
                } else {
                    Err(())
                }
            })
    }

    /// Adds or updates the account, bound to where it signed in, as the most recently used.
    pub fn remember(&mut self, account: Account, task: Task, binding: SignInBinding) {
        self.forget(&account.id);
        self.file.accounts.insert(
            0,
            Remembered {
                account,
                last_task: task,
                signed_in_with: Some(binding),
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

    fn bound(authority: &str) -> SignInBinding {
        SignInBinding {
            authority: authority.to_owned(),
            client_id: "client".to_owned(),
            graph_url: "https://graph.example/".to_owned(),
        }
    }

    fn here() -> SignInBinding {
        bound("https://login.example/organizations/v2.0")
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
        list.remember(account("a"), Task::Helpdesk, here());
        list.remember(account("b"), Task::Setup, here());
        list.remember(account("a"), Task::Helpdesk, here());
        list.save().unwrap();

        let list = AccountList::load(&dir);
        let ids: Vec<String> = list.accounts().into_iter().map(|a| a.id).collect();
        assert_eq!(ids, ["a.tid", "b.tid"]);
        assert_eq!(list.last_used(&here()).unwrap().1, Task::Helpdesk);
        assert_eq!(list.get("b.tid", &here()).unwrap().unwrap().1, Task::Setup);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_accounts_file_is_camel_case_json_without_secrets() {
        let dir = temp_dir("json");
        let mut list = AccountList::load(&dir);
        list.remember(account("a"), Task::Setup, here());
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
        list.remember(account("a"), Task::Helpdesk, here());
        list.remember(account("b"), Task::Helpdesk, here());
        list.forget("b.tid");
        assert_eq!(list.accounts(), vec![account("a")]);
    }

    #[test]
    fn an_account_bound_elsewhere_is_listed_as_such_and_never_offered_for_a_silent_start() {
        let dir = temp_dir("elsewhere");
        let mut list = AccountList::load(&dir);
        let other = bound("https://login.other.example/organizations/v2.0");
        list.remember(account("a"), Task::Helpdesk, here());
        list.remember(account("b"), Task::Helpdesk, other.clone());
        list.save().unwrap();
        let list = AccountList::load(&dir);
        assert_eq!(list.last_used(&here()).unwrap().0.id, "a.tid");
        assert_eq!(list.get("b.tid", &here()), Some(Err(())));
        let listed = list.listed(&here());
        assert_eq!(
            listed[0].signed_in_elsewhere.as_deref(),
            Some(other.authority.as_str())
        );
        assert_eq!(listed[1].signed_in_elsewhere, None);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_account_remembered_before_accounts_were_bound_is_never_refreshed() {
        let dir = temp_dir("unbound");
        fs::create_dir_all(&dir).unwrap();
        let old = r#"{"accounts":[{"id":"a.tid","username":"a@x","displayName":"A","tenantId":"tid","tenantName":null,"lastTask":"helpdesk"}]}"#;
        fs::write(dir.join(ACCOUNTS_FILE), old).unwrap();
        let list = AccountList::load(&dir);
        assert_eq!(list.last_used(&here()), None);
        assert_eq!(
            list.listed(&here())[0].signed_in_elsewhere.as_deref(),
            Some("")
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
