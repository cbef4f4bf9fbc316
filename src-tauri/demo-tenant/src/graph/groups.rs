//! `GET /groups` for the group picker: `$search="displayName:x"` (only with
//! `ConsistencyLevel: eventual`, as for every advanced directory query), `$filter` with
//! `startswith`/`eq`, `$select`, `$top`, `$count` and paging.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde_json::{Map, Value};

use super::filter::{self, Op, Support};
use super::odata::{Listing, Query, project};
use super::{ApiVersion, Caller, GraphError};
use crate::state::{TenantState, changing};

const DEFAULT_PAGE: usize = 100;
const MAX_PAGE: usize = 999;

const PROPERTIES: [&str; 10] = [
    "id",
    "displayName",
    "description",
    "groupTypes",
    "mailEnabled",
    "mailNickname",
    "securityEnabled",
    "createdDateTime",
    "membershipRule",
    "visibility",
];

const SUPPORT: &Support = &[
    ("id", &[Op::Eq]),
    ("displayName", &[Op::Eq, Op::StartsWith]),
    ("mailNickname", &[Op::Eq, Op::StartsWith]),
    ("mailEnabled", &[Op::Eq]),
    ("securityEnabled", &[Op::Eq]),
];

const SCOPES: [&str; 3] = [
    "GroupMember.Read.All",
    "Group.Read.All",
    "Directory.Read.All",
];

pub(super) fn routes() -> Router<TenantState> {
    Router::new()
        .route("/groups", get(list))
        .route("/groups/{id}/members/$count", get(member_count))
}

/// `GET /groups/{id}/members/$count`: the number of members as plain text, only with
/// `ConsistencyLevel: eventual`, as Graph answers it.
async fn member_count(
    State(state): State<TenantState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<axum::response::Response, GraphError> {
    caller.require_any(&SCOPES)?;
    if !eventual(&headers) {
        return Err(needs_eventual("$count"));
    }
    let count = changing(&state.directory)
        .groups
        .iter()
        .find(|g| g.properties.get("id").and_then(Value::as_str) == Some(id.as_str()))
        .map(|g| g.member_ids.len())
        .ok_or_else(|| {
            GraphError::new(
                axum::http::StatusCode::NOT_FOUND,
                "Request_ResourceNotFound",
                format!("Resource '{id}' does not exist or one of its queried reference-property objects are not present."),
            )
        })?;
    Ok(axum::response::IntoResponse::into_response((
        [(axum::http::header::CONTENT_TYPE, "text/plain")],
        count.to_string(),
    )))
}

pub(super) fn eventual(headers: &HeaderMap) -> bool {
    headers
        .get("ConsistencyLevel")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("eventual"))
}

pub(super) fn needs_eventual(option: &str) -> GraphError {
    GraphError::new(
        axum::http::StatusCode::BAD_REQUEST,
        "Request_UnsupportedQuery",
        format!(
            "Request with {option} query parameter only works through MSGraph with a special \
             request header: 'ConsistencyLevel: eventual'"
        ),
    )
}

/// `"displayName:text"` → a predicate: some word of the name starts with the text, the way
/// directory search tokenizes names.
fn search(raw: &str) -> Result<(String, String), GraphError> {
    let inner = raw
        .trim()
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .ok_or_else(|| {
            GraphError::bad_request("Syntax error: the $search value must be quoted.")
        })?;
    let (property, text) = inner.split_once(':').ok_or_else(|| {
        GraphError::bad_request("Syntax error: $search needs the form \"property:text\".")
    })?;
    if !matches!(property, "displayName" | "description" | "mailNickname") {
        return Err(GraphError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "Request_UnsupportedQuery",
            format!(
                "Unsupported or invalid query filter clause specified for property '{property}' of resource 'Group'."
            ),
        ));
    }
    let text = text.replace("\\\"", "\"").replace("\\\\", "\\");
    Ok((property.to_owned(), text.to_lowercase()))
}

fn found(value: Option<&Value>, text: &str) -> bool {
    let name = value
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_lowercase();
    if text.contains(char::is_whitespace) {
        return name.contains(text);
    }
    name.split(|c: char| !c.is_alphanumeric())
        .any(|word| word.starts_with(text))
        || name.starts_with(text)
}

async fn list(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    caller.require_any(&SCOPES)?;
    let query = Query::parse(raw.as_deref());
    let eventual = eventual(&headers);
    let selected = query.select("group", &PROPERTIES)?;
    let searched = query.option("search").map(search).transpose()?;
    if searched.is_some() && !eventual {
        return Err(needs_eventual("$search"));
    }
    let count = query
        .option("count")
        .is_some_and(|c| c.eq_ignore_ascii_case("true"));
    if count && !eventual {
        return Err(needs_eventual("$count"));
    }
    let filter = query
        .option("filter")
        .map(|raw| filter::parse(raw, "group", SUPPORT))
        .transpose()?;
    let top = query.top(DEFAULT_PAGE, MAX_PAGE)?;
    let start = query.skip()?;
    let matching: Vec<Map<String, Value>> = changing(&state.directory)
        .groups
        .iter()
        .map(|g| &g.properties)
        .filter(|g| filter.as_ref().is_none_or(|f| f.matches(g)))
        .filter(|g| {
            searched
                .as_ref()
                .is_none_or(|(property, text)| found(g.get(property), text))
        })
        .cloned()
        .collect();
    let page: Vec<Value> = matching
        .iter()
        .skip(start)
        .take(top)
        .map(|g| Value::Object(project(g, selected.as_deref(), &PROPERTIES)))
        .collect();
    let listing = Listing {
        origin: &state.origin,
        version: version.path(),
        set: "groups",
        raw_query: raw.as_deref(),
        selected: selected.as_deref(),
    };
    let next = (start + top < matching.len()).then_some(start + top);
    Ok(Json(listing.answer(
        page,
        count.then_some(matching.len()),
        next,
    )))
}
