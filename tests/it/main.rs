//! The one integration-test binary: the parser corpus, one fixture pair per
//! diagnostic code, the command line through the real binary, the real
//! cascade, and the CI outputs.

mod cascade;
mod checks;
mod ci;
mod cli;
mod parser;
mod properties;
mod robustness;
mod support;
