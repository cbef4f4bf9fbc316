//! Building request URLs safely: OData string literals with quotes doubled, `$filter` built from
//! typed parts, path segments and query values percent-encoded, so no input (a device called
//! `O'Brien's phone`, `50% off & more #2/3`, emoji, right-to-left text) can change what a request
//! means.

use std::fmt::Write as _;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Query values keep OData's punctuation readable (`'(),:$`) and encode the rest, including
/// `%&#/+=;` and every non-ASCII byte. `+` is encoded because some servers read it as a space.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b',')
    .remove(b':')
    .remove(b'$');

/// A path segment from data (an ID) may hold nothing that ends or escapes the segment.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Inside an alternate key the literal's quotes stay as they are: `'` is allowed in a path and
/// servers route on the raw path.
const KEY_LITERAL: &AsciiSet = &PATH_SEGMENT.remove(b'\'');

/// `'value'` with every `'` doubled, as OData string literals are written.
pub fn string_literal(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// Percent-encodes a query value (used for every value the client puts in a URL).
pub fn encode_query_value(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// A value on the right-hand side of a `$filter` comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal {
    String(String),
    Bool(bool),
    Int(i64),
    DateTime(OffsetDateTime),
}

impl Literal {
    fn render(&self) -> String {
        match self {
            Literal::String(s) => string_literal(s),
            Literal::Bool(b) => b.to_string(),
            Literal::Int(i) => i.to_string(),
            // Years outside 0..=9999 cannot be written in RFC 3339; clamp rather than fail.
            Literal::DateTime(t) => t
                .format(&Rfc3339)
                .unwrap_or_else(|_| String::from("0001-01-01T00:00:00Z")),
        }
    }
}

impl From<&str> for Literal {
    fn from(value: &str) -> Self {
        Literal::String(value.to_owned())
    }
}

impl From<String> for Literal {
    fn from(value: String) -> Self {
        Literal::String(value)
    }
}

impl From<&String> for Literal {
    fn from(value: &String) -> Self {
        Literal::String(value.clone())
    }
}

impl From<bool> for Literal {
    fn from(value: bool) -> Self {
        Literal::Bool(value)
    }
}

impl From<i64> for Literal {
    fn from(value: i64) -> Self {
        Literal::Int(value)
    }
}

impl From<i32> for Literal {
    fn from(value: i32) -> Self {
        Literal::Int(value.into())
    }
}

impl From<OffsetDateTime> for Literal {
    fn from(value: OffsetDateTime) -> Self {
        Literal::DateTime(value)
    }
}

/// A `$filter` expression. Property names are `&'static str` so only code, never input, names
/// them; every value goes through [`Literal`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter(String);

impl Filter {
    fn compare(property: &'static str, op: &str, value: Literal) -> Filter {
        Filter(format!("{property} {op} {}", value.render()))
    }

    pub fn eq(property: &'static str, value: impl Into<Literal>) -> Filter {
        Filter::compare(property, "eq", value.into())
    }

    pub fn ne(property: &'static str, value: impl Into<Literal>) -> Filter {
        Filter::compare(property, "ne", value.into())
    }

    pub fn lt(property: &'static str, value: impl Into<Literal>) -> Filter {
        Filter::compare(property, "lt", value.into())
    }

    pub fn gt(property: &'static str, value: impl Into<Literal>) -> Filter {
        Filter::compare(property, "gt", value.into())
    }

    pub fn contains(property: &'static str, text: &str) -> Filter {
        Filter(format!("contains({property},{})", string_literal(text)))
    }

    pub fn starts_with(property: &'static str, text: &str) -> Filter {
        Filter(format!("startswith({property},{})", string_literal(text)))
    }

    pub fn and(self, other: Filter) -> Filter {
        Filter(format!("({}) and ({})", self.0, other.0))
    }

    pub fn or(self, other: Filter) -> Filter {
        Filter(format!("({}) or ({})", self.0, other.0))
    }

    /// The expression as it goes into `$filter=` before percent-encoding.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The value of `$search` for one property: `"displayName:text"`, with `\` and `"` escaped.
pub fn search_term(property: &'static str, text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{property}:{escaped}\"")
}

/// A path below the API version, e.g. `deviceManagement/managedDevices/{id}/resetPasscode`.
/// Fixed parts come from code; parts from data are encoded as single segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourcePath {
    path: String,
    /// Set when a part from data could not be a segment (empty, `.` or `..`, which URL parsing
    /// would drop or resolve): the client then refuses to send the request.
    problem: Option<String>,
}

impl ResourcePath {
    /// A fixed path written in code, e.g. `"deviceManagement/deviceConfigurations"`.
    pub fn new(path: &'static str) -> ResourcePath {
        ResourcePath {
            path: path.trim_matches('/').to_owned(),
            problem: None,
        }
    }

    /// Appends a fixed segment (an action or navigation property) written in code.
    pub fn then(mut self, segment: &'static str) -> ResourcePath {
        self.path.push('/');
        self.path.push_str(segment.trim_matches('/'));
        self
    }

    /// Appends one segment from data, such as an ID.
    pub fn id(mut self, id: impl AsRef<str>) -> ResourcePath {
        let id = id.as_ref();
        if matches!(id.trim(), "" | "." | "..") {
            self.problem
                .get_or_insert_with(|| format!("{id:?} is not a valid ID"));
        }
        self.path.push('/');
        self.path
            .push_str(&utf8_percent_encode(id, PATH_SEGMENT).to_string());
        self
    }

    /// Addresses by alternate key: `servicePrincipals(appId='…')`.
    pub fn key(mut self, property: &'static str, value: &str) -> ResourcePath {
        let literal = string_literal(value);
        let _ = write!(
            self.path,
            "({property}={})",
            utf8_percent_encode(&literal, KEY_LITERAL)
        );
        self
    }

    pub fn as_str(&self) -> &str {
        &self.path
    }

    /// Why this path must not be sent, if it must not.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }
}

/// A GET with its OData query options. `$search` and `$count` need `ConsistencyLevel: eventual`
/// on directory objects, so they set it; the client resends it on every `nextLink` page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphRequest {
    path: ResourcePath,
    query: Vec<(&'static str, String)>,
    eventual: bool,
}

impl GraphRequest {
    pub fn get(path: ResourcePath) -> GraphRequest {
        GraphRequest {
            path,
            query: Vec::new(),
            eventual: false,
        }
    }

    fn option(mut self, name: &'static str, value: String) -> GraphRequest {
        self.query.retain(|(n, _)| *n != name);
        self.query.push((name, value));
        self
    }

    pub fn select(self, properties: &[&'static str]) -> GraphRequest {
        self.option("$select", properties.join(","))
    }

    pub fn filter(self, filter: Filter) -> GraphRequest {
        self.option("$filter", filter.0)
    }

    pub fn top(self, count: u32) -> GraphRequest {
        self.option("$top", count.to_string())
    }

    pub fn order_by(self, property: &'static str) -> GraphRequest {
        self.option("$orderby", property.to_owned())
    }

    /// `term` from [`search_term`].
    pub fn search(self, term: String) -> GraphRequest {
        self.option("$search", term).eventual()
    }

    pub fn count(self) -> GraphRequest {
        self.option("$count", "true".to_owned()).eventual()
    }

    /// Sends `ConsistencyLevel: eventual` (advanced directory queries).
    pub fn eventual(mut self) -> GraphRequest {
        self.eventual = true;
        self
    }

    pub fn is_eventual(&self) -> bool {
        self.eventual
    }

    pub fn path(&self) -> &ResourcePath {
        &self.path
    }

    /// `path?query`, percent-encoded, relative to the API version root.
    pub fn relative_url(&self) -> String {
        let mut out = self.path.path.clone();
        for (i, (name, value)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(name);
            out.push('=');
            out.push_str(&encode_query_value(value));
        }
        out
    }
}

#[cfg(test)]
mod tests;
