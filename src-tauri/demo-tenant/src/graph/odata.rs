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
