//! The `planlint` command: parse arguments, hand over to the subcommand,
//! map its outcome to an exit status.
//!
//! Exit status: 0 no finding at error severity; 1 findings at error
//! severity; 2 a usage error, a file that could not be read or parsed, or
//! an invalid model (duplicate ids, unknown references, cycles).

mod alloc;
mod cli;
mod server;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: a national run makes millions
/// of small allocations from two threads, where glibc's malloc spent a
/// fifth of the time (docs/performance.md).
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

fn main() -> ExitCode {
    cli::run(cli::Cli::parse())
}
