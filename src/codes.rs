//! The leaf that diagnostic codes are declared in when their module cannot
//! be imported by the registry: the code type, the input errors, and the
//! codes of the baseline and of suppressions. The registry
//! ([`crate::check::registry`]), the baseline and suppressions all import
//! it, and it imports none of them, so none of them forms an import
//! circle with the registry.

use crate::severity::Severity;

/// What a code means.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

const fn input(code: &'static str, summary: &'static str) -> CodeInfo {
    CodeInfo {
        code,
        severity: Severity::Error,
        summary,
    }
}

/// Codes reported while reading and loading files; any of them makes a run exit 2.
pub const INPUT_CODES: &[CodeInfo] = &[
    input("read-error", "a file could not be read or decoded"),
    input(
        "invalid-baseline",
        "the `--baseline` file cannot be read or is not a planlint baseline",
    ),
    input(
        "config-error",
        "`planlint.toml` is not valid: an unknown key, code, severity or glob",
    ),
    input(
        "write-error",
        "an output file (`--output-file`, a baseline, a report) could not be written",
    ),
    input(
        "syntax-error",
        "the text is not a well-formed statement, string or block",
    ),
    input(
        "unknown-keyword",
        "a keyword that the construct does not have",
    ),
    input(
        "invalid-value",
        "a value that does not read as what the keyword takes",
    ),
    input("missing-property", "a required property is missing"),
    input(
        "duplicate-property",
        "a property that takes one value is given twice",
    ),
    input(
        "duplicate-document",
        "a file declares more than one document",
    ),
    input("misplaced-statement", "a statement stands where it cannot"),
    input(
        "missing-document",
        "an obligation, item or exemption in a file without a document",
    ),
    input("duplicate-id", "two declarations share an id"),
    input(
        "unknown-reference",
        "a reference to an id that nothing declares",
    ),
    input(
        "cycle",
        "refinements, carries-out links or jurisdiction parents form a cycle",
    ),
    input(
        "foreign-link",
        "an item or exemption names an obligation of a document its plan does not carry out",
    ),
];

/// `unused-suppression`: a `suppress` statement that suppresses nothing
/// (reported by [`crate::suppress`]).
pub const UNUSED_SUPPRESSION: CodeInfo = CodeInfo {
    code: "unused-suppression",
    severity: Severity::Warning,
    summary: "a `suppress` statement in a plan suppresses no finding",
};

/// `stale-baseline-entry`: a baseline entry no current finding matches
/// (reported by [`crate::baseline`]).
pub const STALE_BASELINE_ENTRY: CodeInfo = CodeInfo {
    code: "stale-baseline-entry",
    severity: Severity::Warning,
    summary: "a baseline entry matches no current finding: remove it",
};
