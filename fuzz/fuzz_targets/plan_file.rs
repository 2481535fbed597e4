//! Fuzz target: one file read as a plan and checked against the real
//! bundled rules, every format rendered.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planlint::Selection;

#[path = "common.rs"]
mod common;

fuzz_target!(|bytes: &[u8]| {
    let Some(text) = common::text(bytes) else {
        return;
    };
    let name = "plans/fuzz.plan".to_string();
    let mut files = common::real_rules().to_vec();
    files.push((name.clone(), text));
    common::run(&files, Selection::Files(&[name]));
});
