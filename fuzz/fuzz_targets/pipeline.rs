//! Fuzz target: the whole pipeline over a pair of files, both fuzzed (the
//! input is split at its first NUL byte: a higher document, then a plan),
//! with the real jurisdictions beside them; every format is rendered, and
//! a second run must print the very same bytes.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planlint::Selection;

#[path = "common.rs"]
mod common;

fuzz_target!(|bytes: &[u8]| {
    let (higher, plan) = match bytes.iter().position(|&b| b == 0) {
        Some(i) => (&bytes[..i], &bytes[i + 1..]),
        None => (bytes, &[][..]),
    };
    let (Some(higher), Some(plan)) = (common::text(higher), common::text(plan)) else {
        return;
    };
    let mut files: Vec<(String, String)> = common::real_rules()
        .iter()
        .filter(|(name, _)| name.ends_with("jurisdictions.plan"))
        .cloned()
        .collect();
    files.push(("rules/higher.plan".to_string(), higher));
    files.push(("plans/plan.plan".to_string(), plan));
    let first = common::run(&files, Selection::All);
    let second = common::run(&files, Selection::All);
    assert!(
        first == second,
        "two runs over the same files printed different output"
    );
});
