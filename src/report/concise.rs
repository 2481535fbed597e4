//! `concise`: one line per finding, `file:line:col: severity code message`,
//! then the summary line. Columns count characters.

use crate::diagnostic::Diagnostic;
use crate::report::printable::printable;
use crate::report::{Place, RunSummary, human};
use crate::source::SourceMap;

/// Renders one line per finding and the summary line.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceMap, summary: &RunSummary) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&line(d, sources));
        out.push('\n');
    }
    out.push_str(&human::summary_line(diagnostics, summary));
    out.push('\n');
    out
}

/// `file:line:col: severity code message` for one finding, printable
/// ([`printable`]).
pub fn line(d: &Diagnostic, sources: &SourceMap) -> String {
    let place = Place::of(sources, d.primary.file, d.primary.span);
    let line = format!(
        "{}:{}:{}: {} {} {}",
        place.file,
        place.line,
        place.column,
        d.severity.as_str(),
        d.code,
        one_line(&d.message)
    );
    printable(&line).into_owned()
}

/// The text with line breaks turned into spaces, so one finding stays one line.
pub fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Label, Severity};
    use crate::source::{SourceFile, Span};

    #[test]
    fn columns_count_characters() {
        let mut sources = SourceMap::default();
        let text = "标题 \"西城区\" x";
        let file = sources.add(SourceFile::new("a.plan", text));
        let at = text.find('x').unwrap_or(0);
        let d = Diagnostic::new(
            "syntax-error",
            Severity::Error,
            "bad\nthing",
            Label::new(file, Span::new(at, at + 1), "here"),
        );
        assert_eq!(
            line(&d, &sources),
            "a.plan:1:10: error syntax-error bad thing"
        );
    }
}
