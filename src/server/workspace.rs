//! The project the editor opened: its root, its settings, the files on
//! disk, and the workspace's texts handed to the library's one entry point.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use planlint::Outcome;
use planlint::check::Options;
use planlint::config::{self, Config, Policy};
use planlint::i18n::Lang;
use planlint::source::FileId;
use planlint::syntax::value::Date;
use planlint::workspace::{self, Settings as RunSettings, Unread, Workspace};

use crate::cli::files::{self, Collected, ReadError};
use crate::cli::root;

/// The project root for an editor opened at `start` (absolute): the one
/// upward search of the command line ([`root::find`]), else `start` itself.
pub fn find_root(start: &Path) -> PathBuf {
    root::find(start)
        .and_then(|r| {
            let up = r.dir.components().filter(|c| c.as_os_str() == "..").count();
            start.ancestors().nth(up)
        })
        .unwrap_or(start)
        .to_path_buf()
}

/// The settings of the project: `planlint.toml` at the root, if any.
#[derive(Default)]
pub struct Settings {
    pub config: Config,
    /// Why `planlint.toml` could not be used (its defaults are used instead).
    pub error: Option<String>,
}

impl Settings {
    pub fn load(root: &Path) -> Settings {
        let path = root.join(config::FILE_NAME);
        if !path.is_file() {
            return Settings::default();
        }
        let text = match files::read(&path) {
            Ok(f) => f.text,
            Err(e) => return Settings::invalid(format!("cannot read `{}`: {}", e.path, e.message)),
        };
        match Config::parse(&text) {
            Ok(config) => Settings {
                config,
                error: None,
            },
            Err(errors) => Settings::invalid(
                errors
                    .iter()
                    .map(|e| e.message.render(planlint::i18n::Lang::En))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        }
    }

    fn invalid(message: String) -> Settings {
        Settings {
            config: Config::default(),
            error: Some(format!(
                "`{}` is not used: {message}; fix it and save",
                config::FILE_NAME
            )),
        }
    }

    /// The rules and plans directories.
    pub fn directories(&self, root: &Path) -> [PathBuf; 2] {
        let dir = |configured: &Option<String>, default: &str| {
            root.join(configured.as_deref().unwrap_or(default))
        };
        [
            dir(&self.config.rules, "rules"),
            dir(&self.config.plans, "plans"),
        ]
    }
}

/// The `.plan` files under the rules and plans directories, read, by name
/// (their path relative to the root, with `/`), and those that could not
/// be read.
pub fn read_disk(root: &Path, settings: &Settings) -> (BTreeMap<String, Arc<str>>, Vec<ReadError>) {
    let mut errors = Vec::new();
    let mut paths = Collected::default();
    for dir in settings.directories(root) {
        if dir.is_dir() {
            files::collect(&dir, &mut paths, &mut errors);
        }
    }
    let texts = files::read_all(&paths.paths, &mut errors)
        .into_iter()
        .map(|(_, file)| file.text)
        .zip(&paths.paths)
        .filter_map(|(text, path)| Some((name(root, path)?, text)))
        .collect();
    (texts, errors)
}

/// The name of a file of the project: its path relative to the root, or
/// `None` outside it.
pub fn name(root: &Path, path: &Path) -> Option<String> {
    if let Ok(relative) = path.strip_prefix(root) {
        return Some(files::display(relative));
    }
    // The editor may name the files through a symbolic link of the root.
    let root = std::fs::canonicalize(root).ok()?;
    let path = std::fs::canonicalize(path).ok()?;
    path.strip_prefix(&root).ok().map(files::display)
}

/// A checked workspace: the outcome, severities applied, and the options.
pub struct Analysis {
    pub outcome: Outcome,
    pub options: Options,
    /// The language of the messages, the hover and the completion.
    pub lang: Lang,
}

impl Analysis {
    /// The file of the model with this name.
    pub fn file(&self, name: &str) -> Option<FileId> {
        let sources = &self.outcome.model.sources;
        sources
            .iter()
            .find(|(_, f)| f.name == name)
            .map(|(id, _)| id)
    }
}

/// The workspace's texts (name → text, open buffers over disk), the files
/// that could not be read, and the settings → the outcome, through the
/// library's one entry point ([`planlint::workspace::run`]). A file's name
/// is its path relative to the root, so the plan globs of `planlint.toml`
/// match it as it is.
pub fn check(
    texts: Vec<(String, Arc<str>)>,
    read_errors: &[ReadError],
    settings: &Settings,
    as_of: Date,
    lang: Lang,
) -> Analysis {
    let workspace = Workspace {
        texts,
        unread: read_errors
            .iter()
            .map(|e| Unread {
                path: e.path.clone(),
                message: e.message.clone(),
            })
            .collect(),
        ..Workspace::default()
    };
    let run_settings = RunSettings {
        policy: Some(Policy {
            flags: BTreeMap::new(),
            config: settings.config.clone(),
        }),
        options: Options { as_of },
        lang: Some(lang),
        owed: false,
        coverage: false,
    };
    let run = workspace::run(workspace, &run_settings, None);
    Analysis {
        outcome: run.outcome,
        options: run.options,
        lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_found_from_a_subdirectory() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("rules")).unwrap();
        std::fs::create_dir_all(root.join("plans/city")).unwrap();
        assert_eq!(find_root(&root.join("plans/city")), root);
        std::fs::write(root.join("plans/planlint.toml"), "").unwrap();
        assert_eq!(find_root(&root.join("plans/city")), root.join("plans"));
    }
}
