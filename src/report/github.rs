//! `github`: GitHub Actions workflow commands (`::error file=…,line=…::…`),
//! one annotation per finding, and a Markdown job summary.
//!
//! GitHub shows only about ten annotations of each level per step, so the
//! CLI also appends [`summary`] to the file named by `GITHUB_STEP_SUMMARY`:
//! every finding in one table on the run's page. Columns count characters.

use crate::diagnostic::{Diagnostic, Severity};
use crate::report::printable::printable;
use crate::report::{Place, RunSummary, concise, human};
use crate::source::SourceMap;

/// How many findings the job summary lists before "and N more".
const SUMMARY_ROWS: usize = 1000;

/// One workflow command per finding.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceMap, _summary: &RunSummary) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&annotation(d, sources));
        out.push('\n');
    }
    out
}

/// `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`.
pub fn annotation(d: &Diagnostic, sources: &SourceMap) -> String {
    let place = Place::of(sources, d.primary.file, d.primary.span);
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{command} file={},line={},endLine={},col={},endColumn={},title={}::{}",
        property(place.file),
        place.line,
        place.end_line,
        place.column,
        place.end_column,
        property(&format!("planlint {}", d.code)),
        data(&message)
    )
}

/// The Markdown job summary: the summary line and a table of findings.
pub fn summary(diagnostics: &[Diagnostic], sources: &SourceMap, summary: &RunSummary) -> String {
    let mut out = String::from("## planlint\n\n");
    out.push_str(&human::summary_line(diagnostics, summary));
    out.push_str("\n\n");
    if diagnostics.is_empty() {
        return out;
    }
    out.push_str("| severity | code | where | message |\n| --- | --- | --- | --- |\n");
    for d in diagnostics.iter().take(SUMMARY_ROWS) {
        let place = Place::of(sources, d.primary.file, d.primary.span);
        out.push_str(&format!(
            "| {} | `{}` | {}:{}:{} | {} |\n",
            d.severity.as_str(),
            d.code,
            cell(place.file),
            place.line,
            place.column,
            cell(&d.message)
        ));
    }
    if diagnostics.len() > SUMMARY_ROWS {
        out.push_str(&format!(
            "\nand {} more; the full list is in the step's log\n",
            diagnostics.len() - SUMMARY_ROWS
        ));
    }
    out
}

/// Escapes the message part of a workflow command; control characters
/// become visible first ([`printable`]).
fn data(text: &str) -> String {
    printable(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A Markdown table cell: one line, printable, pipes escaped.
fn cell(text: &str) -> String {
    printable(&concise::one_line(text)).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_escape_what_github_parses() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
        assert_eq!(cell("a | b\nc"), "a \\| b c");
    }
}
