//! `planlint diff OLD NEW` and `planlint diff --rev REV PATH`: what a
//! revision of a plan changes in compliance. The old text of `--rev` comes
//! from `git show REV:./FILE`, run in the file's directory.

use planlint::i18n::{Id, Msg};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;

use planlint::diff::{self, Diff};

use crate::cli::files;
use crate::cli::files::Files;
use crate::cli::lang::text;
use crate::cli::run::{Checked, InputArgs, check_texts, read_files, same_file};
use crate::cli::settings::Settings;
use crate::cli::stdout;

#[derive(clap::Args, Debug, Clone)]
pub struct DiffArgs {
    /// OLD and NEW plan files; with `--rev`, the one file to compare.
    #[arg(num_args = 1..=2, required = true)]
    pub files: Vec<PathBuf>,
    /// Compare the file with its version at this git revision (e.g. `HEAD`,
    /// `origin/main`).
    #[arg(long, value_name = "GITREV")]
    pub rev: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Plain)]
    pub format: DiffFormat,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Sections of plain text.
    Plain,
    /// The diff as one JSON object.
    Json,
}

pub fn run(args: DiffArgs) -> ExitCode {
    let (old_path, new_path) = match (&args.rev, args.files.as_slice()) {
        (None, [old, new]) => (Some(old.clone()), new.clone()),
        (Some(_), [new]) => (None, new.clone()),
        (None, _) => {
            crate::cli::lang::say(Msg::CliDiffArguments {});
            return ExitCode::from(2);
        }
        (Some(_), _) => {
            crate::cli::lang::say(Msg::CliDiffRevOneFile {});
            return ExitCode::from(2);
        }
    };
    let settings = match Settings::load(&args.input.policy) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let new_files = match read_files(&args.input, &settings, std::slice::from_ref(&new_path)) {
        Ok(f) => without(f, old_path.as_deref(), &new_path),
        Err(code) => return code,
    };
    let (old_files, old_name) = match (&old_path, &args.rev) {
        (Some(old), _) => match read_files(&args.input, &settings, std::slice::from_ref(old)) {
            Ok(f) => (without(f, Some(&new_path), old), files::display(old)),
            Err(code) => return code,
        },
        (None, Some(rev)) => match git_show(rev, &new_path) {
            Ok(file) => {
                let name = format!("{rev}:{}", files::display(&new_path));
                (replaced(&new_files, &new_path, &name, file), name)
            }
            Err(message) => {
                crate::cli::lang::say(Msg::CliGitFailed { message });
                return ExitCode::from(2);
            }
        },
        (None, None) => return ExitCode::from(2),
    };
    let new_name = files::display(&new_path);
    let mut old_settings = settings.clone();
    if args.rev.is_some() {
        old_settings.alias = Some((old_name.clone(), new_path.clone()));
    }
    let lang = Some(crate::cli::lang::get());
    let old = check_texts(
        &args.input,
        old_settings,
        old_files,
        None,
        lang,
        false,
        false,
    );
    let new = check_texts(&args.input, settings, new_files, None, lang, false, false);
    for (checked, name) in [(&old, &old_name), (&new, &new_name)] {
        checked.report_read_errors();
        if checked.outcome.input_errors || !checked.read_errors.is_empty() {
            crate::cli::lang::say(Msg::CliDiffInputErrors {
                name: planlint::i18n::Id::new(name),
            });
            return ExitCode::from(2);
        }
    }
    let d = diff::diff(
        &old.outcome,
        &old.outcome.diagnostics,
        &new.outcome,
        &new.outcome.diagnostics,
        new.options,
    );
    let text = match args.format {
        DiffFormat::Plain => diff::render(&d, &old_name, &new_name, crate::cli::lang::get()),
        DiffFormat::Json => {
            let mut t = serde_json::to_string_pretty(&d).unwrap_or_default();
            t.push('\n');
            t
        }
    };
    stdout::print(&text);
    exit(&new, &d)
}

/// 1 when the revision introduces a finding at or above the fail level
/// (0 with `--exit-zero`).
fn exit(new: &Checked, d: &Diff) -> ExitCode {
    let settings = &new.settings;
    let failing = d
        .introduced
        .iter()
        .filter(|f| f.severity >= settings.fail_level)
        .count();
    if failing > 0 {
        let level = settings.fail_level;
        crate::cli::lang::say(match failing {
            1 => Msg::CliDiffIntroducesOne { level },
            count => Msg::CliDiffIntroduces { count, level },
        });
    }
    if failing > 0 && !settings.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The files of one side without the other side's plan file (when it sits
/// in the rules directory, both would be loaded otherwise).
fn without(mut f: Files, other: Option<&Path>, keep: &Path) -> Files {
    if let Some(other) = other {
        let other_name = files::display(other);
        let keep_name = files::display(keep);
        f.texts.retain(|(name, _)| {
            *name == keep_name || (*name != other_name && !same_file(Path::new(name), other))
        });
    }
    f
}

/// The files of the new side with the plan's text replaced by `file`'s,
/// named `name`.
fn replaced(f: &Files, path: &Path, name: &str, file: files::ReadFile) -> Files {
    let path_name = files::display(path);
    let mut texts: Vec<(String, Arc<str>)> = f
        .texts
        .iter()
        .filter(|(n, _)| *n != path_name)
        .cloned()
        .collect();
    texts.push((name.to_string(), file.text));
    let converted = if file.encoding.is_converted() {
        vec![(name.to_string(), file.encoding)]
    } else {
        Vec::new()
    };
    Files {
        texts,
        selected: Some(vec![name.to_string()]),
        read_errors: Vec::new(),
        converted,
    }
}

/// The text of `path` at git revision `rev`, read as a file from disk is
/// (the size limit, the encodings). A revision that starts with `-` is
/// refused: git would take it for an option (`--output=FILE` writes a
/// file). `--end-of-options` makes git read it as a revision in any case.
fn git_show(rev: &str, path: &Path) -> Result<files::ReadFile, String> {
    if rev.starts_with('-') {
        return Err(format!(
            "`{rev}` is not a revision: it starts with `-`; name a commit, branch or tag such as `HEAD`"
        ));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            text(Msg::GitNotAFile {
                path: Id::new(files::display(path)),
            })
        })?;
    let shown = format!("`git show {rev}:{}`", files::display(path));
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["--no-pager", "show", "--no-textconv", "--end-of-options"])
        .arg(format!("{rev}:./{name}"))
        .arg("--")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            text(Msg::GitCannotRun {
                reason: crate::cli::lang::io_reason(&e),
            })
        })?;
    let Some(stdout) = child.stdout.take() else {
        let _ = child.kill();
        let closed = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        return Err(text(Msg::GitCannotRun {
            reason: crate::cli::lang::io_reason(&closed),
        }));
    };
    // Read at most the size limit: a huge committed file is refused
    // without being held in memory, and git is stopped.
    let read = files::read_from(stdout, 0, path);
    if read.is_err() {
        let _ = child.kill();
    }
    let output = child.wait_with_output().map_err(|e| {
        text(Msg::GitShowFailed {
            command: shown.clone(),
            reason: crate::cli::lang::io_reason(&e),
        })
    })?;
    if read.is_ok() && !output.status.success() {
        return Err(text(Msg::GitShowFailed {
            command: shown,
            reason: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        }));
    }
    read.map_err(|e| {
        text(Msg::GitCannotReadAt {
            path: Id::new(files::display(path)),
            rev: Id::new(rev),
            reason: e,
        })
    })
}
