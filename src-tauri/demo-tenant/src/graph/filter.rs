//! `$filter` as Graph reads it for the entity sets the demo serves: comparisons, `contains` and
//! `startswith`, joined with `and`/`or` and parentheses. Each entity set declares which operators
//! each property supports; anything else is refused with a 400 before a single item is looked at.

use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::GraphError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Ne,
    Lt,
    Gt,
    Contains,
    StartsWith,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Ne => "ne",
            Op::Lt => "lt",
            Op::Gt => "gt",
            Op::Contains => "contains",
            Op::StartsWith => "startswith",
        }
    }
}

/// Which operators a property supports: `(property, operators)`.
pub(crate) type Support = [(&'static str, &'static [Op])];

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Literal {
    Text(String),
    Bool(bool),
    Number(f64),
    Time(OffsetDateTime),
    Null,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Filter {
    Compare(&'static str, Op, Literal),
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Text(String),
    Open,
    Close,
    Comma,
}

fn invalid(detail: impl std::fmt::Display) -> GraphError {
    GraphError::bad_request(format!("Invalid filter clause: {detail}"))
}

fn tokens(raw: &str) -> Result<Vec<Token>, GraphError> {
    let mut out = Vec::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '(' => out.push(Token::Open),
            ')' => out.push(Token::Close),
            ',' => out.push(Token::Comma),
            '\'' => {
                let mut text = String::new();
                loop {
                    match chars.next() {
                        Some('\'') if chars.peek() == Some(&'\'') => {
                            chars.next();
                            text.push('\'');
                        }
                        Some('\'') => break,
                        Some(c) => text.push(c),
                        None => return Err(invalid("unterminated string literal")),
                    }
                }
                out.push(Token::Text(text));
            }
            c => {
                let mut word = String::from(c);
                while let Some(&next) = chars.peek() {
                    if next.is_whitespace() || matches!(next, '(' | ')' | ',' | '\'') {
                        break;
                    }
                    word.push(next);
                    chars.next();
                }
                out.push(Token::Word(word));
            }
        }
    }
    Ok(out)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    at: usize,
    support: &'a Support,
    type_name: &'a str,
}

impl Parser<'_> {
    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn peek_word(&self, word: &str) -> bool {
        matches!(self.tokens.get(self.at), Some(Token::Word(w)) if w.eq_ignore_ascii_case(word))
    }

    fn consume(&mut self, token: &Token) -> Result<(), GraphError> {
        match self.next() {
            Some(t) if t == *token => Ok(()),
            other => Err(invalid(format!("expected {token:?}, found {other:?}"))),
        }
    }

    fn or(&mut self) -> Result<Filter, GraphError> {
        let mut left = self.and()?;
        while self.peek_word("or") {
            self.at += 1;
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, GraphError> {
        let mut left = self.primary()?;
        while self.peek_word("and") {
            self.at += 1;
            left = Filter::And(Box::new(left), Box::new(self.primary()?));
        }
        Ok(left)
    }

    fn primary(&mut self) -> Result<Filter, GraphError> {
        match self.next() {
            Some(Token::Open) => {
                let inner = self.or()?;
                self.consume(&Token::Close)?;
                Ok(inner)
            }
            Some(Token::Word(word)) if self.tokens.get(self.at) == Some(&Token::Open) => {
                let op = match word.to_ascii_lowercase().as_str() {
                    "contains" => Op::Contains,
                    "startswith" => Op::StartsWith,
                    _ => return Err(invalid(format!("unknown function '{word}'"))),
                };
                self.at += 1;
                let property = match self.next() {
                    Some(Token::Word(p)) => self.property(&p, op)?,
                    other => return Err(invalid(format!("expected a property, found {other:?}"))),
                };
                self.consume(&Token::Comma)?;
                let Some(Token::Text(text)) = self.next() else {
                    return Err(invalid(format!("{} needs a string literal", op.name())));
                };
                self.consume(&Token::Close)?;
                Ok(Filter::Compare(property, op, Literal::Text(text)))
            }
            Some(Token::Word(word)) => {
                let op = match self.next() {
                    Some(Token::Word(op)) => match op.to_ascii_lowercase().as_str() {
                        "eq" => Op::Eq,
                        "ne" => Op::Ne,
                        "lt" => Op::Lt,
                        "gt" => Op::Gt,
                        _ => return Err(invalid(format!("operator '{op}' is not supported"))),
                    },
                    other => return Err(invalid(format!("expected an operator, found {other:?}"))),
                };
                let property = self.property(&word, op)?;
                let literal = match self.next() {
                    Some(Token::Text(text)) => Literal::Text(text),
                    Some(Token::Word(word)) => literal(&word)?,
                    other => return Err(invalid(format!("expected a value, found {other:?}"))),
                };
                Ok(Filter::Compare(property, op, literal))
            }
            other => Err(invalid(format!("unexpected {other:?}"))),
        }
    }

    fn property(&self, name: &str, op: Op) -> Result<&'static str, GraphError> {
        let Some((property, ops)) = self
            .support
            .iter()
            .find(|(p, _)| p.eq_ignore_ascii_case(name))
        else {
            return Err(invalid(format!(
                "Could not find a property named '{name}' on type 'microsoft.graph.{}' that \
                 supports filtering.",
                self.type_name
            )));
        };
        if ops.contains(&op) {
            Ok(property)
        } else {
            Err(invalid(format!(
                "the operator '{}' is not supported for property '{property}'.",
                op.name()
            )))
        }
    }
}

