//! A sentence by its stable key and the values it names, so the window can say it in the
//! person's language; the English text sent next to it is the fallback.

use std::collections::BTreeMap;

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Phrase {
    pub key: &'static str,
    pub params: BTreeMap<&'static str, String>,
}

impl Phrase {
    pub(crate) fn new(key: &'static str, params: &[(&'static str, String)]) -> Phrase {
        Phrase {
            key,
            params: params.iter().cloned().collect(),
        }
    }

    /// A sentence that names no value.
    pub(crate) fn plain(key: &'static str) -> Phrase {
        Phrase::new(key, &[])
    }

    /// An error's sentence: the window words it from its error catalogue by `kind`.
    pub(crate) fn error(kind: crate::FailureKind) -> Phrase {
        Phrase::new("error", &[("kind", kind.as_str().to_owned())])
    }
}
