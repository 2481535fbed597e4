//! The command line: arguments and one module per subcommand. Everything
//! that touches files, terminals and exit codes lives here, not in the
//! library.

mod baseline;
mod check;
mod diff;
mod emit;
mod explain;
pub mod files;
mod fmt;
#[cfg(feature = "generate")]
mod generate;
mod graph;
mod import;
mod input;
pub mod lang;
mod output;
mod owed;
mod report;
pub mod root;
mod run;
mod settings;
mod stdout;
mod watch;
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
    /// Language of messages and reports: zh or en [default: `lang` of
    /// planlint.toml, else the locale (LC_ALL, LC_MESSAGES, LANG), else en].
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
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
    Check(Box<CheckArgs>),
    /// Write today's findings to a baseline file.
    ///
    /// `check --baseline FILE` then reports only findings not in it, and
    /// entries that no longer occur. Entries are keyed on what a finding is
    /// about (plan, code, obligation), not on lines.
    Baseline(Box<baseline::BaselineArgs>),
    /// Say what a revision of a plan changes in compliance.
    ///
    /// `diff OLD NEW` compares two files; `diff --rev REV PATH` compares
    /// PATH with its version committed at REV (`git show`). Reports the
    /// findings introduced and resolved, obligations newly implemented or
    /// no longer implemented, and targets raised or lowered. Exits 1 when
    /// the revision introduces a finding at or above the fail level.
    Diff(Box<diff::DiffArgs>),
    /// Rewrite plan files in the one canonical layout.
    ///
    /// Indentation, spacing and line breaks only: comments, blank-line
    /// groups and every text stay as written. With `--check`, changes
    /// nothing, lists the files that would change and exits 1 if any. A
    /// file with syntax errors is left unchanged (exit 2).
    Fmt(fmt::FmtArgs),
    /// Print the documentation of a diagnostic code.
    Explain {
        /// A code such as `omitted-obligation`.
        code: String,
    },
    /// List every diagnostic code with its default severity.
    Codes,
    /// Write the reviewers' report: summary, coverage matrix, targets,
    /// 对照表, findings and the cascade graph, in one self-contained file.
    ///
    /// Exit 0 when the file is written, whatever the findings; 2 when it
    /// could not be (unreadable or invalid input, unwritable path).
    Report(ReportArgs),
    /// Export the cascade graph as DOT, Mermaid or SVG.
    Graph(GraphArgs),
    /// Read a plan as its drafter has it (.txt, .docx, .html) and write a draft in the
    /// plan language, or with `--as rules` a higher document's obligations.
    Import(Box<import::ImportArgs>),
    /// Say what a jurisdiction (or a plan) owes: every obligation that binds
    /// it, with its share of each owed figure; `--format plan` writes a
    /// starter plan.
    Owed(Box<owed::OwedArgs>),
    /// Run the language server on standard input and output (for editors;
    /// docs/editors.md).
    Lsp,
    /// Write a synthetic cascade with planted defects (for benchmarks).
    #[cfg(feature = "generate")]
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
}

#[derive(clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub project: input::ProjectArgs,
    /// Where to write; stdout when absent (not for xlsx).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "html")]
    pub format: ReportFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained page.
    Html,
    /// For a pull-request comment.
    Markdown,
    /// The 对照表 as a spreadsheet.
    Xlsx,
    /// The 对照表 as CSV (UTF-8 with BOM).
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for planlint::i18n::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => planlint::i18n::Lang::Zh,
            LangArg::En => planlint::i18n::Lang::En,
        }
    }
}

#[derive(clap::Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub project: input::ProjectArgs,
    /// Where to write; stdout when absent.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "svg")]
    pub format: GraphFormat,
    /// Documents only, or also obligations and items.
    #[arg(long, value_enum, default_value = "documents")]
    pub detail: GraphDetail,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
    Svg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphDetail {
    Documents,
    Obligations,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Plan files or directories to check.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub input: run::InputArgs,
    /// Output format; by default `human` on a terminal, `plain` otherwise.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Also write the report in FORMAT to PATH (repeatable), e.g.
    /// `--output-file sarif=planlint.sarif`.
    #[arg(long, value_name = "FORMAT=PATH", value_parser = emit::parse_output_file)]
    pub output_file: Vec<emit::OutputFile>,
    /// Report only findings not in this baseline (`planlint baseline`
    /// writes it), and the baseline's entries that no longer occur.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Width of human output, in columns.
    #[arg(long, default_value_t = 100)]
    pub width: usize,
    /// Check again whenever a plan file or `planlint.toml` changes, until
    /// Ctrl-C.
    #[arg(long)]
    pub watch: bool,
    /// In human and plain output, list advisory findings (about a higher
    /// document issued after the plan) one by one instead of one line per
    /// code.
    #[arg(long)]
    pub show_advisory: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette's graphical diagnostics.
    Human,
    /// Narratable text for screen readers and logs.
    Plain,
    /// One line per finding: `file:line:col: severity code message`.
    Concise,
    /// The documented machine-readable result (docs/json.md).
    Json,
    /// One JSON object per finding per line.
    JsonLines,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations (and a job summary).
    Github,
    /// GitLab code-quality JSON.
    Gitlab,
    /// JUnit XML, one test case per obligation × plan.
    Junit,
}

impl Format {
    pub const NAMES: &[&str] = &[
        "human",
        "plain",
        "concise",
        "json",
        "json-lines",
        "sarif",
        "github",
        "gitlab",
        "junit",
    ];
}

fn parse_date(s: &str) -> Result<Date, String> {
    value::date(s).map_err(|e| crate::cli::lang::text_of(&e.message))
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
    let config = match &cli.command {
        Command::Check(a) => a.input.policy.config.as_deref(),
        Command::Baseline(a) => a.input.policy.config.as_deref(),
        Command::Diff(a) => a.input.policy.config.as_deref(),
        _ => None,
    };
    lang::init(cli.lang.map(Into::into), config);
    match cli.command {
        Command::Check(args) if args.watch => watch::run(&args),
        Command::Check(args) => check::once(&args),
        Command::Baseline(args) => baseline::run(*args),
        Command::Diff(args) => diff::run(*args),
        Command::Fmt(args) => fmt::run(args),
        Command::Explain { code } => explain::explain(&code),
        Command::Codes => explain::codes(),
        Command::Report(args) => report::run(args),
        Command::Graph(args) => graph::run(args),
        #[cfg(feature = "generate")]
        Command::Generate(args) => generate::run(args),
        Command::Owed(args) => owed::run(*args),
        Command::Import(args) => import::run(*args),
        Command::Lsp => crate::server::run(cli.lang.map(Into::into)),
    }
}
