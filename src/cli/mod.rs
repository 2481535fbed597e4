//! The command line: arguments and one module per subcommand. Everything
//! that touches files, terminals and exit codes lives here, not in the
//! library.

mod check;
mod explain;
pub mod files;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use planlint::syntax::value::{self, Date};

#[derive(Parser)]
#[command(
    name = "planlint",
    version,
    about = "Checks local government plans against the higher-level plans they must carry out"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check plans against the documents they carry out.
    ///
    /// With no paths, loads `rules/` and `plans/` and checks every document
    /// that carries out another. With paths, checks the documents in those
    /// files (or directories); their higher documents still come from the
    /// rules directory.
    Check(CheckArgs),
    /// Print the documentation of a diagnostic code.
    Explain {
        /// A code such as `omitted-obligation`.
        code: String,
    },
    /// List every diagnostic code with its default severity.
    Codes,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Plan files or directories to check.
    pub paths: Vec<PathBuf>,
    /// Where the higher documents and jurisdictions live.
    #[arg(long, default_value = "rules")]
    pub rules: PathBuf,
    /// Where the plans live (used when no paths are given).
    #[arg(long, default_value = "plans")]
    pub plans: PathBuf,
    /// Output format; by default `human` on a terminal, `plain` otherwise.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The date expiry is judged against (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Width of human output, in columns.
    #[arg(long, default_value_t = 100)]
    pub width: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette's graphical diagnostics.
    Human,
    /// Narratable text for screen readers and logs.
    Plain,
    /// The documented machine-readable result (docs/json.md).
    Json,
}

fn parse_date(s: &str) -> Result<Date, String> {
    value::date(s).map_err(|e| e.message)
}

/// Today's date (UTC).
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_unix_days((seconds / 86_400) as i64)
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Explain { code } => explain::explain(&code),
        Command::Codes => explain::codes(),
    }
}
