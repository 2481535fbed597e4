//! The settings of a run: the project root and its `planlint.toml` (found
//! from the working directory upward by [`root::find`], or `--config`), the
//! severity flags, the fail level and the exit status they lead to.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use planlint::config::{self, Config, ConfigError, Level, Policy};
use planlint::diagnostic::{Diagnostic, Label, Severity};
use planlint::i18n::Msg;
use planlint::report::{RunSummary, drafter, human};
use planlint::source::{SourceFile, SourceMap, Span};

use crate::cli::{files, root};

/// Flags shared by `check` and `diff`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct PolicyArgs {
    /// The configuration file; by default `planlint.toml` in the working
    /// directory or the nearest directory above it.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Report CODE as an error (repeatable).
    #[arg(long, value_name = "CODE")]
    pub deny: Vec<String>,
    /// Report CODE as a warning (repeatable).
    #[arg(long, value_name = "CODE")]
    pub warn: Vec<String>,
    /// Do not report CODE (repeatable).
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
    /// Exit 1 when a finding is at this severity or above: error (default),
    /// warning or info.
    #[arg(long, value_name = "LEVEL")]
    pub fail_level: Option<String>,
    /// Exit 0 even when findings reach the fail level (input, usage and
    /// configuration errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
}

/// The settings in force.
#[derive(Clone)]
pub struct Settings {
    pub policy: Policy,
    pub fail_level: Severity,
    pub exit_zero: bool,
    /// The project root: the directory of the configuration file, or the
    /// directory holding `rules/` (the working directory outside any
    /// project). Paths in the configuration, the default `rules` and
    /// `plans`, and plan globs are relative to it.
    pub base: PathBuf,
    /// Whether `base` is a project root (found, or given by `--config`);
    /// false outside any project.
    pub in_project: bool,
    /// A file name that stands for another file when plan globs are
    /// matched: the old text of `diff --rev` (`HEAD:plans/x.plan`) is
    /// matched as the file it is a revision of.
    pub alias: Option<(String, PathBuf)>,
}

