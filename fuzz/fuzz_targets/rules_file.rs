//! Fuzz target: one file read as a rules file on its own (decode, parse,
//! load, validate), every format rendered.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planlint::Selection;

#[path = "common.rs"]
#[allow(
    dead_code,
    reason = "this target reads one file alone and needs no real rules"
)]
mod common;

fuzz_target!(|bytes: &[u8]| {
    if let Some(text) = common::text(bytes) {
        common::run(&[("rules/fuzz.plan".to_string(), text)], Selection::All);
    }
});
