//! The one integration-test binary: the parser corpus, one fixture pair per
//! diagnostic code, the command line through the real binary, and the
//! reviewers' report.

mod cascade;
mod checks;
mod cli;
mod parser;
mod report;
mod support;
