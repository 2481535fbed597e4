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

use crate::diagnostic::Counts;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::{Lang, Msg};
use crate::report::RunSummary;
use crate::report::printable::printable;
use crate::source::{FileId, SourceFile, SourceMap};

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
        .map(|d| render_one(d, sources, style, width, summary.lang))
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
    lang: Lang,
) -> String {
    let Style::Graphical { color } = style else {
        return crate::report::plain::render_one(d, sources);
    };
    let mut report = MietteReport::new(d, sources);
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let help_style = theme.styles.help;
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    // miette words the help (`help:`) and a related report (`Advice:`) in
    // English: it draws the report without them, and they are added here
    // in the run's language, laid out as miette lays them out.
    let help = report.help.take();
    let related = std::mem::take(&mut report.related);
    let mut text = String::new();
    let drawn = handler.render_report(&mut text, &report).and_then(|()| {
        use std::fmt::Write;
        if let Some(help) = help {
            let word = Msg::MietteHelp {}.render(lang);
            let indent = format!("  {word}");
            let first = help_style.style(indent.as_str()).to_string();
            let rest = " ".repeat(textwrap::core::display_width(&indent));
            let options = textwrap::Options::new(width.saturating_sub(2))
                .initial_indent(&first)
                .subsequent_indent(&rest);
            writeln!(text, "{}", textwrap::fill(&help, options))?;
        }
        for rel in &related {
            writeln!(text)?;
            writeln!(text, "{}", Msg::MietteRelated {}.render(lang))?;
            handler.render_report(&mut text, rel)?;
        }
        Ok(())
    });
    if drawn.is_err() {
        text = fallback(d, sources);
    }
    text
}

/// How many plan ids the summary line names before it says how many more:
/// a national run checks thousands.
const SUMMARY_IDS: usize = 10;

