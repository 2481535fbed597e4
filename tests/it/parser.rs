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
use planlint::syntax::{self, SyntaxError, cst};

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
            if let Some(help) = &e.help {
                d.set_help(help.clone());
            }
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
                e.message.render(planlint::i18n::Lang::En)
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

/// What a file declares, one line per document and item, so that a
/// snapshot pins what is still read around a mistake.
fn declared(file: &syntax::FileAst) -> String {
    let mut out = String::new();
    if let Some(d) = &file.document {
        out.push_str(&format!("document {} {:?}\n", d.id.value, d.title));
    }
    for item in &file.items {
        let ids = |v: &[planlint::source::Spanned<String>]| {
            v.iter()
                .map(|s| s.value.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let targets: Vec<String> = item
            .targets
            .iter()
            .map(|t| {
                let figure = t.figure.as_ref().map(|f| {
                    format!(
                        "{} {} {}",
                        f.comparator.as_str(),
                        f.value,
                        f.unit.as_deref().unwrap_or("")
                    )
                });
                format!(
                    "{} {} by {:?}{}",
                    t.metric.value,
                    figure.unwrap_or_default(),
                    t.deadline.as_ref().map(|d| d.value),
                    if t.per_year { " per year" } else { "" }
                )
            })
            .collect();
        out.push_str(&format!(
            "item {} {:?}; implements {}; units {}; targets [{}]\n",
            item.id.value,
            item.title,
            ids(&item.implements),
            ids(&item.units),
            targets.join(", ")
        ));
    }
    out
}

#[test]
fn each_mistake_of_the_recovery_corpus_gives_one_error_and_the_rest_is_read() {
    for (name, text) in corpus("recover") {
        let parse = syntax::parse(&text);
        assert_eq!(
            parse.errors.len(),
            1,
            "{name}.plan has one mistake:\n{}",
            rendered(&name, &text)
        );
        let ids: Vec<&str> = parse
            .file
            .items
            .iter()
            .map(|i| i.id.value.as_str())
            .collect();
        assert_eq!(ids.len(), 3, "{name}.plan: every item is read: {ids:?}");
        assert_eq!(ids[2], "xc.2.1.3", "{name}.plan");
        insta::assert_snapshot!(
            format!("recover-{name}"),
            format!(
                "{}\nread:\n{}",
                rendered(&name, &text),
                declared(&parse.file)
            )
        );
    }
}

/// Deleting any one `}`, or any `{` that ends a line, of the real Xicheng
/// plan or Beijing outline gives one error, and every item and obligation
/// is still read with what it implements or refines.
#[test]
fn any_missing_brace_of_the_real_cascade_gives_one_error() {
    for name in ["plans/xicheng.plan", "rules/beijing-outline.plan"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        let text = std::fs::read_to_string(path).expect("the bundled plan");
        one_error_per_missing_brace(name, &text);
    }
}

fn one_error_per_missing_brace(name: &str, text: &str) {
    let ids = |v: &[planlint::source::Spanned<String>]| -> Vec<String> {
        v.iter().map(|s| s.value.clone()).collect()
    };
    let links = |file: &syntax::FileAst| -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = file
            .items
            .iter()
            .map(|i| (i.id.value.clone(), ids(&i.implements)))
            .collect();
        let mut obligations: Vec<&syntax::ast::ObligationDecl> = file.obligations.iter().collect();
        while let Some(o) = obligations.pop() {
            out.push((o.id.value.clone(), ids(&o.refines)));
            obligations.extend(&o.children);
        }
        out
    };
    let intact = links(&syntax::parse(text).file);
    let closing = text
        .match_indices('}')
        .map(|(at, _)| (at, "unterminated block"));
    let opening = text
        .match_indices(" {\n")
        .map(|(at, _)| (at + 1, "missing `{`"));
    let braces: Vec<(usize, &str)> = closing.chain(opening).collect();
    assert!(braces.len() > 100);
    for (at, error) in braces {
        let broken = format!("{}{}", &text[..at], &text[at + 1..]);
        let parse = syntax::parse(&broken);
        let messages: Vec<String> = parse
            .errors
            .iter()
            .map(|e| e.message.render(planlint::i18n::Lang::En))
            .collect();
        assert_eq!(messages, [error], "{name} without the brace at byte {at}");
        assert_eq!(
            links(&parse.file),
            intact,
            "{name} without the brace at byte {at}"
        );
    }
}

/// The spans of the statement nodes of a tree, in pre-order, through the
/// blocks of statements (not through error nodes, whose statements lowering
/// never reads).
fn statement_node_spans(node: cst::Node<'_>, out: &mut Vec<planlint::source::Span>) {
    for child in node.children() {
        if let cst::Element::Node(n) = child {
            match n.kind() {
                cst::NodeKind::Statement => {
                    out.push(n.span());
                    statement_node_spans(n, out);
                }
                cst::NodeKind::Block => statement_node_spans(n, out),
                _ => {}
            }
        }
    }
}

fn statement_spans(statements: &[cst::Statement<'_>], out: &mut Vec<planlint::source::Span>) {
    for s in statements {
        out.push(s.span);
        statement_spans(s.block.as_deref().unwrap_or_default(), out);
    }
}

/// Reading the statements without the tree (what `check` does) gives the
/// statements and errors of the full parse, and each statement's span is
/// its node's: on the whole parser corpus, the real files, and the real
/// Xicheng plan with any one brace missing (the recovering pass).
#[test]
fn the_statements_without_the_tree_are_those_of_the_tree() {
    let mut texts: Vec<(String, String)> = ["ok", "err", "recover"]
        .into_iter()
        .flat_map(corpus)
        .chain(crate::support::real_files())
        .collect();
    let xicheng = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/xicheng.plan"),
    )
    .expect("the bundled plan");
    for (at, _) in xicheng.match_indices(['{', '}']) {
        let broken = format!("{}{}", &xicheng[..at], &xicheng[at + 1..]);
        texts.push((format!("xicheng.plan without byte {at}"), broken));
    }
    for (name, text) in &texts {
        let full = cst::parse(text);
        let (statements, errors) = cst::statements(text);
        assert_eq!(statements, full.statements, "{name}");
        assert_eq!(errors, full.errors, "{name}");
        let (mut nodes, mut read) = (Vec::new(), Vec::new());
        statement_node_spans(full.tree.root(), &mut nodes);
        statement_spans(&statements, &mut read);
        assert_eq!(nodes, read, "{name}");
    }
}
