//! One fixture pair per diagnostic code, under
//! `tests/fixtures/checks/<code>/{fail,pass}/`: each a small project (the
//! jurisdictions, a higher document, a plan). The failing one must report
//! the code, and its plain output is a reviewed snapshot; the passing one
//! must load cleanly and not report the code.

use std::collections::BTreeSet;
use std::path::PathBuf;

use assert_cmd::Command;

use planlint::check::registry;
use planlint::diagnostic::Severity;

use crate::support::{check_dir, fixtures, plain, plan_files};

/// Codes that only the binary reports, because the library is handed text
/// and never reads a file.
const BINARY_ONLY: &[&str] = &["read-error", "converted-encoding"];

fn dir(code: &str, kind: &str) -> PathBuf {
    fixtures().join("checks").join(code).join(kind)
}

fn fixture_pair(code: &str) {
    assert!(
        registry::lookup(code).is_some(),
        "`{code}` is not in the registry"
    );
    if BINARY_ONLY.contains(&code) {
        return binary_fixture_pair(code);
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

/// Runs `planlint check` in the fixture directory, which serves as both the
/// rules and the plans directory.
fn run_binary(code: &str, kind: &str) -> (Option<i32>, String) {
    let output = Command::cargo_bin("planlint")
        .expect("the planlint binary")
        .current_dir(dir(code, kind))
        .args(["check", "--rules", ".", "--plans", ".", "--format", "plain"])
        .args(["--as-of", "2025-01-01"])
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

fn binary_fixture_pair(code: &str) {
    let (status, text) = run_binary(code, "fail");
    // An error about the input exits 2; a note about it changes nothing.
    let input_error = registry::lookup(code).is_some_and(|c| c.severity == Severity::Error);
    assert_eq!(status == Some(2), input_error, "{text}");
    assert!(text.contains(&format!("[{code}]")), "{text}");
    insta::assert_snapshot!(code, text);

    let (status, text) = run_binary(code, "pass");
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
    missing_responsible_unit => "missing-responsible-unit",
    exemption_without_reason => "exemption-without-reason",
    non_exemptible_obligation => "non-exemptible-obligation",
    contradictory_exemption => "contradictory-exemption",
    unused_exemption => "unused-exemption",
    expired_exemption => "expired-exemption",
    roll_up_shortfall => "roll-up-shortfall",
    roll_up_incomplete => "roll-up-incomplete",
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