/// `2 errors, 5 warnings, 1 info in 1 plan (xc.plan), 6 files read`, in
/// the run's language.
pub fn summary_line(diagnostics: &[Diagnostic], summary: &RunSummary) -> String {
    use crate::i18n::catalogue::{Count, Noun};
    use crate::i18n::{Msg, SomeNames};
    let counts = Counts::of(diagnostics);
    let plans = Box::new(if summary.plans.is_empty() {
        Msg::SummaryNoPlan {}
    } else {
        Msg::SummaryPlans {
            count: Count(summary.plans.len(), Noun::Plan),
            ids: SomeNames {
                names: summary.plans.iter().take(SUMMARY_IDS).cloned().collect(),
                total: summary.plans.len(),
            },
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
    printable(&message.render(summary.lang)).into_owned()
}

/// A one-line rendering for when miette cannot render (a span past the end).
fn fallback(d: &Diagnostic, sources: &SourceMap) -> String {
    let file = sources.get(d.primary.file);
    let (line, column) = file.line_col(d.primary.span.start);
    let text = format!(
        "{}:{line}:{column}: {} [{}] {}\n",
        file.name,
        d.severity.as_str(),
        d.code,
        d.message
    );
    printable(&text).into_owned()
}

/// How many characters of a source line are shown at most; a longer line
/// is cut to a window around its labels, with `…` where it was cut.
pub const MAX_LINE_CHARS: usize = 500;
/// Characters kept before a label on a cut line.
const BEFORE_LABEL: usize = 100;
/// Lines of context around the labels (miette shows one).
const CONTEXT_LINES: usize = 2;

/// A stretch of the snippet and the stretch of the file it shows.
#[derive(Debug, Clone, Copy)]
struct Run {
    snippet: usize,
    snippet_len: usize,
    file: usize,
    file_len: usize,
    /// Copied byte for byte; otherwise a stand-in or a cut mark, which
    /// stands for the whole of its stretch of the file.
    copied: bool,
}

/// The lines of one file a diagnostic shows: made printable
/// ([`printable`](crate::report::printable)), long lines cut to a window
/// around the labels, and the map back to the file. It tells miette
/// character columns of the file (miette's own count bytes, wrong for
/// Chinese) and hands it only these lines: miette's `str` source scans the
/// text from byte 0 for every label, and a line of megabytes printed whole
/// for every finding on it made output of hundreds of megabytes.
#[derive(Debug, Clone)]
struct Snippet<'s> {
    file: &'s SourceFile,
    text: String,
    first_line: usize,
    runs: Vec<Run>,
}

impl<'s> Snippet<'s> {
    /// The snippet of `file` showing `spans` (byte ranges on character
    /// boundaries) with their context lines.
    fn new(file: &'s SourceFile, spans: &[(usize, usize)]) -> Self {
        let text: &str = &file.text;
        let lo = spans.iter().map(|s| s.0).min().unwrap_or(0);
        let hi = spans.iter().map(|s| s.1).max().unwrap_or(0);
        let first_line = file.line_index(lo).saturating_sub(CONTEXT_LINES);
        let last_line = file.line_index(hi) + CONTEXT_LINES;
        let mut snippet = Snippet {
            file,
            text: String::new(),
            first_line,
            runs: Vec::new(),
        };
        for line in first_line..=last_line {
            let Some(start) = file.line_start(line) else {
                break;
            };
            let next = file.line_start(line + 1).unwrap_or(text.len());
            let whole = &text[start..next];
            let body = whole
                .strip_suffix("\r\n")
                .or_else(|| whole.strip_suffix('\n'))
                .unwrap_or(whole);
            let end = start + body.len();
            let (keep_start, keep_end) = window(text, start, end, spans);
            if keep_start > start {
                snippet.push(start, keep_start - start, "…", false);
            }
            snippet.copy(keep_start, &text[keep_start..keep_end]);
            if keep_end < end {
                snippet.push(keep_end, end - keep_end, "…", false);
            }
            snippet.push(end, next - end, &text[end..next], true);
        }
        snippet
    }

    fn push(&mut self, file: usize, file_len: usize, text: &str, copied: bool) {
        if file_len == 0 && text.is_empty() {
            return;
        }
        self.runs.push(Run {
            snippet: self.text.len(),
            snippet_len: text.len(),
            file,
            file_len,
            copied,
        });
        self.text.push_str(text);
    }

    /// Copies `part`, which starts at `at` in the file, with stand-ins for
    /// what cannot be printed.
    fn copy(&mut self, at: usize, part: &str) {
        let mut from = 0;
        for (i, c) in part.char_indices() {
            if let Some(stand_in) = crate::report::printable::stand_in(c) {
                self.push(at + from, i - from, &part[from..i], true);
                self.push(at + i, c.len_utf8(), &stand_in, false);
                from = i + c.len_utf8();
            }
        }
        self.push(at + from, part.len() - from, &part[from..], true);
    }

    /// Where a byte offset of the file is in the snippet.
    fn to_snippet(&self, offset: usize) -> usize {
        let i = self.runs.partition_point(|r| r.file + r.file_len <= offset);
        match self.runs.get(i) {
            Some(r) if r.copied && offset >= r.file => r.snippet + (offset - r.file),
            Some(r) => r.snippet,
            None => self.text.len(),
        }
    }

    /// Where a byte offset of the snippet is in the file.
    fn to_file(&self, offset: usize) -> usize {
        let i = self
            .runs
            .partition_point(|r| r.snippet + r.snippet_len <= offset);
        match self.runs.get(i) {
            Some(r) if r.copied => r.file + (offset - r.snippet).min(r.file_len),
            Some(r) => r.file,
            None => self.runs.last().map_or(0, |r| r.file + r.file_len),
        }
    }

    fn span(&self, start: usize, end: usize) -> SourceSpan {
        let start = self.to_snippet(start);
        let end = self.to_snippet(end).max(start);
        SourceSpan::new(start.into(), end - start)
    }
}

/// The part of the line `start..end` of `text` to show: all of it when it
/// is short, else at most [`MAX_LINE_CHARS`] characters from a little
/// before the first label on it (or from its start when none is on it).
/// Both ends are character boundaries.
fn window(text: &str, start: usize, end: usize, spans: &[(usize, usize)]) -> (usize, usize) {
    let line = &text[start..end];
    if line.len() <= MAX_LINE_CHARS || line.chars().nth(MAX_LINE_CHARS).is_none() {
        return (start, end);
    }
    let on_line = spans
        .iter()
        .filter(|s| s.0 <= end && s.1 >= start)
        .map(|s| s.0.clamp(start, end))
        .min();
    let from = match on_line {
        Some(at) => text[start..at]
            .char_indices()
            .rev()
            .nth(BEFORE_LABEL - 1)
            .map_or(start, |(i, _)| start + i),
        None => start,
    };
    let to = text[from..end]
        .char_indices()
        .nth(MAX_LINE_CHARS)
        .map_or(end, |(i, _)| from + i);
    (from, to)
}

impl SourceCode for Snippet<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self.text.as_str().read_span(span, before, after)?;
        let (_, column) = self.file.line_col(self.to_file(contents.span().offset()));
        Ok(Box::new(MietteSpanContents::new_named(
            self.file.name.clone(),
            contents.data(),
            *contents.span(),
            contents.line() + self.first_line,
            column - 1,
            contents.line_count() + self.first_line,
        )))
    }
}

