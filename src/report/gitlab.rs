//! `gitlab`: GitLab code-quality JSON, an array of issues with a
//! description, a check name, a severity, a location and a fingerprint.
//!
//! GitLab keeps one issue per fingerprint, so each must be unique in a
//! report, and it compares fingerprints between branches, so they must not
//! change when lines move: they hash the finding's identity
//! ([`crate::identity`]), never its line.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::identity::fingerprints;
use crate::report::{Place, RunSummary};
use crate::source::SourceMap;

#[derive(Debug, Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Debug, Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Debug, Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// Renders the code-quality report.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceMap, _summary: &RunSummary) -> String {
    let all: Vec<&Diagnostic> = diagnostics.iter().collect();
    let prints = fingerprints(&all, sources);
    let issues: Vec<Issue> = diagnostics
        .iter()
        .zip(prints)
        .map(|(d, fingerprint)| {
            let place = Place::of(sources, d.primary.file, d.primary.span);
            Issue {
                description: d.message.clone(),
                check_name: d.code,
                fingerprint,
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                location: Location {
                    path: place.file,
                    lines: Lines {
                        begin: place.line,
                        end: place.end_line,
                    },
                },
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    text.push('\n');
    text
}
