//! The `planlint` command: parse arguments, hand over to the subcommand,
//! map its outcome to an exit status.
//!
//! Exit status: 0 no finding at error severity; 1 findings at error
//! severity; 2 a usage error, a file that could not be read or parsed, or
//! an invalid model (duplicate ids, unknown references, cycles).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    cli::run(cli::Cli::parse())
}