/// Our diagnostic dressed for miette. The help and the related reports
/// are drawn by [`render_one`], in the run's language.
struct MietteReport<'s> {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Snippet<'s>,
    labels: Vec<LabeledSpan>,
    related: Vec<MietteReport<'s>>,
}

impl<'s> MietteReport<'s> {
    fn new(d: &Diagnostic, sources: &'s SourceMap) -> Self {
        let primary_file = d.primary.file;
        let here: Vec<&Label> = std::iter::once(&d.primary)
            .chain(d.related.iter().filter(|l| l.file == primary_file))
            .collect();
        let source = snippet(primary_file, &here, sources);
        let labels = here
            .iter()
            .enumerate()
            .map(|(i, l)| labeled(l, sources, &source, i == 0))
            .collect();
        let related = d
            .related
            .iter()
            .filter(|l| l.file != primary_file)
            .map(|label| {
                let source = snippet(label.file, &[label], sources);
                MietteReport {
                    message: printable(&label.message).into_owned(),
                    code: None,
                    severity: miette::Severity::Advice,
                    help: None,
                    labels: vec![labeled(label, sources, &source, true)],
                    source,
                    related: Vec::new(),
                }
            })
            .collect();
        MietteReport {
            message: printable(&d.message).into_owned(),
            code: Some(format!("planlint::{}", d.code)),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info => miette::Severity::Advice,
            },
            help: help_and_fixes(d).map(|h| printable(&h).into_owned()),
            source,
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

/// A label's span on character boundaries of its file.
fn bounded(label: &Label, sources: &SourceMap) -> (usize, usize) {
    let text: &str = &sources.get(label.file).text;
    let start = crate::source::floor_char_boundary(text, label.span.start);
    let end = crate::source::floor_char_boundary(text, label.span.end).max(start);
    (start, end)
}

/// The snippet of the labels' file (they share one) showing all of them.
fn snippet<'s>(file: FileId, labels: &[&Label], sources: &'s SourceMap) -> Snippet<'s> {
    let spans: Vec<(usize, usize)> = labels.iter().map(|l| bounded(l, sources)).collect();
    Snippet::new(sources.get(file), &spans)
}

