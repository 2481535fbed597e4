//! Findings taken out of the verdict on purpose, by an inline `suppress`
//! statement in a plan or by a baseline, and why. They are counted and
//! shown as suppressed by the machine formats, never dropped silently.

use crate::diagnostic::{Diagnostic, Label};

/// What took a finding out of the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionKind {
    /// A `suppress` statement in the plan.
    Inline,
    /// An entry of the baseline file.
    Baseline,
}

impl SuppressionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionKind::Inline => "inline",
            SuppressionKind::Baseline => "baseline",
        }
    }
}

/// How and why a finding was suppressed.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppression {
    pub kind: SuppressionKind,
    pub reason: String,
    /// The `suppress` statement, for inline suppressions.
    pub at: Option<Label>,
}

/// A finding and what suppressed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppressed {
    pub diagnostic: Diagnostic,
    pub by: Suppression,
}
