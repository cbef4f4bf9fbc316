//! The audit line for a Temporary Access Pass: who asked, for whom, and what came of it (never
//! the pass itself).

use time::OffsetDateTime;

use super::{Operator, Outcome, ResetAttempt};
use crate::IpcError;
use crate::graph::models::ManagedDeviceId;
use crate::reset::{TapCreated, TapError};

/// A pass as the window asked for it, after its confirmation.
#[derive(Debug, Clone)]
pub struct PassAsked<'a> {
    pub operator: &'a Operator,
    pub device_id: &'a ManagedDeviceId,
    pub device_name: Option<&'a str>,
    pub ticket: Option<&'a str>,
    /// The person's sign-in name, as the confirmation showed it.
    pub person: Option<&'a str>,
    /// `None`: the policy's default.
    pub lifetime_minutes: Option<u32>,
}

impl<'a> PassAsked<'a> {
    /// The line to write for what `create_tap` answered; `None` for a second click on a pass
    /// already being made, which is no new action.
    pub fn attempt(&self, result: &Result<TapCreated, TapError>) -> Option<ResetAttempt<'a>> {
        let who = self
            .person
            .map(|n| n.get(..200).unwrap_or(n))
            .unwrap_or("the device's primary user");
        let (outcome, note, note_key) = match result {
            Ok(made) => {
                let lifetime = made
                    .lifetime_minutes
                    .or(self.lifetime_minutes.map(i64::from))
                    .map_or_else(
                        || "the policy's lifetime".to_owned(),
                        |m| format!("{m} minutes"),
                    );
                let usage = if made.one_time {
                    "one-time use"
                } else {
                    "reusable"
                };
                let note = format!("Temporary Access Pass for {who}, {lifetime}, {usage}");
                (Outcome::AccessPassGiven, note, None)
            }
            Err(TapError::AlreadySending) => return None,
            Err(error) => {
                let outcome = match error {
                    TapError::Unconfirmed { .. } | TapError::CreatedUnseen { .. } => {
                        Outcome::Unconfirmed
                    }
                    _ => Outcome::NotSent,
                };
                let key = format!("error:{}", IpcError::from(error).kind);
                (
                    outcome,
                    format!("Temporary Access Pass for {who}: {error}"),
                    Some(key),
                )
            }
        };
        Some(ResetAttempt {
            operator: self.operator,
            device_id: self.device_id,
            device_name: self.device_name,
            ticket: self.ticket,
            started_at: OffsetDateTime::now_utc(),
            outcome,
            note: Some(note),
            note_key,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reset::AccessPass;

    fn operator() -> Operator {
        Operator {
            username: "helpdesk@pindesk-demo.example".to_owned(),
            tenant_id: "t".to_owned(),
            tenant_name: None,
        }
    }

    fn made(lifetime_minutes: Option<i64>, one_time: bool) -> Result<TapCreated, TapError> {
        Ok(TapCreated {
            pass: AccessPass::new("Xk7-9qPz".to_owned()),
            created_at: OffsetDateTime::UNIX_EPOCH,
            ends_at: None,
            lifetime_minutes,
            one_time,
        })
    }

    #[test]
    fn a_pass_given_is_logged_with_person_lifetime_and_use_and_never_the_pass() {
        let (op, device) = (operator(), ManagedDeviceId::new("d"));
        let asked = PassAsked {
            operator: &op,
            device_id: &device,
            device_name: Some("NW-LT-1"),
            ticket: Some("INC-1"),
            person: Some("ngozi@contoso.example"),
            lifetime_minutes: None,
        };
        let line = asked.attempt(&made(Some(60), true)).unwrap();
        assert_eq!(line.outcome, Outcome::AccessPassGiven);
        let note = line.note.clone().unwrap();
        assert_eq!(
            note,
            "Temporary Access Pass for ngozi@contoso.example, 60 minutes, one-time use"
        );
        assert!(!note.contains("Xk7-9qPz") && !format!("{line:?}").contains("Xk7-9qPz"));
        let policy = asked.attempt(&made(None, false)).unwrap();
        assert!(
            policy
                .note
                .unwrap()
                .ends_with("the policy's lifetime, reusable")
        );
    }

    #[test]
    fn a_refused_or_unclear_pass_keeps_its_error_kind_and_a_second_click_writes_nothing() {
        let (op, device) = (operator(), ManagedDeviceId::new("d"));
        let asked = PassAsked {
            operator: &op,
            device_id: &device,
            device_name: None,
            ticket: None,
            person: None,
            lifetime_minutes: Some(60),
        };
        let refused = asked.attempt(&Err(TapError::AdminTarget)).unwrap();
        assert_eq!(refused.outcome, Outcome::NotSent);
        assert_eq!(refused.note_key.as_deref(), Some("error:tapAdminTarget"));
        assert!(refused.note.unwrap().contains("the device's primary user"));
        let unseen = asked
            .attempt(&Err(TapError::CreatedUnseen { ends_at: None }))
            .unwrap();
        assert_eq!(unseen.outcome, Outcome::Unconfirmed);
        assert!(asked.attempt(&Err(TapError::AlreadySending)).is_none());
    }
}
