//! Stage 4, reports: diagnostics → text for people and machines.
//!
//! One renderer per format, one file each: [`human`] (miette's graphical
//! report, or its narratable plain form), [`json`], [`json_lines`],
//! [`concise`], [`sarif`], [`github`], [`gitlab`] and [`junit`]. Renderers
//! read only diagnostics, sources and the run summary, never the model.
//!
//! The reviewers' report renders the library's coverage model
//! ([`crate::coverage`], built once from the check context and the
//! diagnostics) with [`html`],
//! [`markdown`], and, for the 对照表 rows of [`table`], [`xlsx`] and
//! [`csv`]; [`graph`] draws the cascade.
//!
//! Invariant: every line and column shown counts characters, not bytes.

pub mod concise;
pub mod csv;
pub mod drafter;
pub mod github;
pub mod gitlab;
pub mod graph;
pub mod html;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod lang;
pub mod markdown;
pub mod plain;
pub mod printable;
pub mod sarif;
pub mod table;
pub mod xlsx;

use crate::source::{FileId, SourceMap, Span};
use crate::suppress::Suppressed;

/// What a run looked at, for summaries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    pub files: usize,
    /// Ids of the plans checked.
    pub plans: Vec<String>,
    /// Findings suppressed inline or by a baseline: counted and shown as
    /// suppressed, not part of the verdict.
    pub suppressed: Vec<Suppressed>,
    /// What each plan owes (for `junit`: one test case per obligation × plan).
    pub owed: Vec<PlanObligations>,
    /// The language messages are shown in.
    pub lang: crate::i18n::Lang,
    /// Each checked plan's coverage counts and verdict, computed from the
    /// findings shown (after severities, suppressions and the baseline) by
    /// the report's own model; empty unless the run asked for them.
    pub coverage: Vec<crate::coverage::PlanSummary>,
}

impl RunSummary {
    /// The summary of a checked outcome: the files read, the plans checked
    /// and what each owes. Suppressed findings stay in the outcome; a
    /// caller that reports them moves them into `suppressed`.
    pub fn of(outcome: &crate::Outcome, options: crate::check::Options) -> RunSummary {
        RunSummary {
            owed: owed(outcome, options),
            ..RunSummary::without_owed(outcome)
        }
    }

    /// The summary without what each plan owes, which only `junit` shows
    /// and which costs a second look at every plan (3% of a national run).
    pub fn without_owed(outcome: &crate::Outcome) -> RunSummary {
        RunSummary {
            files: outcome.model.sources.len(),
            plans: outcome
                .plans
                .iter()
                .map(|&d| outcome.model.document(d).id().to_string())
                .collect(),
            suppressed: Vec::new(),
            owed: Vec::new(),
            lang: crate::i18n::Lang::En,
            coverage: Vec::new(),
        }
    }
}

/// What each checked plan owes (advisory obligations included), by id.
fn owed(outcome: &crate::Outcome, options: crate::check::Options) -> Vec<PlanObligations> {
    let model = &outcome.model;
    let ctx = crate::check::Context::new(model, options, outcome.plans.iter().copied());
    ctx.plans
        .iter()
        .map(|view| {
            let doc = model.document(view.doc);
            let mut obligations: Vec<String> = view
                .owed()
                .map(|(o, _)| model.obligation(o).id().to_string())
                .collect();
            obligations.dedup();
            PlanObligations {
                plan: doc.id().to_string(),
                file: model.sources.get(doc.file).name.clone(),
                obligations,
            }
        })
        .collect()
}

/// The obligations one plan owes, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanObligations {
    pub plan: String,
    pub file: String,
    pub obligations: Vec<String>,
}

/// Where a span is, as users count: 1-based lines and character columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place<'a> {
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl<'a> Place<'a> {
    pub fn of(sources: &'a SourceMap, file: FileId, span: Span) -> Place<'a> {
        let f = sources.get(file);
        let (line, column) = f.line_col(span.start);
        let (end_line, end_column) = f.line_col(span.end);
        Place {
            file: &f.name,
            line,
            column,
            end_line,
            end_column,
        }
    }
}
