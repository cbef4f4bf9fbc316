//! The audit line for a Temporary Access Pass: who asked, for whom, and what came of it (never
//! the pass itself).

use time::OffsetDateTime;

use super::{NoteValues, Operator, Outcome, ResetAttempt};
use crate::Failure;
use crate::graph::models::ManagedDeviceId;
use crate::reset::{TapCreated, TapError};
use crate::word_enum::word_enum;

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

word_enum! {
    /// How a pass was given, as its audit note says it (`pass:<how>`), with the person and the
    /// minutes as values.
    pub enum PassNote {
        OneTime => "oneTime",
        Reusable => "reusable",
        /// The service did not say the lifetime and none was asked for: the policy's.
        OneTimePolicyLifetime => "oneTimePolicyLifetime",
        ReusablePolicyLifetime => "reusablePolicyLifetime",
    }
}

impl<'a> PassAsked<'a> {
    /// The line to write for what `create_tap` answered; `None` for a second click on a pass
    /// already being made, which is no new action. The note is a key and values (never the pass
    /// itself); a failure keeps the error's own text for support.
    pub fn attempt(&self, result: &Result<TapCreated, TapError>) -> Option<ResetAttempt<'a>> {
        let mut values = NoteValues::new();
        if let Some(person) = self.person {
            values.insert(
                "person".to_owned(),
                person.get(..200).unwrap_or(person).to_owned(),
            );
        }
        let (outcome, note, note_key) = match result {
            Ok(made) => {
                let minutes = made
                    .lifetime_minutes
                    .or(self.lifetime_minutes.map(i64::from));
                let how = match (made.one_time, minutes) {
                    (true, Some(_)) => PassNote::OneTime,
                    (false, Some(_)) => PassNote::Reusable,
                    (true, None) => PassNote::OneTimePolicyLifetime,
                    (false, None) => PassNote::ReusablePolicyLifetime,
                };
                if let Some(minutes) = minutes {
                    values.insert("minutes".to_owned(), minutes.to_string());
                }
                (Outcome::AccessPassGiven, None, format!("pass:{how}"))
            }
            Err(TapError::AlreadySending) => return None,
            Err(error) => {
                let outcome = match error {
                    TapError::Unconfirmed { .. } | TapError::CreatedUnseen { .. } => {
                        Outcome::Unconfirmed
                    }
                    _ => Outcome::NotSent,
                };
                let key = format!("passError:{}", error.failure_kind());
                (outcome, Some(error.to_string()), key)
            }
        };
        Some(ResetAttempt {
            operator: self.operator,
            device_id: self.device_id,
            device_name: self.device_name,
            ticket: self.ticket,
            started_at: OffsetDateTime::now_utc(),
            outcome,
            note,
            note_key: Some(note_key),
            note_values: values,
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
        assert_eq!(line.note_key.as_deref(), Some("pass:oneTime"));
        let values: Vec<_> = line
            .note_values
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            values,
            [("minutes", "60"), ("person", "ngozi@contoso.example")]
        );
        assert_eq!(line.note, None, "no English: the window words it");
        assert!(!format!("{line:?}").contains("Xk7-9qPz"));
        let policy = asked.attempt(&made(None, false)).unwrap();
        assert_eq!(
            policy.note_key.as_deref(),
            Some("pass:reusablePolicyLifetime")
        );
        assert!(!policy.note_values.contains_key("minutes"));
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
        assert_eq!(
            refused.note_key.as_deref(),
            Some("passError:tapAdminTarget")
        );
        assert!(refused.note_values.is_empty(), "no person was named");
        assert!(
            refused.note.is_some_and(|n| n.contains("administrator")),
            "kept for support"
        );
        let unseen = asked
            .attempt(&Err(TapError::CreatedUnseen { ends_at: None }))
            .unwrap();
        assert_eq!(unseen.outcome, Outcome::Unconfirmed);
        assert!(asked.attempt(&Err(TapError::AlreadySending)).is_none());
    }
}
