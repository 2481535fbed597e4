//! Reading a run's files for `report` and `graph`: the same selection as
//! `check` (no paths: `rules/` and `plans/`, every plan; paths: those plans,
//! their higher documents from `rules/`), checked, and refused with exit 2
//! when a file cannot be read or the model is invalid.

use std::path::{Path, PathBuf};

use planlint::check::registry::INPUT_CODES;
use planlint::check::{Context, Options};
use planlint::report::coverage::{self, Coverage, Headings};
use planlint::report::headings;
use planlint::report::human;
use planlint::syntax::value::Date;
use planlint::{Outcome, Selection, check};

use crate::cli::{files, parse_date, today};

/// Which files `report` and `graph` read, and the date they judge against.
#[derive(clap::Args)]
pub struct ProjectArgs {
    /// Plan files or directories (default: every plan).
    pub paths: Vec<PathBuf>,
    #[arg(long, default_value = "rules")]
    pub rules: PathBuf,
    #[arg(long, default_value = "plans")]
    pub plans: PathBuf,
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
    let files = match files::read_run(rules, plans, paths) {
        Ok(files) => files,
        Err(no_project) => {
            crate::cli::lang::say(no_project.message());
            return Err(());
        }
    };
    for e in &files.read_errors {
        crate::cli::lang::cannot_read("read-error", &e.path, &e.message);
    }
    if !files.read_errors.is_empty() {
        return Err(());
    }
    let selection = match &files.selected {
        None => Selection::All,
        Some(names) => Selection::Files(names),
    };
    let mut outcome = check(files.texts, selection, options);
    let lang = crate::cli::lang::get();
    for d in &mut outcome.diagnostics {
        d.localize(lang);
    }
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
    let headings = read_headings(&outcome, rules);
    let ctx = Context::new(&outcome.model, options, outcome.plans.iter().copied());
    let coverage = coverage::build(&ctx, &outcome.diagnostics, &headings);
    Ok(Checked { outcome, coverage })
}

/// Section titles of every document whose `source_text` can be read, as
/// written relative to the project (or to the rules directory's parent).
fn read_headings(outcome: &Outcome, rules: &Path) -> Headings {
    let mut headings = Headings::new();
    for doc in &outcome.model.documents {
        let Some(source) = &doc.decl.source_text else {
            continue;
        };
        let candidates = [
            PathBuf::from(source),
            rules.parent().unwrap_or(Path::new(".")).join(source),
        ];
        if let Some(file) = candidates.iter().find_map(|p| files::read(p).ok()) {
            headings.insert(doc.id().to_string(), headings::from_text(&file.text));
        }
    }
    headings
}
