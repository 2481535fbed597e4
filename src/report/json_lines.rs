//! `json-lines`: one JSON object per line, one per finding, in the shape of
//! a `json` finding; suppressed findings follow, each with its
//! `suppression`. No summary line, so every line has the same shape.

use crate::diagnostic::Diagnostic;
use crate::report::{RunSummary, json};
use crate::source::SourceMap;

/// Renders one line per finding, then one per suppressed finding.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceMap, summary: &RunSummary) -> String {
    let mut out = String::new();
    let findings = diagnostics.iter().map(|d| json::finding(sources, d)).chain(
        summary
            .suppressed
            .iter()
            .map(|s| json::suppressed(sources, s)),
    );
    for f in findings {
        match serde_json::to_string(&f) {
            Ok(line) => out.push_str(&line),
            Err(e) => out.push_str(&serde_json::json!({ "error": e.to_string() }).to_string()),
        }
        out.push('\n');
    }
    out
}
