//! Human output: miette's graphical report (colour and Unicode on a
//! terminal), or plain narratable text (for screen readers, logs and
//! pipes, rendered by [`crate::report::plain`]).
//!
//! miette cannot label two files in one report, so labels in the primary
//! label's file stay on the report and each label in another file (the
//! obligation in the rules) becomes a related report with its own source.
//! The source wrapper reports columns in characters: miette's own counts
//! bytes, which is wrong for Chinese text.

use std::fmt;
use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::report::{Counts, RunSummary};
use crate::source::{SourceFile, SourceMap};

/// How human output looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Boxes and arrows; `color` adds ANSI colours.
    Graphical { color: bool },
    /// Narratable text, no drawing characters.
    Plain,
}

/// Renders every diagnostic and a summary line.
pub fn render(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    summary: &RunSummary,
    style: Style,
    width: usize,
) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let report = MietteReport::new(d, sources);
        let mut text = String::new();
        let result = match style {
            Style::Graphical { color } => {
                let theme = if color {
                    GraphicalTheme::unicode()
                } else {
                    GraphicalTheme::unicode_nocolor()
                };
                let handler = GraphicalReportHandler::new_themed(theme)
                    .with_width(width)
                    .with_links(false);
                handler.render_report(&mut text, &report)
            }
            Style::Plain => {
                text = crate::report::plain::render_one(d, sources);
                Ok(())
            }
        };
        if result.is_err() {
            text = fallback(d, sources);
        }
        out.push_str(&text);
        if !text.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&summary_line(diagnostics, summary));
    out.push('\n');
    out
}

/// `2 errors, 5 warnings, 1 info in 1 plan (xc.plan), 6 files`.
pub fn summary_line(diagnostics: &[Diagnostic], summary: &RunSummary) -> String {
    let counts = Counts::of(diagnostics);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let plans = if summary.plans.is_empty() {
        "no plan".to_string()
    } else {
        format!(
            "{} ({})",
            plural(summary.plans.len(), "plan", "plans"),
            summary.plans.join(", ")
        )
    };
    let suppressed = if summary.suppressed.is_empty() {
        String::new()
    } else {
        format!(" ({} suppressed)", summary.suppressed.len())
    };
    format!(
        "{}, {}, {}{suppressed} in {plans}, {} read",
        plural(counts.errors, "error", "errors"),
        plural(counts.warnings, "warning", "warnings"),
        plural(counts.infos, "info", "infos"),
        plural(summary.files, "file", "files")
    )
}

/// A one-line rendering for when miette cannot render (a span past the end).
fn fallback(d: &Diagnostic, sources: &SourceMap) -> String {
    let file = sources.get(d.primary.file);
    let (line, column) = file.line_col(d.primary.span.start);
    format!(
        "{}:{line}:{column}: {} [{}] {}\n",
        file.name,
        d.severity.as_str(),
        d.code,
        d.message
    )
}

/// A source that tells miette character columns.
#[derive(Debug, Clone)]
struct CharColumnSource {
    file: Arc<SourceFile>,
}

impl SourceCode for CharColumnSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &'a str = &self.file.text;
        let contents = text.read_span(span, before, after)?;
        let offset = contents.span().offset();
        let (_, column) = self.file.line_col(offset);
        Ok(Box::new(MietteSpanContents::new_named(
            self.file.name.clone(),
            contents.data(),
            *contents.span(),
            contents.line(),
            column - 1,
            contents.line_count(),
        )))
    }
}

/// Our diagnostic dressed for miette.
struct MietteReport {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: CharColumnSource,
    labels: Vec<LabeledSpan>,
    related: Vec<MietteReport>,
}

impl MietteReport {
    fn new(d: &Diagnostic, sources: &SourceMap) -> Self {
        let primary_file = d.primary.file;
        let mut labels = vec![labeled(&d.primary, sources, true)];
        let mut related = Vec::new();
        for label in &d.related {
            if label.file == primary_file {
                labels.push(labeled(label, sources, false));
            } else {
                related.push(MietteReport {
                    message: label.message.clone(),
                    code: None,
                    severity: miette::Severity::Advice,
                    help: None,
                    source: CharColumnSource {
                        file: Arc::new(sources.get(label.file).clone()),
                    },
                    labels: vec![labeled(label, sources, true)],
                    related: Vec::new(),
                });
            }
        }
        MietteReport {
            message: d.message.clone(),
            code: Some(format!("planlint::{}", d.code)),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info => miette::Severity::Advice,
            },
            help: d.help.clone(),
            source: CharColumnSource {
                file: Arc::new(sources.get(primary_file).clone()),
            },
            labels,
            related,
        }
    }
}

fn labeled(label: &Label, sources: &SourceMap, primary: bool) -> LabeledSpan {
    let file = sources.get(label.file);
    let start = crate::source::floor_char_boundary(&file.text, label.span.start);
    let end = crate::source::floor_char_boundary(&file.text, label.span.end).max(start);
    let span = SourceSpan::new(start.into(), end - start);
    if primary {
        LabeledSpan::new_primary_with_span(Some(label.message.clone()), span)
    } else {
        LabeledSpan::new_with_span(Some(label.message.clone()), span)
    }
}

impl fmt::Debug for MietteReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for MietteReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MietteReport {}

impl miette::Diagnostic for MietteReport {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}
