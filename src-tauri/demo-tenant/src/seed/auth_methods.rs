//! Each person's authentication methods and the tenant's Temporary Access Pass policy, in Graph's
//! v1.0 shapes (`authenticationMethod` with its `@odata.type`, and
//! `temporaryAccessPassAuthenticationMethodConfiguration`). Some people have no method that passes
//! multi-factor authentication (a password alone, or an email address, which only self-service
//! password reset accepts), so the helpdesk has someone to give a pass to.

use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use super::{Employee, Group, stable_id};
use crate::clock::graph_date_time;

/// The groups the pass policy is on for (Graph's `includeTargets`, group-scoped).
pub const TAP_GROUPS: [&str; 2] = ["Area managers", "Finance – Windows devices"];

/// Which methods a person has besides the password, by mail alias.
fn kinds_of(alias: &str) -> &'static [&'static str] {
    match alias {
        "ana.souza" | "zoe.martin" | "liam.obrien" | "kenji.watanabe" | "priya.raman" => {
            &["microsoftAuthenticator"]
        }
        "admin" => &["fido2", "microsoftAuthenticator"],
        "helpdesk" => &["phone"],
        "mateo.garcia" => &["softwareOath"],
        // A pass the helpdesk gave this morning, still running.
        "soren.lund" => &["temporaryAccessPass"],
        // Only an email address: good for a password reset, not for MFA.
        "ines.dubois" => &["email"],
        // Password only: lost the phone with the authenticator on it.
        _ => &[],
    }
}

fn method(user: &Employee, kind: &str, now: OffsetDateTime) -> Value {
    let id = stable_id(&format!("authMethod:{kind}"), &user.id);
    let created = graph_date_time(now - Duration::days(90));
    match kind {
        "microsoftAuthenticator" => json!({
            "@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
            "id": id, "displayName": "Pixel 8", "deviceTag": "SoftwareTokenActivated",
            "phoneAppVersion": "6.2408.5542", "createdDateTime": created,
        }),
        "fido2" => json!({
            "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
            "id": id, "displayName": "YubiKey 5 NFC", "model": "YubiKey 5 NFC",
            "aaGuid": "fa2b99dc-9e39-4257-8f92-4a30d23c4118", "createdDateTime": created,
        }),
        // A phone number: PinDesk must never show or log it.
        "phone" => json!({
            "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
            "id": "3179e48a-750b-4051-897c-87b9720928f7",
            "phoneNumber": "+1 4255550199", "phoneType": "mobile", "smsSignInState": "notEnabled",
        }),
        "softwareOath" => json!({
            "@odata.type": "#microsoft.graph.softwareOathAuthenticationMethod",
            "id": id, "secretKey": null,
        }),
        "email" => json!({
            "@odata.type": "#microsoft.graph.emailAuthenticationMethod",
            "id": "3ddfcfc8-9383-446f-83cc-3ab9be4be18f", "emailAddress": "ines.private@example.org",
        }),
        "temporaryAccessPass" => existing_pass(&id, now),
        _ => password(user),
    }
}

/// A pass as `GET` answers it: never with `temporaryAccessPass` itself.
fn existing_pass(id: &str, now: OffsetDateTime) -> Value {
    let created = now - Duration::hours(1);
    json!({
        "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
        "id": id, "temporaryAccessPass": null,
        "createdDateTime": graph_date_time(created), "startDateTime": graph_date_time(created),
        "lifetimeInMinutes": 480, "isUsableOnce": false, "isUsable": true,
        "methodUsabilityReason": "EnabledByPolicy",
    })
}

/// Graph's fixed id for the password method.
fn password(_user: &Employee) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.passwordAuthenticationMethod",
        "id": "28c10230-6103-485e-b985-444c60001490", "password": null,
        "createdDateTime": "2024-02-11T09:12:44Z",
    })
}

/// Every person's methods, keyed by user id: the password first, then the rest.
pub(super) fn seeded(users: &[Employee], now: OffsetDateTime) -> Vec<(String, Vec<Value>)> {
    users
        .iter()
        .map(|user| {
            let alias = user
                .user_principal_name
                .split('@')
                .next()
                .unwrap_or_default();
            let mut methods = vec![password(user)];
            methods.extend(kinds_of(alias).iter().map(|k| method(user, k, now)));
            (user.id.clone(), methods)
        })
        .collect()
}

/// The tenant's pass policy: on, for [`TAP_GROUPS`], one hour by default within 1 to 8 hours,
/// one-time use, eight characters (Graph's own defaults are 60, 60, 480, false, 8).
pub(super) fn tap_policy(groups: &[Group]) -> Value {
    let targets: Vec<Value> = TAP_GROUPS
        .iter()
        .filter_map(|name| {
            groups
                .iter()
                .find(|g| g.properties.get("displayName") == Some(&json!(name)))
        })
        .map(|g| {
            json!({
                "targetType": "group",
                "id": g.properties.get("id").cloned().unwrap_or(Value::Null),
                "isRegistrationRequired": false,
            })
        })
        .collect();
    json!({
        "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
        "id": "TemporaryAccessPass",
        "state": "enabled",
        "defaultLifetimeInMinutes": 60,
        "defaultLength": 8,
        "minimumLifetimeInMinutes": 60,
        "maximumLifetimeInMinutes": 480,
        "isUsableOnce": true,
        "excludeTargets": [],
        "includeTargets": targets,
    })
}
