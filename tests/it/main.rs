//! The one integration-test binary: the parser corpus, one fixture pair per
//! diagnostic code, and the command line through the real binary.

mod cascade;
mod checks;
mod cli;
mod parser;
mod properties;
mod robustness;
mod support;
