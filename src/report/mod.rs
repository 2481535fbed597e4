//! Stage 4, reports: diagnostics → text for people and machines.
//!
//! One renderer per format: [`human`] (miette's graphical report, or its
//! narratable plain form) and [`json`]. Renderers read only diagnostics and
//! sources, never the model.
//!
//! The reviewers' report is built once as a [`coverage`] model (from the
//! check context and the diagnostics) and rendered by [`html`],
//! [`markdown`], and, for the 对照表 rows of [`table`], [`xlsx`] and
//! [`csv`]; [`graph`] draws the cascade.
//!
//! Invariant: every line and column shown counts characters, not bytes.

pub mod coverage;
pub mod csv;
pub mod graph;
pub mod headings;
pub mod html;
pub mod human;
pub mod json;
pub mod lang;
pub mod markdown;
pub mod plain;
pub mod table;
pub mod xlsx;

use crate::diagnostic::{Diagnostic, Severity};

/// Counts of diagnostics by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        let mut counts = Counts::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// What a run looked at, for summaries.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RunSummary {
    pub files: usize,
    /// Ids of the plans checked.
    pub plans: Vec<String>,
}
