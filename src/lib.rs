//! planlint checks local government plans against the higher-level plans
//! they must carry out.
//!
//! The pipeline runs in stages, one module each:
//!
//! 1. [`syntax`]: the text of one file → its typed tree and its errors;
//! 2. [`model`]: every file → one graph of documents, jurisdictions,
//!    obligations and plan items, validated;
//! 3. [`check`]: the graph → findings, one module per check;
//! 4. [`report`]: findings → human (miette), plain and JSON output.
//!
//! The library does no IO: callers hand it text with a file name. Reading
//! files, finding `rules/` and `plans/`, terminals and exit codes live in
//! the binary.

pub mod check;
pub mod diagnostic;
pub mod model;
pub mod report;
pub mod source;
pub mod syntax;
