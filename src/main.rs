//! The `planlint` command: parse arguments, read files, call the library,
//! print, and map the outcome to an exit status.
//!
//! Exit status: 0 no finding at error severity; 1 findings at error
//! severity; 2 a usage error, a file that could not be read or parsed, or
//! an invalid model (duplicate ids, unknown references, cycles).

mod files;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use planlint::check::{Options, registry};
use planlint::diagnostic::Severity;
use planlint::report::{self, RunSummary, human};
use planlint::syntax::value::{self, Date};
use planlint::{Selection, check};

#[derive(Parser)]
#[command(
    name = "planlint",
    version,
    about = "Checks local government plans against the higher-level plans they must carry out"
)]
struct Cli {
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
struct CheckArgs {
    /// Plan files or directories to check.
    paths: Vec<PathBuf>,
    /// Where the higher documents and jurisdictions live.
    #[arg(long, default_value = "rules")]
    rules: PathBuf,
    /// Where the plans live (used when no paths are given).
    #[arg(long, default_value = "plans")]
    plans: PathBuf,
    /// Output format; by default `human` on a terminal, `plain` otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The date expiry is judged against (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date)]
    as_of: Option<Date>,
    /// Width of human output, in columns.
    #[arg(long, default_value_t = 100)]
    width: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
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

fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_unix_days((seconds / 86_400) as i64)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Explain { code } => match registry::explanation(&code) {
            Some(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            None => {
                let codes = registry::all_codes().map(|c| c.code);
                let hint = planlint::syntax::lower::did_you_mean(&code, codes)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                eprintln!("planlint: unknown code `{code}`{hint} (`planlint codes` lists them)");
                ExitCode::from(2)
            }
        },
        Command::Codes => {
            for info in registry::all_codes() {
                println!(
                    "{:<28} {:<8} {}",
                    info.code,
                    info.severity.as_str(),
                    info.summary
                );
            }
            ExitCode::SUCCESS
        }
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let mut read_errors = Vec::new();
    let mut paths = Vec::new();
    let selected: Vec<PathBuf> = if args.paths.is_empty() {
        if !args.rules.exists() && !args.plans.exists() {
            eprintln!(
                "planlint: neither `{}` nor `{}` exists here; run from a project directory or name the files to check",
                files::display(&args.rules),
                files::display(&args.plans)
            );
            return ExitCode::from(2);
        }
        Vec::new()
    } else {
        let mut selected = Vec::new();
        for p in &args.paths {
            files::collect(p, &mut selected, &mut read_errors);
        }
        selected
    };
    if args.rules.exists() || !args.paths.is_empty() {
        files::collect(&args.rules, &mut paths, &mut read_errors);
    }
    if args.paths.is_empty() && args.plans.exists() {
        files::collect(&args.plans, &mut paths, &mut read_errors);
    }
    for p in &selected {
        if !paths.iter().any(|q| same_file(q, p)) {
            paths.push(p.clone());
        }
    }
    let mut texts = Vec::new();
    for p in &paths {
        match files::read(p) {
            Ok(text) => texts.push((files::display(p), text)),
            Err(e) => read_errors.push(e),
        }
    }
    let selected_names: Vec<String> = paths
        .iter()
        .filter(|p| selected.iter().any(|s| same_file(s, p)))
        .map(|p| files::display(p))
        .collect();
    let selection = if args.paths.is_empty() {
        Selection::All
    } else {
        Selection::Files(&selected_names)
    };
    let options = Options {
        as_of: args.as_of.unwrap_or_else(today),
    };
    let outcome = check(texts, selection, options);
    let summary = RunSummary {
        files: outcome.model.sources.len(),
        plans: outcome
            .plans
            .iter()
            .map(|&d| outcome.model.document(d).id().to_string())
            .collect(),
    };

    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let format = args.format.unwrap_or(if terminal && !no_color {
        Format::Human
    } else {
        Format::Plain
    });
    let text = match format {
        Format::Json => {
            report::json::render(&outcome.diagnostics, &outcome.model.sources, &summary)
        }
        Format::Human => human::render(
            &outcome.diagnostics,
            &outcome.model.sources,
            &summary,
            human::Style::Graphical {
                color: terminal && !no_color,
            },
            args.width,
        ),
        Format::Plain => human::render(
            &outcome.diagnostics,
            &outcome.model.sources,
            &summary,
            human::Style::Plain,
            args.width,
        ),
    };
    let mut lock = stdout.lock();
    let _ = lock.write_all(text.as_bytes());
    let _ = lock.flush();
    for e in &read_errors {
        eprintln!(
            "planlint: error[read-error]: cannot read `{}`: {}",
            e.path, e.message
        );
    }
    if !read_errors.is_empty() || outcome.input_errors {
        ExitCode::from(2)
    } else if outcome
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
