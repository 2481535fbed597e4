//! The one diagnostic type every stage produces and every renderer reads.
//!
//! Syntax errors, model errors and check findings are all [`Diagnostic`]s:
//! a code, a severity, a one-line message, a help text, a primary label and
//! related labels that may point into other files. Findings about plans
//! also carry the structured facts that machine formats need (which plan,
//! which obligation, which item, which figures), so renderers never have to
//! go back to the model.

use serde::Serialize;

use crate::source::{FileId, Span};

/// How serious a diagnostic is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(word: &str) -> Option<Severity> {
        match word {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// A place in a file with a short text shown under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(file: FileId, span: Span, message: impl Into<String>) -> Self {
        Label {
            file,
            span,
            message: message.into(),
        }
    }
}

/// The obligation a finding is about.
#[derive(Debug, Clone, PartialEq)]
pub struct ObligationRef {
    pub id: String,
    pub document: String,
    pub citation: String,
    pub file: FileId,
    pub span: Span,
}

/// The plan (a document that carries out another) a finding is about.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRef {
    pub id: String,
    pub file: FileId,
}

/// The plan item a finding is about.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRef {
    pub id: String,
    pub citation: String,
    pub file: FileId,
    pub span: Span,
}

/// Expected and actual figures of an undercut or a roll-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub metric: String,
    pub expected: String,
    pub actual: String,
}

/// A replacement the diagnostic proposes: the text of `span` in the
/// primary label's file becomes `replacement` (an editor offers it as a
/// quick fix).
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// One finding or error.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub primary: Label,
    pub related: Vec<Label>,
    pub plan: Option<PlanRef>,
    pub obligation: Option<ObligationRef>,
    pub item: Option<ItemRef>,
    pub figures: Option<Figures>,
    /// About an obligation of a document issued after the plan: what a
    /// revision must add. Such findings stay `info` whatever severity
    /// settings say.
    pub advisory: bool,
    /// Replacements that would resolve it, such as a "did you mean".
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        message: impl Into<String>,
        primary: Label,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            help: None,
            primary,
            related: Vec::new(),
            plan: None,
            obligation: None,
            item: None,
            figures: None,
            advisory: false,
            fixes: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fixes.push(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }

    pub fn with_related(mut self, label: Label) -> Self {
        self.related.push(label);
        self
    }
}
