//! How a plan stands towards an obligation, a leaf: the coverage model,
//! the editor's navigation and `planlint diff` each read a standing, and
//! the catalogue and the report's words name them, so none of those imports
//! another for it.
//!
//! Three enums, because they answer three questions:
//! - [`Status`]: the coverage model's cell (the 对照表, the verdict box,
//!   `check`'s per-plan counts), read from the model *and the findings*:
//!   only findings tell 部分落实 (`Partial`) and `Undercut` from 已落实;
//! - [`Standing`]: the model alone, for an editor choosing what to write
//!   next; it keeps advisory obligations apart and has no findings to read;
//! - [`Answer`]: the model alone, for `planlint diff`: how a plan answers
//!   an obligation it owes (advisory ones included), serialised in `diff`'s
//!   JSON as `implemented`, `exempted` or `open`.
//!
//! `Answer` is `Standing` without `Advisory` and without what is not owed;
//! they are kept apart because `diff` counts an advisory obligation as owed
//! and its JSON names are stable.

use serde::Serialize;

/// How one obligation stands in one plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Implemented,
    /// A bullet carried out through some of its clauses while others are omitted.
    Partial,
    Exempted,
    Omitted,
    Undercut,
    NotApplicable,
    NotOwed,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Implemented,
        Status::Partial,
        Status::Exempted,
        Status::Omitted,
        Status::Undercut,
        Status::NotApplicable,
        Status::NotOwed,
    ];

    /// A symbol that tells the statuses apart without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Implemented => "✓",
            Status::Partial => "◐",
            Status::Exempted => "E",
            Status::Omitted => "✗",
            Status::Undercut => "▼",
            Status::NotApplicable => "n/a",
            Status::NotOwed => "·",
        }
    }

    /// A short class name for styling.
    pub fn class(self) -> &'static str {
        match self {
            Status::Implemented => "s-ok",
            Status::Partial => "s-part",
            Status::Exempted => "s-ex",
            Status::Omitted => "s-om",
            Status::Undercut => "s-un",
            Status::NotApplicable => "s-na",
            Status::NotOwed => "s-no",
        }
    }

    /// Whether the plan owes the obligation.
    pub fn is_owed(self) -> bool {
        !matches!(self, Status::NotApplicable | Status::NotOwed)
    }
}

/// How an obligation stands towards a plan, for a drafter choosing what to
/// implement next. Ordered: what most needs the drafter comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Owed, neither implemented nor exempted.
    Missing,
    /// Owed and implemented (or refined) by the plan.
    Implemented,
    /// Owed and exempted by the plan.
    Exempted,
    /// Owed only as advice: the higher document came after the plan.
    Advisory,
    /// It binds the plan's rank but does not apply to its jurisdiction.
    NotApplicable,
    /// It does not bind the plan.
    NotBound,
}

impl Standing {
    pub fn describe(self) -> &'static str {
        match self {
            Standing::Missing => "owed, not implemented",
            Standing::Implemented => "owed, implemented",
            Standing::Exempted => "owed, exempted",
            Standing::Advisory => "advisory (issued after the plan)",
            Standing::NotApplicable => "does not apply to this jurisdiction",
            Standing::NotBound => "does not bind this plan",
        }
    }
}

/// How a plan stands towards an obligation it owes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// An item implements it (or a clause of it), or one of the plan's
    /// own obligations refines it.
    Implemented,
    Exempted,
    /// Neither: owed and open.
    Open,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Implemented => "implemented",
            Answer::Exempted => "exempted",
            Answer::Open => "open",
        }
    }
}
