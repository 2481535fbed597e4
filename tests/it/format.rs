//! The formatter: parse → print → parse keeps the meaning and is stable
//! over every fixture, the seed corpus (`tests/fixtures/format`) and the
//! bundled `rules/` and `plans/`; and `planlint fmt` through the binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use regex::Regex;

use planlint::syntax::{self, cst, format};

use crate::support::{fixtures, plan_files};

/// Every `.plan` of the corpus: the parser fixtures, the seed corpus and
/// the bundled files.
fn corpus() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<PathBuf> = ["parser/ok", "parser/err", "parser/recover", "format"]
        .iter()
        .map(|d| fixtures().join(d))
        .collect();
    dirs.extend([root.join("rules"), root.join("plans")]);
    let mut files = Vec::new();
    for dir in dirs {
        for (name, path) in plan_files(&dir) {
            let bytes = std::fs::read(&path).expect("readable");
            let text = String::from_utf8(bytes).expect("UTF-8");
            files.push((format!("{}/{name}", dir.display()), text));
        }
    }
    assert!(files.len() > 40, "the corpus is read");
    files
}

/// The typed tree without byte positions, which formatting moves.
fn meaning(text: &str) -> String {
    let parse = syntax::parse(text);
    let span = Regex::new(r"Span \{ start: \d+, end: \d+ \}").expect("regex");
    let errors: Vec<_> = parse
        .errors
        .iter()
        .map(|e| (e.code, &e.message, &e.label, &e.help))
        .collect();
    let debug = format!("{:?}\n{errors:?}", parse.file);
    span.replace_all(&debug, "Span").into_owned()
}

#[test]
fn formatting_keeps_the_meaning_and_is_idempotent_over_the_corpus() {
    let mut formatted_files = 0;
    for (name, text) in corpus() {
        match format::format(&text) {
            Ok(once) => {
                formatted_files += 1;
                assert_eq!(
                    meaning(&once),
                    meaning(&text),
                    "{name}: the meaning changed"
                );
                assert_eq!(
                    format::format(&once).as_ref(),
                    Ok(&once),
                    "{name}: formatting twice changes the text"
                );
            }
            Err(errors) => {
                assert!(!errors.is_empty());
                assert_eq!(
                    errors,
                    cst::parse(&text).errors,
                    "{name}: refused for its syntax errors"
                );
            }
        }
    }
    assert!(formatted_files > 30, "most of the corpus formats");
}

#[test]
fn every_bundled_file_is_lossless_and_formats() {
    for (name, text) in corpus() {
        let tree = cst::parse(&text).tree;
        let joined: String = tree.root().tokens().iter().map(|t| t.text(&text)).collect();
        assert_eq!(joined, text, "{name}: the tree's tokens are not the text");
        if name.contains("/rules/") || name.contains("/plans/") {
            assert!(format::format(&text).is_ok(), "{name} has syntax errors");
        }
    }
}

#[test]
fn the_seed_corpus_gets_the_canonical_layout() {
    for (name, path) in plan_files(&fixtures().join("format")) {
        let text = String::from_utf8(std::fs::read(&path).expect("readable")).expect("UTF-8");
        let formatted = format::format(&text).expect("the seed corpus has no syntax error");
        insta::assert_snapshot!(format!("format-{name}"), formatted.replace('\r', "␍"));
    }
}

fn planlint(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("planlint")
        .expect("the planlint binary")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("planlint runs")
}

#[test]
fn fmt_check_lists_what_would_change_and_fmt_rewrites_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for sub in ["rules", "plans"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
    }
    let messy = std::fs::read_to_string(fixtures().join("format/messy.plan")).expect("seed");
    let tidy = format::format(&messy).expect("formats");
    std::fs::write(dir.path().join("plans/messy.plan"), &messy).expect("write");
    std::fs::write(dir.path().join("rules/tidy.plan"), &tidy).expect("write");

    let check = planlint(dir.path(), &["fmt", "--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&check.stdout), "plans/messy.plan\n");
    let unchanged = std::fs::read_to_string(dir.path().join("plans/messy.plan")).expect("read");
    assert_eq!(unchanged, messy, "--check writes nothing");

    let write = planlint(dir.path(), &["fmt"]);
    assert_eq!(
        write.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&write.stderr)
    );
    let written = std::fs::read_to_string(dir.path().join("plans/messy.plan")).expect("read");
    assert_eq!(written, tidy);

    let again = planlint(dir.path(), &["fmt", "--check", "plans", "rules/tidy.plan"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(again.stdout.is_empty());
}

#[test]
fn fmt_leaves_a_file_with_syntax_errors_unchanged_and_exits_2() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let broken = "item a {\n    title  \"open\n}\n";
    let path = dir.path().join("broken.plan");
    std::fs::write(&path, broken).expect("write");
    for args in [
        &["fmt", "broken.plan"][..],
        &["fmt", "--check", "broken.plan"],
    ] {
        let output = planlint(dir.path(), args);
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("broken.plan:2:12: error[syntax-error]: unterminated string"),
            "{stderr}"
        );
        assert!(stderr.contains("`broken.plan` has syntax errors; it is left unchanged"));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
    }
}

#[test]
fn fmt_keeps_a_byte_order_mark() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("bom.plan");
    std::fs::write(&path, "\u{feff}document d {\n    title \"t\"\n}\n").expect("write");
    let output = planlint(dir.path(), &["fmt", "bom.plan"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "\u{feff}document d {\n  title \"t\"\n}\n"
    );
}