fn literal(word: &str) -> Result<Literal, GraphError> {
    match word.to_ascii_lowercase().as_str() {
        "true" => return Ok(Literal::Bool(true)),
        "false" => return Ok(Literal::Bool(false)),
        "null" => return Ok(Literal::Null),
        _ => {}
    }
    if let Ok(time) = OffsetDateTime::parse(word, &Rfc3339) {
        return Ok(Literal::Time(time));
    }
    word.parse::<f64>()
        .map(Literal::Number)
        .map_err(|_| invalid(format!("'{word}' is not a value")))
}

/// Parses `raw` and checks every property and operator against `support`.
pub(crate) fn parse(raw: &str, type_name: &str, support: &Support) -> Result<Filter, GraphError> {
    let mut parser = Parser {
        tokens: tokens(raw)?,
        at: 0,
        support,
        type_name,
    };
    let filter = parser.or()?;
    if parser.at < parser.tokens.len() {
        return Err(invalid("unexpected text after the expression"));
    }
    Ok(filter)
}

impl Filter {
    /// Whether the filter reads `property` anywhere.
    pub(crate) fn reads(&self, property: &str) -> bool {
        match self {
            Filter::And(a, b) | Filter::Or(a, b) => a.reads(property) || b.reads(property),
            Filter::Compare(name, _, _) => *name == property,
        }
    }

    /// Whether every property the filter reads is one of `available`.
    pub(crate) fn reads_only(&self, available: &[&str]) -> bool {
        match self {
            Filter::And(a, b) | Filter::Or(a, b) => {
                a.reads_only(available) && b.reads_only(available)
            }
            Filter::Compare(property, _, _) => available.contains(property),
        }
    }

    /// The texts `property` must equal, when the filter is nothing but `property eq '…'`
    /// clauses joined by `or`: what an index can answer without reading every item.
    pub(crate) fn equal_texts(&self, property: &str) -> Option<Vec<&str>> {
        match self {
            Filter::Compare(name, Op::Eq, Literal::Text(text)) if *name == property => {
                Some(vec![text.as_str()])
            }
            Filter::Or(left, right) => {
                let mut texts = left.equal_texts(property)?;
                texts.extend(right.equal_texts(property)?);
                Some(texts)
            }
            _ => None,
        }
    }

    /// Whether an entity matches. Strings compare case-insensitively, as the directory and
    /// Intune do.
    pub(crate) fn matches(&self, entity: &Map<String, Value>) -> bool {
        match self {
            Filter::And(a, b) => a.matches(entity) && b.matches(entity),
            Filter::Or(a, b) => a.matches(entity) || b.matches(entity),
            Filter::Compare(property, op, literal) => {
                compare(entity.get(*property).unwrap_or(&Value::Null), *op, literal)
            }
        }
    }
}

fn compare(value: &Value, op: Op, literal: &Literal) -> bool {
    match (value, literal) {
        (Value::String(s), Literal::Text(t)) if s.is_ascii() && t.is_ascii() => {
            // A search tests every device of a large fleet: ASCII text, the common case, is
            // compared without making lowercase copies.
            match op {
                Op::Eq => s.eq_ignore_ascii_case(t),
                Op::Ne => !s.eq_ignore_ascii_case(t),
                Op::Contains => contains_ignore_ascii_case(s, t),
                Op::StartsWith => s.len() >= t.len() && s[..t.len()].eq_ignore_ascii_case(t),
                Op::Lt => s.to_ascii_lowercase() < t.to_ascii_lowercase(),
                Op::Gt => s.to_ascii_lowercase() > t.to_ascii_lowercase(),
            }
        }
        (Value::String(s), Literal::Text(t)) => {
            let (s, t) = (s.to_lowercase(), t.to_lowercase());
            match op {
                Op::Eq => s == t,
                Op::Ne => s != t,
                Op::Lt => s < t,
                Op::Gt => s > t,
                Op::Contains => s.contains(&t),
                Op::StartsWith => s.starts_with(&t),
            }
        }
        (Value::String(s), Literal::Time(t)) => {
            let Ok(s) = OffsetDateTime::parse(s, &Rfc3339) else {
                return false;
            };
            match op {
                Op::Eq => s == *t,
                Op::Ne => s != *t,
                Op::Lt => s < *t,
                Op::Gt => s > *t,
                Op::Contains | Op::StartsWith => false,
            }
        }
        (Value::Bool(b), Literal::Bool(l)) => match op {
            Op::Eq => b == l,
            Op::Ne => b != l,
            _ => false,
        },
        (Value::Number(n), Literal::Number(l)) => {
            let n = n.as_f64().unwrap_or(f64::NAN);
            match op {
                Op::Eq => (n - l).abs() < f64::EPSILON,
                Op::Ne => (n - l).abs() >= f64::EPSILON,
                Op::Lt => n < *l,
                Op::Gt => n > *l,
                Op::Contains | Op::StartsWith => false,
            }
        }
        (Value::Null, Literal::Null) => op == Op::Eq,
        (_, Literal::Null) => op == Op::Ne,
        _ => op == Op::Ne,
    }
}

fn contains_ignore_ascii_case(text: &str, part: &str) -> bool {
    part.is_empty()
        || text
            .as_bytes()
            .windows(part.len())
            .any(|window| window.eq_ignore_ascii_case(part.as_bytes()))
}

#[cfg(test)]
#[path = "filter_tests.rs"]
mod tests;
