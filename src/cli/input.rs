//! Reading a run's files for `report` and `graph`: the same selection as
//! `check` (no paths: `rules/` and `plans/`, every plan; paths: those plans,
//! their higher documents from `rules/`), checked, and refused with exit 2
//! when a file cannot be read or the model is invalid. The findings keep
//! the severities their checks gave (no `planlint.toml` severities, no
//! baseline) and no encoding notes.

use std::path::{Path, PathBuf};

use planlint::Outcome;
use planlint::check::registry::INPUT_CODES;
use planlint::check::{Context, Options};
use planlint::coverage::headings;
use planlint::coverage::{self, Coverage, Headings};
use planlint::i18n::{Id, Msg};
use planlint::report::human;
use planlint::syntax::value::Date;
use planlint::workspace::{self, Settings as RunSettings, Workspace};

use crate::cli::run::project_dirs;
use crate::cli::settings::{PolicyArgs, Settings};
use crate::cli::{files, parse_date, today};

/// Which files `report` and `graph` read, and the date they judge against.
#[derive(clap::Args)]
pub struct ProjectArgs {
    /// Plan files or directories (default: every plan).
    pub paths: Vec<PathBuf>,
    /// Where the higher documents and jurisdictions live [default: `rules`
    /// at the project root, or `rules` of planlint.toml].
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Where the plans live, used when no paths are given [default: `plans`
    /// at the project root, or `plans` of planlint.toml].
    #[arg(long)]
    pub plans: Option<PathBuf>,
    /// The date expiry is judged against (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// A checked run and its coverage model.
pub struct Checked {
    pub outcome: Outcome,
    pub coverage: Coverage,
}

/// Reads, checks and builds the coverage model; on failure prints why to
/// stderr and returns `Err`, for exit status 2.
pub fn load(project: &ProjectArgs) -> Result<Checked, ()> {
    let ProjectArgs {
        paths,
        rules,
        plans,
        as_of,
    } = project;
    let options = Options {
        as_of: as_of.unwrap_or_else(today),
    };
    // Only the project root and the directories of `planlint.toml` count
    // here: a report shows every finding at its default severity.
    let settings = Settings::load(&PolicyArgs::default()).map_err(|_| ())?;
    let (rules, plans) = project_dirs(rules.as_ref(), plans.as_ref(), &settings, !paths.is_empty())
        .map_err(|_| ())?;
    let files = files::read_run(&rules, &plans, paths);
    for e in &files.read_errors {
        crate::cli::lang::cannot_read("read-error", &e.path, &e.message);
    }
    if !files.read_errors.is_empty() {
        return Err(());
    }
    let lang = crate::cli::lang::get();
    let workspace = Workspace {
        texts: files.texts,
        selected: files.selected,
        ..Workspace::default()
    };
    let run_settings = RunSettings {
        policy: None,
        options,
        lang: Some(lang),
        owed: false,
        coverage: false,
    };
    let outcome = workspace::run(workspace, &run_settings, None).outcome;
    if outcome.input_errors {
        let summary = planlint::report::RunSummary {
            files: outcome.model.sources.len(),
            plans: Vec::new(),
            lang,
            ..Default::default()
        };
        let input: Vec<_> = outcome
            .diagnostics
            .iter()
            .filter(|d| INPUT_CODES.iter().any(|c| c.code == d.code))
            .cloned()
            .collect();
        let options = planlint::report::drafter::Options {
            style: human::Style::Plain,
            width: 100,
            show_advisory: true,
        };
        eprint!(
            "{}",
            planlint::report::drafter::render(&input, &outcome.model.sources, &summary, options)
        );
        crate::cli::lang::say(planlint::i18n::Msg::CliInputErrorsReport {});
        return Err(());
    }
    let root = if settings.in_project {
        settings.base.clone()
    } else {
        // Outside any project, `--rules` names the rules: their parent
        // stands for the project.
        rules
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    let headings = read_headings(&outcome, &root);
    let ctx = Context::new(&outcome.model, options, outcome.plans.iter().copied());
    let coverage = coverage::build(&ctx, &outcome.diagnostics, &headings);
    Ok(Checked { outcome, coverage })
}

/// Section titles of every document whose `source_text` can be read. A
/// `source_text` is relative to the project root and must stay inside it;
/// one that leaves it (`../../secret`, `/etc/passwd`), or names what is
/// not a regular file or is too large, is not read: a warning says why and
/// the report shows no headings for that document.
fn read_headings(outcome: &Outcome, root: &Path) -> Headings {
    let mut headings = Headings::new();
    for doc in &outcome.model.documents {
        let Some(source) = &doc.decl.source_text else {
            continue;
        };
        match read_source_text(root, &source.value) {
            Ok(file) => {
                headings.insert(doc.id().to_string(), headings::from_text(&file.text));
            }
            Err(reason) => {
                let file = outcome.model.sources.get(doc.file);
                let (line, column) = file.line_col(source.span.start);
                crate::cli::lang::say(Msg::CliSourceTextNotRead {
                    place: format!("{}:{line}:{column}", file.name),
                    path: Id::new(&source.value),
                    reason,
                    document: Id::new(doc.id()),
                });
            }
        }
    }
    headings
}

/// Reads a `source_text` named relative to the project root `root`,
/// refusing a path that leads outside it (after symbolic links are
/// followed); [`files::read`] refuses what is not a regular file or is over
/// the size limit.
fn read_source_text(root: &Path, source: &str) -> Result<files::ReadFile, String> {
    let relative = Path::new(source);
    if relative.is_absolute() {
        return Err(crate::cli::lang::text(Msg::SourceTextAbsolute {}));
    }
    let path = root.join(relative);
    let outside = || {
        crate::cli::lang::text(Msg::SourceTextOutside {
            root: Id::new(files::display(root)),
        })
    };
    let root = std::fs::canonicalize(root).map_err(|e| crate::cli::lang::io_reason(&e))?;
    match std::fs::canonicalize(&path) {
        Ok(resolved) if !resolved.starts_with(&root) => return Err(outside()),
        Ok(_) => {}
        // A path that does not resolve may still climb out by name.
        Err(_)
            if relative
                .components()
                .any(|c| c == std::path::Component::ParentDir) =>
        {
            return Err(outside());
        }
        Err(e) => return Err(crate::cli::lang::io_reason(&e)),
    }
    files::read(&path).map_err(|e| e.message)
}
