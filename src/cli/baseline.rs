//! `planlint baseline`: write today's findings to a baseline file, which
//! `check --baseline` then takes out of the verdict.

use std::path::PathBuf;
use std::process::ExitCode;

use planlint::baseline::Baseline;

use crate::cli::files;
use crate::cli::run::{InputArgs, check_paths};
use crate::cli::stdout;

#[derive(clap::Args, Debug, Clone)]
pub struct BaselineArgs {
    /// Plan files or directories; by default every plan.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// The baseline file to write (replaced atomically).
    #[arg(long, short, default_value = "planlint-baseline.json")]
    pub output: PathBuf,
}

pub fn run(args: BaselineArgs) -> ExitCode {
    let checked = match check_paths(&args.input, &args.paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    checked.report_read_errors();
    let outcome = &checked.outcome;
    if outcome.input_errors || !checked.read_errors.is_empty() {
        crate::cli::lang::say(planlint::i18n::Msg::CliInputErrorsBaseline {});
        return ExitCode::from(2);
    }
    let baseline = Baseline::of(&outcome.diagnostics, &outcome.model.sources);
    if let Err(e) = files::write_atomic(&args.output, &baseline.to_text()) {
        crate::cli::lang::cannot_write(&e.path, &e.message);
        return ExitCode::from(2);
    }
    let findings: usize = baseline.entries.iter().map(|e| e.count).sum();
    let written = planlint::i18n::Msg::CliBaselineWritten {
        entries: baseline.entries.len(),
        findings,
        path: planlint::i18n::Id::new(files::display(&args.output)),
    };
    stdout::print(&format!("{}\n", written.render(crate::cli::lang::get())));
    ExitCode::SUCCESS
}
