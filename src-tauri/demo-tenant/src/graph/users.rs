//! `GET /users` (people finder: `$search` with `ConsistencyLevel: eventual`, or `$filter` with
//! `startswith`/`eq`) and `GET /users/{id}/managedDevices` (one person's devices).
//!
//! Directory search tokenizes `displayName` (and the name parts): a term matches the start of any
//! word, case-insensitively. Whether Entra also ignores accents is not documented; the demo folds
//! them (so "zoe" finds "Zoë"), and PinDesk re-checks every answer the same way.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde_json::{Map, Value, json};

use super::devices::{Owner, list_of};
use super::filter::{self, Op, Support};
use super::groups::{eventual, needs_eventual};
use super::odata::{Listing, Query, project};
use super::{ApiVersion, Caller, GraphError};
use crate::seed::Employee;
use crate::state::{TenantState, reading};

const DEFAULT_PAGE: usize = 100;
const MAX_PAGE: usize = 999;

const PROPERTIES: [&str; 6] = [
    "id",
    "displayName",
    "givenName",
    "surname",
    "userPrincipalName",
    "mail",
];

/// The operators Graph documents for these user properties.
const SUPPORT: &Support = &[
    ("id", &[Op::Eq]),
    ("displayName", &[Op::Eq, Op::StartsWith]),
    ("givenName", &[Op::Eq, Op::StartsWith]),
    ("surname", &[Op::Eq, Op::StartsWith]),
    ("userPrincipalName", &[Op::Eq, Op::StartsWith]),
    ("mail", &[Op::Eq, Op::StartsWith]),
];

/// Properties `$search` tokenizes into words; the others match from their start.
const TOKENIZED: [&str; 3] = ["displayName", "givenName", "surname"];
const SEARCHABLE: [&str; 5] = [
    "displayName",
    "givenName",
    "surname",
    "userPrincipalName",
    "mail",
];

/// The least permission that lists users, or a broader one.
const SCOPES: [&str; 3] = ["User.ReadBasic.All", "User.Read.All", "Directory.Read.All"];

pub(super) fn routes() -> Router<TenantState> {
    Router::new()
        .route("/users", get(list))
        .route("/users/{id}/managedDevices", get(devices))
}

fn entity(user: &Employee) -> Map<String, Value> {
    let (given, surname) = user
        .display_name
        .split_once(' ')
        .unwrap_or((user.display_name.as_str(), ""));
    let mut entity = Map::new();
    entity.insert("id".into(), json!(user.id));
    entity.insert("displayName".into(), json!(user.display_name));
    entity.insert("givenName".into(), json!(given));
    entity.insert("surname".into(), json!(surname));
    entity.insert("userPrincipalName".into(), json!(user.user_principal_name));
    entity.insert("mail".into(), json!(user.user_principal_name));
    entity
}

/// Lower case without accents: "Zoë" → "zoe", "Søren" → "soren".
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ś' | 'š' | 'ş' => 's',
            'ź' | 'ż' | 'ž' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ť' => 't',
            'ď' => 'd',
            other => other,
        })
        .collect()
}

/// One `"property:text"` clause of `$search`.
struct Clause {
    property: &'static str,
    text: String,
}

/// `"displayName:zoe" OR "userPrincipalName:zoe"`: clauses joined by `OR` (`AND` is refused
/// here, as the demo has no use for it).
fn parse_search(raw: &str) -> Result<Vec<Clause>, GraphError> {
    raw.split(" OR ")
        .map(|part| {
            let inner = part
                .trim()
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .ok_or_else(|| {
                    GraphError::bad_request("Syntax error: the $search value must be quoted.")
                })?;
            let (name, text) = inner.split_once(':').ok_or_else(|| {
                GraphError::bad_request("Syntax error: $search needs the form \"property:text\".")
            })?;
            let property = SEARCHABLE
                .iter()
                .find(|p| p.eq_ignore_ascii_case(name))
                .ok_or_else(|| {
                    GraphError::new(
                        StatusCode::BAD_REQUEST,
                        "Request_UnsupportedQuery",
                        format!(
                            "Unsupported or invalid query filter clause specified for property \
                             '{name}' of resource 'User'."
                        ),
                    )
                })?;
            Ok(Clause {
                property,
                text: fold(&text.replace("\\\"", "\"")),
            })
        })
        .collect()
}

fn found(user: &Map<String, Value>, clauses: &[Clause]) -> bool {
    clauses.iter().any(|clause| {
        let value = fold(
            user.get(clause.property)
                .and_then(Value::as_str)
                .unwrap_or_default(),
        );
        if !TOKENIZED.contains(&clause.property) {
            return value.starts_with(&clause.text);
        }
        value.starts_with(&clause.text)
            || value
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| !word.is_empty() && word.starts_with(&clause.text))
    })
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
    let selected = query.select("user", &PROPERTIES)?;
    let searched = query.option("search").map(parse_search).transpose()?;
    if searched.is_some() && !eventual(&headers) {
        return Err(needs_eventual("$search"));
    }
    let filter = query
        .option("filter")
        .map(|raw| filter::parse(raw, "user", SUPPORT))
        .transpose()?;
    let top = query.top(DEFAULT_PAGE, MAX_PAGE)?;
    let start = query.skip()?;
    let matching: Vec<Map<String, Value>> = reading(&state.directory)
        .users
        .iter()
        .map(entity)
        .filter(|u| filter.as_ref().is_none_or(|f| f.matches(u)))
        .filter(|u| searched.as_ref().is_none_or(|clauses| found(u, clauses)))
        .collect();
    let page: Vec<Value> = matching
        .iter()
        .skip(start)
        .take(top)
        .map(|u| Value::Object(project(u, selected.as_deref(), &PROPERTIES)))
        .collect();
    let listing = Listing {
        origin: &state.origin,
        version: version.path(),
        set: "users",
        raw_query: raw.as_deref(),
        selected: selected.as_deref(),
    };
    let next = (start + top < matching.len()).then_some(start + top);
    Ok(Json(listing.answer(page, None, next)))
}

/// `GET /users/{id}/managedDevices`: the devices Intune lists for that user, as the device list
/// answers them (same permissions, roles, options and paging); an unknown user is a 404.
async fn devices(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, GraphError> {
    let known = reading(&state.directory)
        .users
        .iter()
        .find(|u| u.id.eq_ignore_ascii_case(&id) || u.user_principal_name.eq_ignore_ascii_case(&id))
        .map(|u| u.id.clone());
    let Some(user_id) = known else {
        return Err(GraphError::new(
            StatusCode::NOT_FOUND,
            "Request_ResourceNotFound",
            format!(
                "Resource '{id}' does not exist or one of its queried reference-property objects are not present."
            ),
        ));
    };
    let owner = Owner {
        id: &user_id,
        set: format!("users/{id}/managedDevices"),
    };
    list_of(&state, version, &caller, raw.as_deref(), Some(owner))
}
