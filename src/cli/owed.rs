//! `planlint owed JURISDICTION|PLAN`: reads `rules/` (and the plan), asks
//! the library what is owed, prints it. Exit 0 when printed; 2 when the
//! input cannot be read or the jurisdiction, document or plan is unknown.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use planlint::check::Options;
use planlint::owed::{self, OwedError, Subject};
use planlint::workspace::{Settings, Workspace};

use crate::cli::{files, output, parse_date, today};
use planlint::i18n::Msg;

#[derive(clap::Args)]
pub struct OwedArgs {
    /// A jurisdiction (`cn.bj.dongcheng`, `东城区`, `东城`) or a plan file.
    pub subject: String,
    /// The documents it would carry out (repeatable); default: every
    /// document of the rules issued above it whose obligations bind its rank.
    #[arg(long, value_name = "DOCUMENT")]
    pub carries_out: Vec<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: OwedFormat,
    #[arg(long, default_value = "rules")]
    pub rules: PathBuf,
    /// The date expiry is judged against (YYYY-MM-DD); default today.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<planlint::syntax::value::Date>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OwedFormat {
    Human,
    Plain,
    /// The documented JSON (docs/json.md).
    Json,
    /// A starter plan file to fill in.
    Plan,
}

pub fn run(args: OwedArgs) -> ExitCode {
    let mut errors = Vec::new();
    let mut collected = files::Collected::default();
    files::collect(&args.rules, &mut collected, &mut errors);
    let plan_path = Path::new(&args.subject);
    let is_plan = args.subject.ends_with(&format!(".{}", files::EXTENSION)) || plan_path.is_file();
    if is_plan {
        files::collect(plan_path, &mut collected, &mut errors);
    }
    let texts = files::read_all(&collected.paths, &mut errors)
        .into_iter()
        .map(|(name, file)| (name, file.text))
        .collect();
    if !errors.is_empty() {
        for e in &errors {
            crate::cli::lang::cannot_read("read-error", &e.path, &e.message);
        }
        return ExitCode::from(2);
    }
    let file_name = files::display(plan_path);
    let subject = if is_plan {
        Subject::Plan { file: &file_name }
    } else {
        Subject::Jurisdiction {
            name: &args.subject,
            carries_out: &args.carries_out,
        }
    };
    let as_of = args.as_of.unwrap_or_else(today);
    let workspace = Workspace {
        texts,
        ..Workspace::default()
    };
    let settings = Settings {
        policy: None,
        options: Options { as_of },
        lang: Some(crate::cli::lang::get()),
        owed: false,
        coverage: false,
    };
    let result = match owed::owed(workspace, &settings, subject) {
        Ok(result) => result,
        Err(e) => return refused(&e),
    };
    let text = match args.format {
        OwedFormat::Human | OwedFormat::Plain => owed::text(&result, crate::cli::lang::get()),
        OwedFormat::Json => match serde_json::to_string_pretty(&result) {
            Ok(json) => json + "\n",
            Err(e) => {
                crate::cli::lang::say(Msg::CliCannotWriteJson {
                    reason: e.to_string(),
                });
                return ExitCode::from(2);
            }
        },
        OwedFormat::Plan => owed::starter_plan(&result, as_of, crate::cli::lang::get()),
    };
    match output::write(None, text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("planlint: {e}");
            ExitCode::from(2)
        }
    }
}

fn refused(e: &OwedError) -> ExitCode {
    crate::cli::lang::say(planlint::i18n::Msg::OwedRefused {
        message: Box::new(e.message()),
        help: Box::new(e.help()),
    });
    ExitCode::from(2)
}
