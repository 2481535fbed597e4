//! The machine-readable result, documented in `docs/json.md`.
//!
//! Positions are 1-based lines and 1-based character columns. The shape is
//! versioned: fields are only ever added within a version.

use serde::Serialize;

use crate::coverage::PlanSummary;
use crate::diagnostic::Counts;
use crate::diagnostic::{Diagnostic, Figures, Label};
use crate::report::RunSummary;
use crate::source::{FileId, SourceMap, Span};
use crate::suppress::Suppressed;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    pub version: u32,
    pub findings: Vec<JsonFinding<'a>>,
    /// Findings suppressed inline or by the baseline, each with its suppression.
    pub suppressed: Vec<JsonFinding<'a>>,
    pub summary: JsonSummary<'a>,
}

#[derive(Debug, Serialize)]
pub struct JsonSummary<'a> {
    pub files: usize,
    pub plans: &'a [String],
    #[serde(flatten)]
    pub counts: Counts,
    pub total: usize,
    pub suppressed: usize,
    /// Each plan's coverage counts and verdict (`check --format json` only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coverage: Vec<JsonCoverage<'a>>,
}

/// A plan's coverage counts, as the report's verdict box counts them, and
/// its verdict in the run's language.
#[derive(Debug, Serialize)]
pub struct JsonCoverage<'a> {
    #[serde(flatten)]
    pub counts: &'a PlanSummary,
    pub verdict: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advisory_verdict: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Position<'a> {
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    pub code: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    pub location: Position<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<JsonPlan<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub obligation: Option<JsonObligation<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<JsonItem<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<&'a Figures>,
    pub related: Vec<JsonLabel<'a>>,
    /// What would fix the finding, as data: the same in every language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<JsonFix<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<JsonSuppression<'a>>,
}

/// A fix: its kind, the obligation it carries out or exempts, and the one
/// text edit that makes it (`replacement` put at `location`).
#[derive(Debug, Serialize)]
pub struct JsonFix<'a> {
    /// `replace`, `add-item` or `add-exemption`.
    pub kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub obligation: Option<&'a str>,
    pub location: Position<'a>,
    pub replacement: String,
}

#[derive(Debug, Serialize)]
pub struct JsonSuppression<'a> {
    /// `inline` or `baseline`.
    pub kind: &'a str,
    pub reason: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Position<'a>>,
}

#[derive(Debug, Serialize)]
pub struct JsonPlan<'a> {
    pub id: &'a str,
    pub file: &'a str,
}

#[derive(Debug, Serialize)]
pub struct JsonObligation<'a> {
    pub id: &'a str,
    pub document: &'a str,
    pub citation: &'a str,
    pub file: &'a str,
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct JsonItem<'a> {
    pub id: &'a str,
    pub citation: &'a str,
    pub file: &'a str,
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct JsonLabel<'a> {
    pub message: &'a str,
    #[serde(flatten)]
    pub location: Position<'a>,
}

fn position(sources: &SourceMap, file: FileId, span: Span) -> Position<'_> {
    let f = sources.get(file);
    let (line, column) = f.line_col(span.start);
    let (end_line, end_column) = f.line_col(span.end);
    Position {
        file: &f.name,
        line,
        column,
        end_line,
        end_column,
    }
}

fn label<'a>(sources: &'a SourceMap, l: &'a Label) -> JsonLabel<'a> {
    JsonLabel {
        message: &l.message,
        location: position(sources, l.file, l.span),
    }
}

/// One finding as JSON (also one line of `json-lines`).
pub fn finding<'a>(sources: &'a SourceMap, d: &'a Diagnostic) -> JsonFinding<'a> {
    JsonFinding {
        code: d.code,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        location: position(sources, d.primary.file, d.primary.span),
        plan: d.plan.as_ref().map(|p| JsonPlan {
            id: &p.id,
            file: &sources.get(p.file).name,
        }),
        obligation: d.obligation.as_ref().map(|o| JsonObligation {
            id: &o.id,
            document: &o.document,
            citation: &o.citation,
            file: &sources.get(o.file).name,
            line: sources.get(o.file).line_col(o.span.start).0,
        }),
        item: d.item.as_ref().map(|i| JsonItem {
            id: &i.id,
            citation: &i.citation,
            file: &sources.get(i.file).name,
            line: sources.get(i.file).line_col(i.span.start).0,
        }),
        figures: d.figures.as_ref(),
        related: d.related.iter().map(|l| label(sources, l)).collect(),
        fixes: d
            .fixes
            .iter()
            .map(|fix| {
                let plan = d.plan.as_ref().map(|p| p.id.as_str()).unwrap_or("plan");
                let (file, span, replacement) = fix.edit(sources, plan);
                JsonFix {
                    kind: fix.kind(),
                    obligation: fix.obligation(),
                    location: position(sources, file, span),
                    replacement,
                }
            })
            .collect(),
        suppression: None,
    }
}

/// A suppressed finding as JSON, with its suppression.
pub fn suppressed<'a>(sources: &'a SourceMap, s: &'a Suppressed) -> JsonFinding<'a> {
    let mut f = finding(sources, &s.diagnostic);
    f.suppression = Some(JsonSuppression {
        kind: s.by.kind.as_str(),
        reason: &s.by.reason,
        location: s.by.at.as_ref().map(|l| position(sources, l.file, l.span)),
    });
    f
}

/// Builds the JSON report.
pub fn build<'a>(
    diagnostics: &'a [Diagnostic],
    sources: &'a SourceMap,
    summary: &'a RunSummary,
) -> JsonReport<'a> {
    let findings = diagnostics.iter().map(|d| finding(sources, d)).collect();
    let counts = Counts::of(diagnostics);
    JsonReport {
        version: SCHEMA_VERSION,
        findings,
        suppressed: summary
            .suppressed
            .iter()
            .map(|s| suppressed(sources, s))
            .collect(),
        summary: JsonSummary {
            files: summary.files,
            plans: &summary.plans,
            counts,
            total: counts.total(),
            suppressed: summary.suppressed.len(),
            coverage: summary
                .coverage
                .iter()
                .map(|p| JsonCoverage {
                    counts: p,
                    verdict: p.verdict().render(summary.lang),
                    advisory_verdict: p.advisory_verdict().map(|m| m.render(summary.lang)),
                })
                .collect(),
        },
    }
}

/// The JSON report as pretty-printed text.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceMap, summary: &RunSummary) -> String {
    let report = build(diagnostics, sources, summary);
    let mut text =
        serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
