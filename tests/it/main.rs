//! The one integration-test binary: the parser corpus, one fixture pair per
//! diagnostic code, the command line through the real binary, the real
//! cascade, the CI outputs, the reviewers' report, the generated cascade and
//! the parallel pipeline.

mod cascade;
mod checks;
mod ci;
mod cli;
mod counts;
mod escaping;
mod format;
#[cfg(feature = "generate")]
mod generated;
mod hardening;
mod import;
mod lsp;
mod owed;
#[cfg(feature = "generate")]
mod parallel;
mod parser;
mod properties;
mod report;
mod robustness;
mod support;
mod tables;
mod watch;
mod zh;