impl Settings {
    /// Reads the configuration and the flags; on error, reports it on
    /// standard error and returns the exit status 2.
    pub fn load(args: &PolicyArgs) -> Result<Settings, ExitCode> {
        let root = match &args.config {
            Some(_) => None,
            None => std::env::current_dir()
                .ok()
                .and_then(|cwd| root::find(&cwd)),
        };
        let in_project = args.config.is_some() || root.is_some();
        let found = match &args.config {
            Some(p) => Some(p.clone()),
            None => root.as_ref().and_then(|r| r.config.clone()),
        };
        let (config, base) = match &found {
            Some(path) => {
                let text = match files::read(path) {
                    Ok(f) => f.text,
                    Err(e) => {
                        crate::cli::lang::cannot_read("config-error", &e.path, &e.message);
                        return Err(ExitCode::from(2));
                    }
                };
                match Config::parse(&text) {
                    Ok(c) => (
                        c,
                        path.parent()
                            .filter(|p| !p.as_os_str().is_empty())
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| PathBuf::from(".")),
                    ),
                    Err(errors) => {
                        report_file_errors(path, &text, &errors);
                        return Err(ExitCode::from(2));
                    }
                }
            }
            None => (
                Config::default(),
                root.map_or_else(|| PathBuf::from("."), |r| r.dir),
            ),
        };
        let mut flags = BTreeMap::new();
        let mut errors = Vec::new();
        for (list, flag, level) in [
            (&args.deny, "--deny", Level::Report(Severity::Error)),
            (&args.warn, "--warn", Level::Report(Severity::Warning)),
            (&args.allow, "--allow", Level::Allow),
        ] {
            for code in list {
                if let Err(e) = config::overridable(code) {
                    errors.push(e);
                } else if flags.insert(code.clone(), level).is_some() {
                    errors.push(ConfigError {
                        message: Msg::FlagGivenTwice {
                            code: planlint::i18n::Id::new(code),
                            flag: flag.to_string(),
                        }
                        .into(),
                        span: None,
                        help: Some(Msg::HelpOneFlag {}.into()),
                    });
                }
            }
        }
        let fail_level = match &args.fail_level {
            Some(f) => match config::fail_level(f) {
                Ok(s) => s,
                Err(e) => {
                    errors.push(e);
                    Severity::Error
                }
            },
            None => config.fail_level.unwrap_or(Severity::Error),
        };
        if !errors.is_empty() {
            let lang = crate::cli::lang::get();
            for e in &errors {
                crate::cli::lang::say(match &e.help {
                    Some(help) => Msg::CliConfigErrorHelp {
                        code: "config-error".to_string(),
                        message: e.message.render(lang),
                        help: help.render(lang),
                    },
                    None => Msg::CliConfigError {
                        code: "config-error".to_string(),
                        message: e.message.render(lang),
                    },
                });
            }
            return Err(ExitCode::from(2));
        }
        Ok(Settings {
            policy: Policy { flags, config },
            fail_level,
            exit_zero: args.exit_zero,
            base,
            in_project,
            alias: None,
        })
    }

    /// A path from the configuration (relative to its directory), the
    /// flag when given, or the default.
    pub fn path(&self, flag: Option<&PathBuf>, configured: Option<&str>, default: &str) -> PathBuf {
        if let Some(p) = flag {
            return p.clone();
        }
        match configured {
            Some(c) => join(&self.base, Path::new(c)),
            None => join(&self.base, Path::new(default)),
        }
    }

    /// Where each named file sits in the project: its path relative to
    /// the configuration's directory, for the plan globs (the library
    /// applies them). A file outside the project is left out, and is
    /// matched by its name.
    pub fn project_paths<'a>(
        &self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> BTreeMap<String, String> {
        let base = std::fs::canonicalize(&self.base).unwrap_or_else(|_| self.base.clone());
        names
            .into_iter()
            .filter_map(|name| {
                let path = match &self.alias {
                    Some((alias, path)) if alias == name => path.as_path(),
                    _ => Path::new(name),
                };
                let relative = std::fs::canonicalize(path)
                    .ok()
                    .and_then(|p| p.strip_prefix(&base).ok().map(files::display))?;
                Some((name.to_string(), relative))
            })
            .collect()
    }

    /// The exit status: 2 for input errors, 1 for findings at or above the
    /// fail level (0 with `--exit-zero`), else 0.
    pub fn exit(&self, input_errors: bool, diagnostics: &[Diagnostic]) -> ExitCode {
        if input_errors {
            ExitCode::from(2)
        } else if !self.exit_zero && diagnostics.iter().any(|d| d.severity >= self.fail_level) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn join(base: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() || base == Path::new(".") {
        path.to_path_buf()
    } else {
        base.join(path)
    }
}

/// Errors in the configuration file, rendered with their snippets.
fn report_file_errors(path: &Path, text: &str, errors: &[ConfigError]) {
    let mut sources = SourceMap::default();
    let file = sources.add(SourceFile::new(files::display(path), text.to_string()));
    let diagnostics: Vec<Diagnostic> = errors
        .iter()
        .map(|e| {
            let span = e.span.unwrap_or(Span::point(0));
            let mut d = Diagnostic::new(
                "config-error",
                Severity::Error,
                e.message.clone(),
                Label::new(file, span, Msg::LabelHere {}),
            );
            if let Some(help) = &e.help {
                d.set_help(help.clone());
            }
            d.localize(crate::cli::lang::get());
            d
        })
        .collect();
    let summary = RunSummary {
        files: 1,
        lang: crate::cli::lang::get(),
        ..RunSummary::default()
    };
    let options = drafter::Options {
        style: human::Style::Plain,
        width: 100,
        show_advisory: true,
    };
    let text = drafter::render(&diagnostics, &sources, &summary, options);
    eprint!("{text}");
}
