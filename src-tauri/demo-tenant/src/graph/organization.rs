//! `GET /organization`: the tenant, the usual way a client learns its tenant id.

use axum::extract::{RawQuery, State};
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde_json::{Value, json};

use super::odata::{Query, context, project};
use super::{ApiVersion, Caller, GraphError};
use crate::state::{TenantState, changing};

const PROPERTIES: [&str; 10] = [
    "id",
    "displayName",
    "tenantType",
    "countryLetterCode",
    "preferredLanguage",
    "createdDateTime",
    "mobileDeviceManagementAuthority",
    "businessPhones",
    "technicalNotificationMails",
    "verifiedDomains",
];

pub(super) fn routes() -> Router<TenantState> {
    Router::new().route("/organization", get(organization))
}

async fn organization(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&["User.Read", "Organization.Read.All"])?;
    let selected = Query::parse(query.as_deref()).select("organization", &PROPERTIES)?;
    let organization = changing(&state.directory).organization.clone();
    let item = project(&organization, selected.as_deref(), &PROPERTIES);
    Ok(Json(json!({
        "@odata.context": context(&state.origin, version.path(), "organization", selected.as_deref(), false),
        "value": [item],
    })))
}
