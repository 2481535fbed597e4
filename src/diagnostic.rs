//! The one diagnostic type every stage produces and every renderer reads.
//!
//! Syntax errors, model errors and check findings are all [`Diagnostic`]s:
//! a code, a severity, a one-line message, a help text, a primary label and
//! related labels that may point into other files. Findings about plans
//! also carry the structured facts that machine formats need (which plan,
//! which obligation, which item, which figures), so renderers never have to
//! go back to the model.

use serde::Serialize;

use crate::i18n::{Lang, Msg, Text};
pub use crate::severity::Severity;
use crate::source::{FileId, SourceMap, Span};

/// A place in a file with a short text shown under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    /// `text` rendered in the run's language ([`Diagnostic::localize`]).
    pub message: String,
    pub text: Text,
}

impl Label {
    pub fn new(file: FileId, span: Span, message: impl Into<Text>) -> Self {
        let text = message.into();
        Label {
            file,
            span,
            message: text.render(Lang::En),
            text,
        }
    }
}

/// A fix a diagnostic proposes, as data: renderers for drafters show it,
/// the JSON carries it as its own field, an editor turns it into a code
/// action ([`Fix::edit`]). The message a reviewer reads never holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub action: FixAction,
    /// What it does, in the run's language ([`Diagnostic::localize`]).
    pub description: String,
}

/// What a fix changes.
#[derive(Debug, Clone, PartialEq)]
pub enum FixAction {
    /// Replace `span` of `file` by `replacement` (an empty span inserts).
    Replace {
        file: FileId,
        span: Span,
        replacement: String,
    },
    /// Add an item that carries out `obligation` to the plan in `file`;
    /// the drafter writes what it says.
    AddItem { file: FileId, obligation: String },
    /// Add `exempt <obligation> { reason "…" }` to the plan in `file`.
    AddExemption { file: FileId, obligation: String },
    /// Add `target <metric> { at_least … }` to the item `item`, on the
    /// line after its header (which ends at `after`).
    AddTarget {
        file: FileId,
        after: Span,
        item: String,
        metric: String,
        at_least: String,
    },
}

impl Fix {
    pub fn new(action: FixAction) -> Fix {
        let description = action.description().render(Lang::En);
        Fix {
            action,
            description,
        }
    }

    /// `replace`, `add-item` or `add-exemption`.
    pub fn kind(&self) -> &'static str {
        match self.action {
            FixAction::Replace { .. } => "replace",
            FixAction::AddItem { .. } => "add-item",
            FixAction::AddExemption { .. } => "add-exemption",
            FixAction::AddTarget { .. } => "add-target",
        }
    }

    /// The obligation an added item or exemption names.
    pub fn obligation(&self) -> Option<&str> {
        match &self.action {
            FixAction::AddItem { obligation, .. } | FixAction::AddExemption { obligation, .. } => {
                Some(obligation)
            }
            FixAction::Replace { .. } | FixAction::AddTarget { .. } => None,
        }
    }

    /// The fix as one text edit: the span replaced and the text put
    /// there. An item or exemption is added at the end of the plan's file,
    /// with a placeholder id and text for the drafter to fill in.
    pub fn edit(&self, sources: &SourceMap, plan_id: &str) -> (FileId, Span, String) {
        match &self.action {
            FixAction::Replace {
                file,
                span,
                replacement,
            } => (*file, *span, replacement.clone()),
            FixAction::AddItem { file, obligation } => {
                let end = Span::point(sources.get(*file).text.len());
                let text = format!(
                    "\nitem {plan_id}.todo {{\n  text \"…\"\n  implements {obligation}\n}}\n"
                );
                (*file, end, text)
            }
            FixAction::AddExemption { file, obligation } => {
                let end = Span::point(sources.get(*file).text.len());
                let text = format!("\nexempt {obligation} {{\n  reason \"…\"\n}}\n");
                (*file, end, text)
            }
            FixAction::AddTarget {
                file,
                after,
                metric,
                at_least,
                ..
            } => {
                // The line after the item's header, inside its block.
                let text = &sources.get(*file).text;
                let at = text
                    .get(after.end..)
                    .and_then(|rest| rest.find('\n'))
                    .map(|n| after.end + n + 1)
                    .unwrap_or(text.len());
                let line = format!("  target {metric} {{ at_least {at_least} }}\n");
                (*file, Span::point(at), line)
            }
        }
    }
}

impl FixAction {
    /// What the fix does, in words.
    pub fn description(&self) -> Msg {
        match self {
            FixAction::Replace { replacement, .. } => Msg::FixReplace {
                replacement: replacement.clone(),
            },
            FixAction::AddItem { obligation, .. } => Msg::FixAddItem {
                obligation: obligation.clone(),
            },
            FixAction::AddExemption { obligation, .. } => Msg::FixAddExemption {
                obligation: obligation.clone(),
            },
            FixAction::AddTarget { item, metric, .. } => Msg::FixAddTarget {
                metric: metric.clone(),
                item: item.clone(),
            },
        }
    }
}

/// The obligation a finding is about.
#[derive(Debug, Clone, PartialEq)]
pub struct ObligationRef {
    pub id: String,
    pub document: String,
    pub citation: String,
    /// What the obligation asks, in its document's words (its `text`, else
    /// its `title`), for drafters reading an omission.
    pub text: String,
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

/// One finding or error.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    /// `text` rendered in the run's language ([`Diagnostic::localize`]);
    /// English until then.
    pub message: String,
    pub text: Text,
    pub help: Option<String>,
    pub help_text: Option<Text>,
    /// What would fix it, as data (none, one, or alternatives).
    pub fixes: Vec<Fix>,
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
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        message: impl Into<Text>,
        primary: Label,
    ) -> Self {
        let text = message.into();
        Diagnostic {
            code,
            severity,
            message: text.render(Lang::En),
            text,
            help: None,
            help_text: None,
            fixes: Vec::new(),
            primary,
            related: Vec::new(),
            plan: None,
            obligation: None,
            item: None,
            figures: None,
            advisory: false,
        }
    }

    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.set_help(help);
        self
    }

    pub fn set_help(&mut self, help: impl Into<Text>) {
        let text = help.into();
        self.help = Some(text.render(Lang::En));
        self.help_text = Some(text);
    }

    pub fn with_fix(mut self, fix: FixAction) -> Self {
        self.fixes.push(Fix::new(fix));
        self
    }

    /// Renders the message, help and labels in `lang`. Diagnostics are
    /// made and sorted in English; a run localizes them once, before they
    /// are reported. Codes, ids and identities do not change.
    pub fn localize(&mut self, lang: Lang) {
        self.message = self.text.render(lang);
        if let Some(help) = &self.help_text {
            self.help = Some(help.render(lang));
        }
        for label in std::iter::once(&mut self.primary).chain(self.related.iter_mut()) {
            label.message = label.text.render(lang);
        }
        for fix in &mut self.fixes {
            fix.description = fix.action.description().render(lang);
        }
    }

    pub fn with_related(mut self, label: Label) -> Self {
        self.related.push(label);
        self
    }
}

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
