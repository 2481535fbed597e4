//! What `check`, `baseline` and `diff` share: the input flags, finding and
//! reading the files, and handing them to the library's one entry point
//! ([`planlint::workspace::run`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use planlint::Outcome;
use planlint::check::Options;
use planlint::i18n::{Id, Lang, Msg};
use planlint::report::RunSummary;
use planlint::syntax::value::Date;
use planlint::workspace::{self, BaselineFile, Settings as RunSettings, Unread, Workspace};

use crate::cli::files::{self, Files, ReadError};
use crate::cli::settings::{PolicyArgs, Settings};
use crate::cli::{parse_date, today};

/// Where the documents are, the date, and the severity flags.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Where the higher documents and jurisdictions live [default: `rules`,
    /// or `rules` of planlint.toml].
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Where the plans live, used when no paths are given [default: `plans`,
    /// or `plans` of planlint.toml].
    #[arg(long)]
    pub plans: Option<PathBuf>,
    /// The date expiry is judged against (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<Date>,
    #[command(flatten)]
    pub policy: PolicyArgs,
}

/// A checked run, severities applied.
pub struct Checked {
    pub settings: Settings,
    pub outcome: Outcome,
    pub summary: RunSummary,
    pub options: Options,
    pub read_errors: Vec<ReadError>,
}

impl Checked {
    /// Prints the files that could not be read.
    pub fn report_read_errors(&self) {
        for e in &self.read_errors {
            crate::cli::lang::cannot_read("read-error", &e.path, &e.message);
        }
    }
}

/// Loads the settings, reads the files (the rules and `paths`, or the
/// rules and the plans) and checks them, with no baseline.
pub fn check_paths(input: &InputArgs, paths: &[PathBuf]) -> Result<Checked, ExitCode> {
    let settings = Settings::load(&input.policy)?;
    let files = read_files(input, &settings, paths)?;
    Ok(check_texts(
        input, settings, files, None, None, false, false,
    ))
}

/// The rules and plans directories of a run: the flag, else the key of
/// `planlint.toml`, else `rules` and `plans` at the project root. Outside
/// any project without `--rules`, or when a directory given or configured
/// does not exist, says so on stderr and returns the exit status 2 (a
/// missing plans directory used to pass with its plans' findings gone).
/// The plans directory is only read without paths; a default `plans/`
/// that does not exist holds no plans.
pub fn project_dirs(
    rules_flag: Option<&PathBuf>,
    plans_flag: Option<&PathBuf>,
    settings: &Settings,
    paths_given: bool,
) -> Result<(PathBuf, PathBuf), ExitCode> {
    if rules_flag.is_none() && !settings.in_project {
        crate::cli::lang::say(Msg::CliNotInProject {});
        return Err(ExitCode::from(2));
    }
    let config = &settings.policy.config;
    let rules = settings.path(rules_flag, config.rules.as_deref(), "rules");
    let plans = settings.path(plans_flag, config.plans.as_deref(), "plans");
    let rules_from = match (rules_flag, &config.rules) {
        (Some(_), _) => Some(Msg::DirGivenBy {
            flag: Id::new("--rules"),
        }),
        (None, Some(_)) => Some(Msg::DirSetBy {
            key: Id::new("rules"),
        }),
        (None, None) => Some(Msg::DirDefaultRules {}),
    };
    let plans_from = match (plans_flag, &config.plans) {
        _ if paths_given => None,
        (Some(_), _) => Some(Msg::DirGivenBy {
            flag: Id::new("--plans"),
        }),
        (None, Some(_)) => Some(Msg::DirSetBy {
            key: Id::new("plans"),
        }),
        (None, None) => None,
    };
    let mut missing = false;
    for (dir, what, from) in [
        (&rules, Msg::DirRules {}, rules_from),
        (&plans, Msg::DirPlans {}, plans_from),
    ] {
        if let Some(from) = from
            && !dir.exists()
        {
            let reason = crate::cli::lang::text(Msg::DirMissing {
                what: Box::new(what),
                from: Box::new(from),
            });
            crate::cli::lang::cannot_read("read-error", &files::display(dir), &reason);
            missing = true;
        }
    }
    if missing {
        return Err(ExitCode::from(2));
    }
    Ok((rules, plans))
}

/// Finds and reads the rules and the plans (or only `paths`).
pub fn read_files(
    input: &InputArgs,
    settings: &Settings,
    paths_given: &[PathBuf],
) -> Result<Files, ExitCode> {
    let (rules, plans) = project_dirs(
        input.rules.as_ref(),
        input.plans.as_ref(),
        settings,
        !paths_given.is_empty(),
    )?;
    Ok(files::read_run(&rules, &plans, paths_given))
}

/// Runs the library on read files: the settings, and the baseline when
/// one is given; `lang`: the language of the messages (`None`: as the
/// checks wrote them); `owed`: whether the summary works out what each
/// plan owes (only `junit` shows it); `coverage`: whether it holds each
/// plan's coverage counts (only `json` shows them).
pub fn check_texts(
    input: &InputArgs,
    settings: Settings,
    files: Files,
    baseline: Option<BaselineFile>,
    lang: Option<Lang>,
    owed: bool,
    coverage: bool,
) -> Checked {
    let options = Options {
        as_of: input.as_of.unwrap_or_else(today),
    };
    let names = files
        .texts
        .iter()
        .map(|(name, _)| name.as_str())
        .chain(files.read_errors.iter().map(|e| e.path.as_str()))
        .chain(baseline.iter().map(|b| b.name()));
    let project_paths = settings.project_paths(names);
    let workspace = Workspace {
        texts: files.texts,
        selected: files.selected,
        unread: files
            .read_errors
            .iter()
            .map(|e| Unread {
                path: e.path.clone(),
                message: e.message.clone(),
            })
            .collect(),
        converted: files.converted,
        project_paths,
    };
    let run_settings = RunSettings {
        policy: Some(settings.policy.clone()),
        options,
        lang,
        owed,
        coverage,
    };
    let run = workspace::run(workspace, &run_settings, baseline);
    Checked {
        settings,
        outcome: run.outcome,
        summary: run.summary,
        options,
        read_errors: files.read_errors,
    }
}

pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
