//! What every fuzz target shares: decoding bytes as planlint does, running
//! the whole pipeline, rendering every output format, and the invariants
//! checked on every run (spans on character boundaries, deterministic
//! output). A broken invariant panics, which libFuzzer records as a crash.

use std::sync::OnceLock;

use planlint::check::Options;
use planlint::decode::decode;
use planlint::diagnostic::Diagnostic;
use planlint::report::{self, RunSummary, human, json};
use planlint::source::SourceMap;
use planlint::syntax::value::Date;
use planlint::{Outcome, Selection, check};

/// The date checks are judged against: fixed, so runs are reproducible.
pub const AS_OF: Date = Date {
    year: 2026,
    month: 11,
    day: 23,
};

/// Decodes bytes as the CLI does; `None` when they are refused.
pub fn text(bytes: &[u8]) -> Option<String> {
    decode(bytes).ok().map(|d| d.text)
}

/// The real files under `rules/`, read once.
pub fn real_rules() -> &'static [(String, String)] {
    static RULES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    RULES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "plan"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
            .into_iter()
            .filter_map(|p| {
                let text = std::fs::read_to_string(&p).ok()?;
                Some((format!("rules/{}", p.file_name()?.to_string_lossy()), text))
            })
            .collect()
    })
}

/// Runs the pipeline on `files`, checks the invariants, renders every
/// format; returns everything rendered.
pub fn run(files: &[(String, String)], selection: Selection) -> String {
    let outcome = check(
        files.iter().map(|(n, t)| (n.clone(), t.clone())),
        selection,
        Options { as_of: AS_OF },
    );
    spans_on_boundaries(&outcome.diagnostics, &outcome.model.sources);
    render_all(&outcome)
}

/// Every format planlint prints.
pub fn render_all(outcome: &Outcome) -> String {
    let summary = RunSummary::of(outcome, Options { as_of: AS_OF });
    let (d, s, sum) = (&outcome.diagnostics[..], &outcome.model.sources, &summary);
    [
        json::render(d, s, sum),
        human::render(d, s, sum, human::Style::Plain, 100),
        human::render(d, s, sum, human::Style::Graphical { color: true }, 80),
        report::concise::render(d, s, sum),
        report::json_lines::render(d, s, sum),
        report::sarif::render(d, s, sum, Some("https://example.org/docs")),
        report::github::render(d, s, sum),
        report::github::summary(d, s, sum),
        report::gitlab::render(d, s, sum),
        report::junit::render(d, s, sum),
    ]
    .concat()
}

/// Every span a diagnostic carries lies inside its file, on character
/// boundaries.
pub fn spans_on_boundaries(diagnostics: &[Diagnostic], sources: &SourceMap) {
    for d in diagnostics {
        let labels = std::iter::once(&d.primary).chain(&d.related);
        let spans = labels
            .map(|l| (l.file, l.span))
            .chain(d.obligation.iter().map(|o| (o.file, o.span)))
            .chain(d.item.iter().map(|i| (i.file, i.span)));
        for (file, span) in spans {
            let text = &sources.get(file).text;
            assert!(
                span.start <= span.end
                    && span.end <= text.len()
                    && text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end),
                "span {span:?} of `{}` ({}) is not on character boundaries of a {}-byte file",
                d.code,
                d.message,
                text.len()
            );
        }
    }
}
