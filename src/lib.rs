//! planlint checks local government plans against the higher-level plans
//! they must carry out.
//!
//! The pipeline runs in stages, one module each:
//!
//! 1. [`syntax`]: the text of one file → its typed tree and its errors;
//! 2. [`model`]: every file → one graph of documents, jurisdictions,
//!    obligations and plan items, validated;
//! 3. [`check`](mod@check): the graph → findings, one module per check;
//! 4. [`report`]: findings → human (miette), plain, JSON and the CI
//!    formats (SARIF, GitHub, GitLab, JUnit, …).
//!
//! Around them: [`suppress`] (a plan's `suppress` statements), [`config`]
//! (`planlint.toml` and severities), [`baseline`], [`diff`] (what a
//! revision changes), all keyed on a finding's [`identity`]; [`coverage`]
//! (what each plan carries out, and its counts, for the report, `check`'s
//! summary, `owed` and the editor).
//!
//! [`workspace::run`] is the one entry point of a run: files and settings
//! (and a baseline) → the outcome and its summary; the command line and the
//! editor server both go through it.
//!
//! The library does no IO: callers hand it text with a file name. Reading
//! files, finding `rules/` and `plans/`, terminals and exit codes live in
//! the binary.

pub mod baseline;
pub mod check;
pub mod codes;
pub mod config;
pub mod coverage;
pub mod decode;
pub mod diagnostic;
pub mod diff;
#[cfg(feature = "generate")]
pub mod generate;
pub mod i18n;
pub mod identity;
pub mod import;
pub mod model;
pub mod navigate;
pub mod owed;
pub mod rank;
pub mod report;
pub mod severity;
pub mod source;
pub mod status;
pub mod suppress;
pub mod syntax;
pub mod text;
pub mod workspace;

use diagnostic::Diagnostic;
use model::{DocId, Model};

/// The outcome of checking a set of files.
#[derive(Debug)]
pub struct Outcome {
    pub model: Model,
    /// Input errors first (syntax, model), then findings, each group sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether any file could not be parsed or the model is invalid (exit 2).
    pub input_errors: bool,
    /// The plans that were checked.
    pub plans: Vec<DocId>,
    /// Findings taken out by the plans' `suppress` statements.
    pub suppressed: Vec<suppress::Suppressed>,
}

/// Which documents to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection<'a> {
    /// Every document that carries out another.
    All,
    /// Only the documents declared in files whose names are listed.
    Files(&'a [String]),
}

/// Loads `(name, text)` files, validates them and runs every check on the
/// selected plans.
pub fn check<N: Into<String>, T: Into<std::sync::Arc<str>>>(
    files: impl IntoIterator<Item = (N, T)>,
    selection: Selection,
    options: check::Options,
) -> Outcome {
    // The plans are checked while the model is validated.
    let (loaded, (plans, applied)) = model::load_with(files, |model| {
        let plans: Vec<DocId> = model
            .plans()
            .filter(|&d| match selection {
                Selection::All => true,
                Selection::Files(names) => names
                    .iter()
                    .any(|n| *n == model.sources.get(model.document(d).file).name),
            })
            .collect();
        let findings = check::run(model, options, plans.iter().copied());
        let applied = suppress::apply(model, &plans, findings);
        (plans, applied)
    });
    let model = loaded.model;
    let mut diagnostics = loaded.diagnostics;
    check::sort(&mut diagnostics);
    let input_errors = diagnostics
        .iter()
        .any(|d| d.severity == diagnostic::Severity::Error);
    diagnostics.extend(applied.kept);
    Outcome {
        model,
        diagnostics,
        input_errors,
        plans,
        suppressed: applied.suppressed,
    }
}

impl Outcome {
    /// Records a file that could not be read or decoded, so that every
    /// output format reports it and the run exits 2.
    pub fn add_read_error(&mut self, path: &str, message: &str) {
        let file = self.model.sources.add(source::SourceFile::new(path, ""));
        let label =
            diagnostic::Label::new(file, source::Span::point(0), i18n::Msg::LabelNotRead {});
        let error = Diagnostic::new(
            "read-error",
            diagnostic::Severity::Error,
            i18n::Msg::ReadError {
                path: i18n::Id::new(path),
                reason: message.to_string(),
            },
            label,
        )
        .with_help(i18n::Msg::HelpCheckPath {});
        let after_earlier_read_errors = self
            .diagnostics
            .iter()
            .take_while(|d| d.code == "read-error")
            .count();
        self.diagnostics.insert(after_earlier_read_errors, error);
        self.input_errors = true;
    }
}
