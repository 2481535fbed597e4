//! One fixture pair per diagnostic code, under
//! `tests/fixtures/checks/<code>/{fail,pass}/`: each a small project (the
//! jurisdictions, a higher document, a plan). The failing one must report
//! the code, and its plain output is a reviewed snapshot; the passing one
//! must load cleanly and not report the code. Codes about files other
//! than plans (`planlint.toml`, a baseline) are run through the binary, in
//! the fixture directory, which holds those files too.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use planlint::check::registry;

use crate::support::{check_dir, fixtures, plain, plan_files};

/// Codes that only the binary reports, with the arguments their fixtures
/// are checked with: the library is handed the text of plans and never reads
/// a file, neither a plan (`read-error`), nor the `planlint.toml` it finds
/// from the working directory upward (`config-error`), nor the file given to
/// `--baseline`.
const BINARY_ONLY: &[(&str, &[&str])] = &[
    ("read-error", &[]),
    ("converted-encoding", &[]),
    ("config-error", &[]),
    ("invalid-baseline", &["--baseline", "baseline.json"]),
    ("stale-baseline-entry", &["--baseline", "baseline.json"]),
    ("write-error", &["--output-file", "json=out/findings.json"]),
];

fn dir(code: &str, kind: &str) -> PathBuf {
    fixtures().join("checks").join(code).join(kind)
}

fn fixture_pair(code: &str) {
    assert!(
        registry::lookup(code).is_some(),
        "`{code}` is not in the registry"
    );
    if let Some((_, args)) = BINARY_ONLY.iter().find(|(c, _)| *c == code) {
        return binary_fixture_pair(code, args);
    }
    let fail = check_dir(&dir(code, "fail"));
    assert!(
        fail.diagnostics.iter().any(|d| d.code == code),
        "the failing fixture of `{code}` does not report it:\n{}",
        plain(&fail)
    );
    insta::assert_snapshot!(code, plain(&fail));

    let pass = check_dir(&dir(code, "pass"));
    assert!(
        !pass.input_errors && pass.diagnostics.iter().all(|d| d.code != code),
        "the passing fixture of `{code}` should load cleanly and not report it:\n{}",
        plain(&pass)
    );
}

/// Copies the directory `from` into `to`, recursively.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("a fixture directory") {
        let path = entry.expect("a directory entry").path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy a fixture file");
        }
    }
}

/// Runs `planlint check ARGS` in a copy of the fixture directory (the
/// runs that write files must not write into the fixtures), which serves
/// as both the rules and the plans directory.
fn run_binary(code: &str, kind: &str, args: &[&str]) -> (Option<i32>, String) {
    let copy = tempfile::tempdir().expect("a temporary directory");
    copy_dir(&dir(code, kind), copy.path());
    let output = crate::support::planlint()
        .current_dir(copy.path())
        .args(["check", "--rules", ".", "--plans", ".", "--format", "plain"])
        .args(["--as-of", "2025-01-01"])
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("planlint runs");
    let text = format!(
        "exit status: {:?}\n--- stdout\n{}--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code(), text)
}

/// An input error stops the run (exit 2); the failing fixture of a finding
/// has that finding only, below the default fail level.
fn binary_fixture_pair(code: &str, args: &[&str]) {
    let input = registry::INPUT_CODES.iter().any(|c| c.code == code);
    let (status, text) = run_binary(code, "fail", args);
    assert_eq!(status, Some(if input { 2 } else { 0 }), "{text}");
    assert!(text.contains(&format!("[{code}]")), "{text}");
    insta::assert_snapshot!(code, text);

    let (status, text) = run_binary(code, "pass", args);
    assert_ne!(status, Some(2), "{text}");
    assert!(!text.contains(&format!("[{code}]")), "{text}");
}

macro_rules! fixture_pairs {
    ($($name:ident => $code:literal,)*) => {
        /// Every code that has a fixture test below.
        const TESTED: &[&str] = &[$($code),*];
        $(
            #[test]
            fn $name() {
                fixture_pair($code);
            }
        )*
    };
}

fixture_pairs! {
    read_error => "read-error",
    converted_encoding => "converted-encoding",
    empty_file => "empty-file",
    invalid_baseline => "invalid-baseline",
    config_error => "config-error",
    syntax_error => "syntax-error",
    unknown_keyword => "unknown-keyword",
    invalid_value => "invalid-value",
    missing_property => "missing-property",
    duplicate_property => "duplicate-property",
    duplicate_document => "duplicate-document",
    misplaced_statement => "misplaced-statement",
    missing_document => "missing-document",
    duplicate_id => "duplicate-id",
    unknown_reference => "unknown-reference",
    cycle => "cycle",
    foreign_link => "foreign-link",
    omitted_obligation => "omitted-obligation",
    undercut_target => "undercut-target",
    unstated_quantity => "unstated-quantity",
    incomparable_units => "incomparable-units",
    unapportionable_quantity => "unapportionable-quantity",
    dropped_element => "dropped-element",
    superseded_basis => "superseded-basis",
    text_figure_mismatch => "text-figure-mismatch",
    weakened_commitment => "weakened-commitment",
    missing_responsible_unit => "missing-responsible-unit",
    exemption_without_reason => "exemption-without-reason",
    non_exemptible_obligation => "non-exemptible-obligation",
    contradictory_exemption => "contradictory-exemption",
    unused_exemption => "unused-exemption",
    expired_exemption => "expired-exemption",
    duplicate_plan => "duplicate-plan",
    roll_up_shortfall => "roll-up-shortfall",
    roll_up_incomplete => "roll-up-incomplete",
    unused_suppression => "unused-suppression",
    stale_baseline_entry => "stale-baseline-entry",
    write_error => "write-error",
}

#[test]
fn every_registry_code_has_a_fixture_pair() {
    let registered: BTreeSet<&str> = registry::all_codes().map(|c| c.code).collect();
    let tested: BTreeSet<&str> = TESTED.iter().copied().collect();
    assert_eq!(
        registered, tested,
        "codes without a fixture test, or tests of unknown codes"
    );
    for code in &registered {
        for kind in ["fail", "pass"] {
            let d = dir(code, kind);
            assert!(
                d.is_dir() && !plan_files(&d).is_empty(),
                "`{code}` has no {kind} fixture in {}",
                d.display()
            );
        }
    }
    let on_disk: BTreeSet<String> = std::fs::read_dir(fixtures().join("checks"))
        .expect("tests/fixtures/checks")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let registered: BTreeSet<String> = registered.iter().map(|c| c.to_string()).collect();
    assert_eq!(
        on_disk, registered,
        "fixture directories named after no code"
    );
}
