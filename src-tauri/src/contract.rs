//! The window's TypeScript types, written from the Rust types that cross IPC: what each command
//! takes and answers, and the one error. `tests/contract.rs` keeps
//! `ui/src/lib/generated/types.ts` equal to [`typescript`].

use std::any::TypeId;
use std::collections::HashSet;

use ts_rs::{Config, TS, TypeVisitor};

/// Every type named by a command's arguments or answer; what they hold comes along.
macro_rules! contract_types {
    ($($ty:ty),* $(,)?) => {
        fn visit_all(visitor: &mut Declarations) {
            $(visitor.visit::<$ty>();)*
        }
    };
}

contract_types![
    crate::ipc_error::IpcError,
    pindesk_core::desk::AppInfo,
    pindesk_core::accounts::ListedAccount,
    crate::commands::SignedIn,
    pindesk_core::config::Settings,
    pindesk_core::config::SettingsView,
    pindesk_core::diagnostics::Diagnostics,
    pindesk_core::reset::lookup::SearchResults,
    pindesk_core::desk::helpdesk::ResetStartedForWindow,
    pindesk_core::reset::followed::ResetStatusForWindow,
    pindesk_core::desk::helpdesk::Copied,
    pindesk_core::audit::AuditRow,
    crate::audit_commands::Exported,
    pindesk_core::audit::csv::ExportWords,
    pindesk_core::setup::overview::SetupOverview,
    pindesk_core::setup::signin_consent::SignInConsent,
    pindesk_core::desk::setup::ConsentLinks,
    pindesk_core::setup::consent::ConsentStatus,
    pindesk_core::setup::policy::PolicyChoice,
    pindesk_core::setup::assignment::GroupChoice,
    pindesk_core::setup::assignment::NewTarget,
    pindesk_core::setup::AssignmentView,
    pindesk_core::setup::deployment::Deployment,
    pindesk_core::reset::readiness_read::ReadinessView,
    pindesk_core::reset::tap::TapOfferView,
    pindesk_core::desk::helpdesk::TapRequest,
    pindesk_core::desk::helpdesk::TapForWindow,
    // Words sent as values inside sentences and notes, for the lists in keys.ts.
    pindesk_core::reset::StateKey,
    pindesk_core::audit::pass::PassNote,
];

/// Collects each declared type once.
struct Declarations {
    config: Config,
    seen: HashSet<TypeId>,
    generic: HashSet<TypeId>,
    names: HashSet<String>,
    /// Two Rust types with one TypeScript name: `#[ts(rename)]` one of them.
    clashes: Vec<String>,
    /// By name: ts-rs visits a type's fields in an order that differs from one build to the next.
    written: Vec<(String, String)>,
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        // A generic type is declared once, with its parameters, whatever it is used with.
        if T::output_path().is_some() && self.generic.insert(TypeId::of::<T::WithoutGenerics>()) {
            let name = T::ident(&self.config);
            if !self.names.insert(name.clone()) {
                self.clashes.push(name.clone());
            }
            let docs = T::docs().unwrap_or_default();
            let declaration = format!("{docs}export {}", T::decl(&self.config));
            self.written.push((name, declaration));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// The contents of `ui/src/lib/generated/keys.ts`: the keys the window must have words for, as
/// values a test can walk.
pub fn keys_typescript() -> String {
    use pindesk_core::FailureKind;
    use pindesk_core::audit::Outcome;
    use pindesk_core::audit::pass::PassNote;
    use pindesk_core::reset::{ReasonKey, StateKey};
    let list = |doc: &str, name: &str, ty: &str, words: Vec<&str>| {
        let items: Vec<String> = words.iter().map(|word| format!("  '{word}',")).collect();
        format!(
            "/** {doc} */\nexport const {name}: readonly {ty}[] = [\n{}\n];\n",
            items.join("\n")
        )
    };
    let lists = [
        list(
            "Every kind of error the Rust side sends.",
            "FAILURE_KINDS",
            "FailureKind",
            FailureKind::ALL.iter().map(|k| k.as_str()).collect(),
        ),
        list(
            "Every outcome an audit line can have.",
            "OUTCOMES",
            "Outcome",
            Outcome::ALL.iter().map(|o| o.as_str()).collect(),
        ),
        list(
            "Every reason a reset ended without a passcode.",
            "REASON_KEYS",
            "ReasonKey",
            ReasonKey::ALL.iter().map(|r| r.as_str()).collect(),
        ),
        list(
            "Every state other than managed a device can be in (`state.<key>`).",
            "STATE_KEYS",
            "StateKey",
            StateKey::ALL.iter().map(|s| s.as_str()).collect(),
        ),
        list(
            "Every way an audit note says a pass was given (`pass:<how>`).",
            "PASS_NOTES",
            "PassNote",
            PassNote::ALL.iter().map(|p| p.as_str()).collect(),
        ),
    ];
    format!(
        "// Written by `cargo test -p pindesk --test contract` from the Rust side's key lists \
         (src-tauri/src/contract.rs); do not edit.\n\
         import type {{ FailureKind, Outcome, PassNote, ReasonKey, StateKey }} from './types';\n\n{}",
        lists.join("\n")
    )
}

/// The contents of `ui/src/lib/generated/types.ts`, or the names two Rust types share.
pub fn typescript() -> Result<String, Vec<String>> {
    let mut declarations = Declarations {
        config: Config::new().with_large_int("number"),
        seen: HashSet::new(),
        generic: HashSet::new(),
        names: HashSet::new(),
        clashes: Vec::new(),
        written: Vec::new(),
    };
    visit_all(&mut declarations);
    if !declarations.clashes.is_empty() {
        return Err(declarations.clashes);
    }
    declarations.written.sort();
    let written: Vec<String> = declarations
        .written
        .into_iter()
        .map(|(_, declaration)| declaration)
        .collect();
    Ok(format!(
        "// Written by `cargo test -p pindesk --test contract` from the Rust types that cross \
         IPC (src-tauri/src/contract.rs); do not edit.\n\n{}\n",
        written.join("\n\n")
    ))
}
