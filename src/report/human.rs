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

use rayon::prelude::*;

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
    // Each diagnostic is rendered on its own, on every core, and the texts
    // are joined in order: the output does not depend on the thread count.
    let texts: Vec<String> = diagnostics
        .par_iter()
        .map(|d| render_one(d, sources, style, width))
        .collect();
    let mut out = String::with_capacity(texts.iter().map(|t| t.len() + 2).sum::<usize>() + 200);
    for text in &texts {
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&summary_line(diagnostics, summary));
    out.push('\n');
    out
}

pub(crate) fn render_one(
    d: &Diagnostic,
    sources: &SourceMap,
    style: Style,
    width: usize,
) -> String {
    let Style::Graphical { color } = style else {
        return crate::report::plain::render_one(d, sources);
    };
    let report = MietteReport::new(d, sources);
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    let mut text = String::new();
    if handler.render_report(&mut text, &report).is_err() {
        text = fallback(d, sources);
    }
    text
}

/// `2 errors, 5 warnings, 1 info in 1 plan (xc.plan), 6 files read`, in
/// the run's language.
pub fn summary_line(diagnostics: &[Diagnostic], summary: &RunSummary) -> String {
    use crate::i18n::catalogue::{Count, Noun};
    use crate::i18n::{Msg, Names};
    let counts = Counts::of(diagnostics);
    let plans = Box::new(if summary.plans.is_empty() {
        Msg::SummaryNoPlan {}
    } else {
        Msg::SummaryPlans {
            count: Count(summary.plans.len(), Noun::Plan),
            ids: Names(summary.plans.clone()),
        }
    });
    let (errors, warnings, infos, files) = (
        Count(counts.errors, Noun::Error),
        Count(counts.warnings, Noun::Warning),
        Count(counts.infos, Noun::Info),
        Count(summary.files, Noun::File),
    );
    let message = match summary.suppressed.len() {
        0 => Msg::Summary {
            errors,
            warnings,
            infos,
            plans,
            files,
        },
        suppressed => Msg::SummarySuppressed {
            errors,
            warnings,
            infos,
            suppressed,
            plans,
            files,
        },
    };
    message.render(summary.lang)
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

/// A source that tells miette character columns, and finds lines with the
/// file's line index: miette's own `str` source scans the text from byte 0
/// for every label, which is quadratic over thousands of diagnostics.
#[derive(Debug, Clone, Copy)]
struct CharColumnSource<'s> {
    file: &'s SourceFile,
}

impl SourceCode for CharColumnSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &'a str = &self.file.text;
        // miette reads `before` lines above the span and `after` below it;
        // hand it only those lines (and one more), so that it scans a few
        // lines instead of the file, then shift what it found back.
        let first_line = self.file.line_index(span.offset()).saturating_sub(before);
        let last_line = self.file.line_index(span.offset() + span.len()) + after + 2;
        let window_start = self.file.line_start(first_line).unwrap_or(0);
        let window_end = self.file.line_start(last_line).unwrap_or(text.len());
        let window = &text[window_start..window_end];
        let local = SourceSpan::new((span.offset() - window_start).into(), span.len());
        let contents = window.read_span(&local, before, after)?;
        let offset = contents.span().offset() + window_start;
        let (_, column) = self.file.line_col(offset);
        Ok(Box::new(MietteSpanContents::new_named(
            self.file.name.clone(),
            contents.data(),
            SourceSpan::new(offset.into(), contents.span().len()),
            contents.line() + first_line,
            column - 1,
            contents.line_count() + first_line,
        )))
    }
}

/// Our diagnostic dressed for miette.
struct MietteReport<'s> {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: CharColumnSource<'s>,
    labels: Vec<LabeledSpan>,
    related: Vec<MietteReport<'s>>,
}

impl<'s> MietteReport<'s> {
    fn new(d: &Diagnostic, sources: &'s SourceMap) -> Self {
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
                        file: sources.get(label.file),
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
            help: help_and_fixes(d),
            source: CharColumnSource {
                file: sources.get(primary_file),
            },
            labels,
            related,
        }
    }
}

/// The help, then each fix on a line of its own.
fn help_and_fixes(d: &Diagnostic) -> Option<String> {
    let lines: Vec<&str> = d
        .help
        .iter()
        .map(String::as_str)
        .chain(d.fixes.iter().map(|f| f.description.as_str()))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
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

impl fmt::Debug for MietteReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for MietteReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MietteReport<'_> {}

impl miette::Diagnostic for MietteReport<'_> {
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