fn labeled(label: &Label, sources: &SourceMap, snippet: &Snippet, primary: bool) -> LabeledSpan {
    let (start, end) = bounded(label, sources);
    let span = snippet.span(start, end);
    let message = Some(printable(&label.message).into_owned());
    if primary {
        LabeledSpan::new_primary_with_span(message, span)
    } else {
        LabeledSpan::new_with_span(message, span)
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

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::source::Span;

    /// A national run names its first plans and counts the rest, in both
    /// languages, instead of listing thousands of ids on one line.
    #[test]
    fn the_summary_line_names_the_first_plans_of_many() {
        let plans: Vec<String> = (1..=12).map(|n| format!("p{n:02}.plan")).collect();
        let mut summary = RunSummary {
            files: 12,
            plans,
            ..RunSummary::default()
        };
        let line = summary_line(&[], &summary);
        assert!(line.contains("12 plans (p01.plan, "), "{line}");
        assert!(
            line.contains("p10.plan, and 2 more), 12 files read"),
            "{line}"
        );
        assert!(!line.contains("p11.plan"), "{line}");
        summary.lang = crate::i18n::Lang::Zh;
        let line = summary_line(&[], &summary);
        assert!(line.contains("p10.plan等 12 个"), "{line}");
        summary.plans.truncate(2);
        let line = summary_line(&[], &summary);
        assert!(line.contains("（p01.plan、p02.plan）"), "{line}");
    }

    fn render_text(text: &str, spans: &[(usize, usize)]) -> String {
        let mut sources = SourceMap::default();
        let file = sources.add(SourceFile::new("a.plan", text));
        let mut d = Diagnostic::new(
            "syntax-error",
            Severity::Error,
            "bad",
            Label::new(file, Span::new(spans[0].0, spans[0].1), "here"),
        );
        for &(start, end) in &spans[1..] {
            d.related
                .push(Label::new(file, Span::new(start, end), "and here"));
        }
        render_one(
            &d,
            &sources,
            Style::Graphical { color: false },
            100,
            Lang::En,
        )
    }

    /// A finding on a line of megabytes prints a window of it, not the line.
    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_span() {
        let line = format!("{}坏{}\n", "字".repeat(500_000), "尾".repeat(500_000));
        let at = "字".len() * 500_000;
        let out = render_text(&line, &[(at, at + "坏".len())]);
        assert!(out.len() < 6_000, "{} bytes of output", out.len());
        let shown = out.lines().find(|l| l.contains('坏')).unwrap_or("");
        assert!(shown.contains("│ …字字字"), "{out}");
        assert!(
            shown.contains("字字坏尾尾") && shown.ends_with("尾…"),
            "{out}"
        );
        // The column is still that of the file.
        assert!(out.contains("[a.plan:1:500001]"), "{out}");
    }

    /// Control characters in the source and in messages are shown, not obeyed.
    #[test]
    fn control_characters_in_the_source_are_made_visible() {
        let text = "title \"a\u{1b}[2K\rb\" x\n";
        let at = text.find('x').unwrap_or(0);
        let out = render_text(text, &[(at, at + 1)]);
        assert!(!out.contains('\u{1b}') && !out.contains('\r'), "{out:?}");
        assert!(out.contains("a␛[2K␍b"), "{out}");
        // The label still points at `x`: under it, after the stand-ins.
        let source_line = out.lines().find(|l| l.contains("a␛")).unwrap_or("");
        let marker = out.lines().find(|l| l.contains('┬')).unwrap_or("");
        assert_eq!(
            source_line.chars().position(|c| c == 'x'),
            marker.chars().position(|c| c == '┬'),
            "{out}"
        );
    }

    proptest! {
        /// Any text and any spans: no panic, every line printed is within
        /// the window, and the snippet maps back onto character boundaries.
        #[test]
        fn snippets_are_bounded_and_on_char_boundaries(
            lines in proptest::collection::vec("[a-z字\u{1b}\r ]{0,1200}", 1..6),
            picks in proptest::collection::vec((0usize..100_000, 0usize..50), 1..4),
        ) {
            let text = lines.join("\n");
            let spans: Vec<(usize, usize)> = picks
                .iter()
                .map(|&(at, len)| {
                    let start = crate::source::floor_char_boundary(&text, at % (text.len() + 1));
                    let end = crate::source::floor_char_boundary(&text, (start + len).min(text.len()));
                    (start, end.max(start))
                })
                .collect();
            let file = SourceFile::new("a.plan", text.as_str());
            let snippet = Snippet::new(&file, &spans);
            for line in snippet.text.lines() {
                prop_assert!(line.chars().count() <= MAX_LINE_CHARS + 2, "{}", line.len());
            }
            for &(start, end) in &spans {
                let span = snippet.span(start, end);
                prop_assert!(snippet.text.is_char_boundary(span.offset()));
                prop_assert!(snippet.text.is_char_boundary(span.offset() + span.len()));
                let back = snippet.to_file(span.offset());
                prop_assert!(text.is_char_boundary(back) && back <= text.len());
            }
            let out = render_text(&text, &spans);
            let obeyed = out.contains(['\u{1b}', '\r']);
            prop_assert!(!obeyed, "a control character was printed");
        }
    }
}
