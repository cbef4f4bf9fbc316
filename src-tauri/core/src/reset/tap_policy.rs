//! The tenant's Temporary Access Pass policy, read from
//! `GET /policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass`,
//! and whether it lets the helpdesk give a pass to one person. Judges only; sends nothing.

use serde::Deserialize;

/// Graph's bounds for any pass lifetime: 10 minutes to 30 days.
const LIFETIME_BOUNDS_MINUTES: (u32, u32) = (10, 43_200);

/// One `includeTargets`/`excludeTargets` entry: `id` is a group id or `all_users`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyTarget {
    pub id: String,
}

/// The fields of `temporaryAccessPassAuthenticationMethodConfiguration` PinDesk uses.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TapPolicy {
    pub state: String,
    #[serde(default)]
    pub include_targets: Vec<PolicyTarget>,
    #[serde(default)]
    pub exclude_targets: Vec<PolicyTarget>,
    pub default_lifetime_in_minutes: Option<u32>,
    pub minimum_lifetime_in_minutes: Option<u32>,
    pub maximum_lifetime_in_minutes: Option<u32>,
    #[serde(default)]
    pub is_usable_once: bool,
}

/// What the confirmation card offers, or why no pass can be given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TapOffer {
    Offer {
        lifetime_minutes: u32,
        one_time: bool,
    },
    /// The policy is off for the whole tenant: an Authentication Policy Administrator turns it on.
    PolicyOff,
    /// The policy is on, but not for this person (not in an included group, or excluded).
    NotForThisPerson,
}

impl TapPolicy {
    /// Decides for a person whose group ids (transitive membership) are `groups`.
    pub fn offer_for(&self, groups: &[&str]) -> TapOffer {
        if self.state != "enabled" {
            return TapOffer::PolicyOff;
        }
        let member = |t: &PolicyTarget| t.id == "all_users" || groups.contains(&t.id.as_str());
        if self
            .exclude_targets
            .iter()
            .any(|t| groups.contains(&t.id.as_str()))
            || !self.include_targets.iter().any(member)
        {
            return TapOffer::NotForThisPerson;
        }
        TapOffer::Offer {
            lifetime_minutes: self.lifetime_minutes(),
            one_time: self.is_usable_once,
        }
    }

    /// The policy's default lifetime, kept within its own minimum and maximum and Graph's bounds.
    pub fn lifetime_minutes(&self) -> u32 {
        let (floor, ceiling) = LIFETIME_BOUNDS_MINUTES;
        let min = self
            .minimum_lifetime_in_minutes
            .unwrap_or(floor)
            .clamp(floor, ceiling);
        let max = self
            .maximum_lifetime_in_minutes
            .unwrap_or(ceiling)
            .clamp(min, ceiling);
        self.default_lifetime_in_minutes
            .unwrap_or(60)
            .clamp(min, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(state: &str, default: u32, min: u32, max: u32) -> TapPolicy {
        serde_json::from_value(serde_json::json!({
            "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
            "id": "TemporaryAccessPass", "state": state,
            "includeTargets": [{ "targetType": "group", "id": "helpdesk-tap-group" }],
            "excludeTargets": [{ "targetType": "group", "id": "admins" }],
            "defaultLifetimeInMinutes": default, "minimumLifetimeInMinutes": min,
            "maximumLifetimeInMinutes": max, "isUsableOnce": true, "defaultLength": 8
        }))
        .expect("policy json")
    }

    #[test]
    fn a_member_of_the_included_group_is_offered_the_policy_default() {
        let offer = policy("enabled", 60, 30, 480).offer_for(&["helpdesk-tap-group"]);
        assert_eq!(
            offer,
            TapOffer::Offer {
                lifetime_minutes: 60,
                one_time: true
            }
        );
    }

    #[test]
    fn a_policy_that_is_off_offers_nothing() {
        assert_eq!(
            policy("disabled", 60, 30, 480).offer_for(&["helpdesk-tap-group"]),
            TapOffer::PolicyOff
        );
    }

    #[test]
    fn a_person_outside_the_group_or_excluded_is_not_offered_a_pass() {
        let p = policy("enabled", 60, 30, 480);
        assert_eq!(p.offer_for(&["sales"]), TapOffer::NotForThisPerson);
        assert_eq!(
            p.offer_for(&["helpdesk-tap-group", "admins"]),
            TapOffer::NotForThisPerson
        );
    }

    #[test]
    fn the_lifetime_stays_within_the_policy_minimum_and_maximum() {
        assert_eq!(policy("enabled", 5, 30, 480).lifetime_minutes(), 30);
        assert_eq!(policy("enabled", 900, 30, 480).lifetime_minutes(), 480);
        assert_eq!(policy("enabled", 60, 1, 99_999).lifetime_minutes(), 60);
    }
}
