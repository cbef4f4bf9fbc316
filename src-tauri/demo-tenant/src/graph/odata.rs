//! The OData query options Graph endpoints share.

use serde_json::{Map, Value};

use super::error::GraphError;

/// The query string as name/value pairs. Graph accepts system options with or without `$`.
#[derive(Debug, Default, Clone)]
pub(crate) struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    pub fn parse(raw: Option<&str>) -> Query {
        let pairs = url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Query { pairs }
    }

    pub fn option(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| {
                let k = k.strip_prefix('$').unwrap_or(k);
                k.eq_ignore_ascii_case(name)
            })
            .map(|(_, v)| v.as_str())
    }

    /// `$top`: `default` when absent, at most `max`; zero, negatives and words are refused.
    pub fn top(&self, default: usize, max: usize) -> Result<usize, GraphError> {
        match self.option("top") {
            None => Ok(default),
            Some(raw) => match raw.trim().parse::<usize>() {
                Ok(0) | Err(_) => Err(GraphError::bad_request(format!(
                    "Invalid value '{raw}' for $top query option found. The $top query option \
                     requires a non-negative integer value."
                ))),
                Ok(n) => Ok(n.min(max)),
            },
        }
    }

    /// Where a page starts: the position carried in `$skiptoken` by a `nextLink`.
    pub fn skip(&self) -> Result<usize, GraphError> {
        match self.option("skiptoken") {
            None => Ok(0),
            Some(raw) => raw
                .strip_prefix(SKIP_PREFIX)
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| GraphError::bad_request("The skip token is not valid.")),
        }
    }

    /// `$select` resolved against the properties a type has, in canonical spelling.
    pub fn select(
        &self,
        type_name: &str,
        known: &[&'static str],
    ) -> Result<Option<Vec<&'static str>>, GraphError> {
        let Some(raw) = self.option("select") else {
            return Ok(None);
        };
        let mut chosen = Vec::new();
        for item in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let property = known
                .iter()
                .find(|k| k.eq_ignore_ascii_case(item))
                .ok_or_else(|| {
                    GraphError::bad_request(format!(
                        "Parsing OData Select and Expand failed: Could not find a property named \
                     '{item}' on type 'microsoft.graph.{type_name}'."
                    ))
                })?;
            if !chosen.contains(property) {
                chosen.push(*property);
            }
        }
        Ok(Some(chosen))
    }
}

const SKIP_PREFIX: &str = "RFNwdAIAAQAAAC";

/// The full `@odata.nextLink` URL: the same request (query kept byte for byte) from `position`.
pub(crate) fn next_link(
    origin: &str,
    version: &str,
    path: &str,
    raw_query: Option<&str>,
    position: usize,
) -> String {
    let mut pairs: Vec<&str> = raw_query
        .unwrap_or_default()
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            let name = name.strip_prefix("%24").unwrap_or(name);
            let name = name.strip_prefix('$').unwrap_or(name);
            !name.eq_ignore_ascii_case("skiptoken")
        })
        .collect();
    let token = format!("$skiptoken={SKIP_PREFIX}{position}");
    pairs.push(&token);
    format!("{origin}/{version}/{path}?{}", pairs.join("&"))
}

/// Keeps the selected properties of an entity, or the default set when nothing was selected.
/// Graph always returns `id` when it was asked for and never invents the others.
pub(crate) fn project(
    entity: &Map<String, Value>,
    selected: Option<&[&'static str]>,
    defaults: &[&'static str],
) -> Map<String, Value> {
    let names = selected.unwrap_or(defaults);
    names
        .iter()
        .map(|name| {
            (
                (*name).to_owned(),
                entity.get(*name).cloned().unwrap_or(Value::Null),
            )
        })
        .collect()
}

/// `@odata.context` for an entity set or a single entity, mentioning the selection as Graph does.
pub(crate) fn context(
    graph_base: &str,
    version: &str,
    set: &str,
    selected: Option<&[&'static str]>,
    single: bool,
) -> String {
    let selection = selected
        .map(|s| format!("({})", s.join(",")))
        .unwrap_or_default();
    let entity = if single { "/$entity" } else { "" };
    format!("{graph_base}/{version}/$metadata#{set}{selection}{entity}")
}

/// Where a collection answer comes from: its set, the request's query and what it selected.
pub(crate) struct Listing<'a> {
    pub origin: &'a str,
    pub version: &'a str,
    pub set: &'a str,
    pub raw_query: Option<&'a str>,
    pub selected: Option<&'a [&'static str]>,
}

impl Listing<'_> {
    /// The answer as Graph writes it: `@odata.context` naming the selection, the page,
    /// `@odata.count` when it was asked for, and `@odata.nextLink` from `next` while items are
    /// left.
    pub(crate) fn answer(
        &self,
        page: Vec<Value>,
        count: Option<usize>,
        next: Option<usize>,
    ) -> Value {
        let mut body = Map::new();
        let context = context(self.origin, self.version, self.set, self.selected, false);
        body.insert("@odata.context".into(), Value::String(context));
        if let Some(count) = count {
            body.insert("@odata.count".into(), Value::from(count));
        }
        body.insert("value".into(), Value::Array(page));
        if let Some(position) = next {
            let link = next_link(
                self.origin,
                self.version,
                self.set,
                self.raw_query,
                position,
            );
            body.insert("@odata.nextLink".into(), Value::String(link));
        }
        Value::Object(body)
    }
}
