//! The one integration-test binary: the parser corpus, one fixture pair per
//! diagnostic code, the command line through the real binary, the real
//! cascade, the CI outputs and the reviewers' report.

mod cascade;
mod checks;
mod ci;
mod cli;
mod parser;
mod report;
mod support;
