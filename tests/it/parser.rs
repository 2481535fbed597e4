//! The parser corpus: every file under `tests/fixtures/parser/ok` parses
//! without error into the tree in its snapshot; every file under
//! `tests/fixtures/parser/err` reports the errors in its snapshot, each with
//! a span inside the file.

use std::collections::BTreeSet;
use std::path::PathBuf;

use regex::{Captures, Regex};

use planlint::check::registry;
use planlint::diagnostic::{Diagnostic, Label, Severity};
use planlint::source::{SourceFile, SourceMap};
use planlint::syntax::{self, SyntaxError};

use crate::support::{fixtures, graphical, plan_files};

fn corpus(kind: &str) -> Vec<(String, String)> {
    let dir: PathBuf = fixtures().join("parser").join(kind);
    let files: Vec<(String, String)> = plan_files(&dir)
        .into_iter()
        .map(|(name, path)| {
            let bytes = std::fs::read(&path).expect("readable fixture");
            let text = String::from_utf8(bytes).expect("fixture in UTF-8");
            (name.trim_end_matches(".plan").to_string(), text)
        })
        .collect();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

/// The typed tree in `{:#?}` form, with every byte span written as
/// `line:column-line:column` (characters), and every `Spanned` value on one
/// line written as `value @ span`, so that a reviewer can check positions.
fn tree(text: &str) -> String {
    let parse = syntax::parse(text);
    let file = SourceFile::new("fixture.plan", text);
    let debug = format!("{:#?}", parse.file);
    let span = Regex::new(r"Span \{\s*start: (\d+),\s*end: (\d+),\s*\}").expect("regex");
    let debug = span.replace_all(&debug, |c: &Captures| {
        let at = |i: usize| {
            let (line, column) = file.line_col(c[i].parse().expect("offset"));
            format!("{line}:{column}")
        };
        format!("{}-{}", at(1), at(2))
    });
    let spanned =
        Regex::new(r"Spanned \{\s*value: ([^\n]*),\s*span: ([\d:-]+),\s*\}").expect("regex");
    spanned.replace_all(&debug, "$1 @ $2").into_owned()
}

fn diagnostics(errors: &[SyntaxError]) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| {
            let mut d = Diagnostic::new(
                e.code,
                Severity::Error,
                e.message.clone(),
                Label::new(planlint::source::FileId(0), e.span, e.label.clone()),
            );
            d.help = e.help.clone();
            d
        })
        .collect()
}

fn rendered(name: &str, text: &str) -> String {
    let parse = syntax::parse(text);
    let mut sources = SourceMap::default();
    sources.add(SourceFile::new(format!("{name}.plan"), text));
    graphical(&diagnostics(&parse.errors), &sources)
}

#[test]
fn ok_corpus_parses_without_errors() {
    for (name, text) in corpus("ok") {
        let parse = syntax::parse(&text);
        assert!(
            parse.errors.is_empty(),
            "{name}.plan should parse cleanly:\n{}",
            rendered(&name, &text)
        );
        insta::assert_snapshot!(format!("ok-{name}"), tree(&text));
    }
}

#[test]
fn err_corpus_reports_every_error_with_a_span() {
    for (name, text) in corpus("err") {
        let parse = syntax::parse(&text);
        assert!(!parse.errors.is_empty(), "{name}.plan should not parse");
        for e in &parse.errors {
            assert!(
                e.span.start <= e.span.end
                    && e.span.end <= text.len()
                    && text.is_char_boundary(e.span.start)
                    && text.is_char_boundary(e.span.end),
                "{name}.plan: span {:?} of `{}` is not inside the text",
                e.span,
                e.message
            );
            assert!(
                registry::INPUT_CODES.iter().any(|c| c.code == e.code),
                "{name}.plan: `{}` is not an input code",
                e.code
            );
        }
        insta::assert_snapshot!(format!("err-{name}"), rendered(&name, &text));
    }
}

#[test]
fn err_corpus_covers_every_syntax_code() {
    let found: BTreeSet<&str> = corpus("err")
        .iter()
        .flat_map(|(_, text)| syntax::parse(text).errors.into_iter().map(|e| e.code))
        .collect();
    // Every input code but those the parser of one `.plan` text cannot
    // raise: the binary's, about reading files, about files that are not
    // plans (`planlint.toml`, a `--baseline` file) and about writing files,
    // and the model's, about
    // several declarations together. Each has its fixture pair in `checks`.
    let not_syntax = [
        "read-error",
        "config-error",
        "invalid-baseline",
        "write-error",
        "duplicate-id",
        "unknown-reference",
        "cycle",
        "foreign-link",
    ];
    let input: BTreeSet<&str> = registry::INPUT_CODES.iter().map(|c| c.code).collect();
    for code in not_syntax {
        assert!(input.contains(code), "`{code}` is not an input code");
    }
    let expected: BTreeSet<&str> = input
        .into_iter()
        .filter(|c| !not_syntax.contains(c))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn three_errors_in_three_blocks_are_all_reported() {
    let text =
        std::fs::read_to_string(fixtures().join("parser/err/three-errors.plan")).expect("fixture");
    let file = SourceFile::new("three-errors.plan", text.as_str());
    let errors = syntax::parse(&text).errors;
    let found: Vec<(usize, &str)> = errors
        .iter()
        .map(|e| (file.line_col(e.span.start).0, e.code))
        .collect();
    assert_eq!(
        found,
        [
            (3, "syntax-error"),
            (9, "invalid-value"),
            (16, "unknown-keyword")
        ]
    );
}

#[test]
fn crlf_line_ends_read_like_lf() {
    let text = std::fs::read_to_string(fixtures().join("parser/ok/crlf.plan")).expect("fixture");
    assert!(
        text.contains("\r\n"),
        "the fixture must keep its CRLF line ends"
    );
    let lf = text.replace("\r\n", "\n");
    assert_eq!(tree(&text), tree(&lf));
    assert!(
        !tree(&text).contains("\\r"),
        "a value kept a carriage return"
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = std::fs::read_to_string(fixtures().join("parser/ok/bom.plan")).expect("fixture");
    let without = text
        .strip_prefix('\u{feff}')
        .expect("the fixture must start with a byte order mark");
    assert!(syntax::parse(&text).errors.is_empty());
    // The mark only shifts the first line, a comment: every span is alike.
    assert_eq!(tree(&text), tree(without));
}
