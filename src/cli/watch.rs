//! `planlint check --watch`: check, then check again whenever a plan file
//! or `planlint.toml` is created, changed or removed (changes within a
//! short window count once), clearing the screen first, until Ctrl-C.
//!
//! The debounce is ours, not a debouncer crate's: those report every
//! event, and reading the files (which each check does) is an event too
//! on Linux, so a check would set off the next one.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Sender, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use planlint::config;

use crate::cli::CheckArgs;
use crate::cli::files::{self, EXTENSION};
use crate::cli::lang::say;
use crate::cli::settings::Settings;
use planlint::i18n::{Id, Ids, Msg};

/// Changes closer together than this make one re-run: an editor's save
/// is often several writes.
const DEBOUNCE: Duration = Duration::from_millis(200);

enum Event {
    Changed,
    Stop,
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let (send, receive) = channel();
    let stop = send.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Event::Stop);
    }) {
        say(Msg::WatchNoCtrlC {
            reason: e.to_string(),
        });
        return ExitCode::from(2);
    }
    let mut watcher = match RecommendedWatcher::new(forward(send), notify::Config::default()) {
        Ok(w) => w,
        Err(e) => {
            say(Msg::WatchCannotWatch {
                reason: e.to_string(),
            });
            return ExitCode::from(2);
        }
    };
    let watched = watched(args);
    for (path, mode) in &watched {
        if let Err(e) = watcher.watch(path, *mode) {
            say(Msg::WatchCannotWatchPath {
                path: Id::new(files::display(path)),
                reason: e.to_string(),
            });
            return ExitCode::from(2);
        }
    }
    let names: Vec<String> = watched
        .iter()
        .filter(|(_, mode)| *mode == RecursiveMode::Recursive)
        .map(|(p, _)| files::display(p))
        .collect();
    loop {
        if std::io::stdout().is_terminal() {
            // Clear the screen and put the cursor home.
            print!("\x1b[2J\x1b[H");
        }
        let started = Instant::now();
        super::check::once(args);
        let _ = std::io::stdout().flush();
        say(Msg::WatchChecked {
            ms: started.elapsed().as_millis().to_string(),
            paths: Ids(names.clone()),
        });
        match receive.recv() {
            Ok(Event::Changed) => {}
            Ok(Event::Stop) | Err(_) => return ExitCode::SUCCESS,
        }
        // Wait until the changes stop for a moment: a save is often
        // several writes, and a checkout many files.
        loop {
            match receive.recv_timeout(DEBOUNCE) {
                Ok(Event::Changed) => {}
                Ok(Event::Stop) => return ExitCode::SUCCESS,
                Err(_) => break,
            }
        }
    }
}

/// The watcher's events, reduced to "a plan file or the settings was
/// created, changed or removed"; reading a file is no change.
fn forward(send: Sender<Event>) -> impl FnMut(notify::Result<notify::Event>) + Send + 'static {
    move |result: notify::Result<notify::Event>| {
        let relevant = match result {
            Ok(event) => {
                matches!(
                    event.kind,
                    EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                ) && event.paths.iter().any(|p| is_watched_file(p))
            }
            // The watcher lost track (an overflow): check again to be sure.
            Err(_) => true,
        };
        if relevant {
            let _ = send.send(Event::Changed);
        }
    }
}

fn is_watched_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == EXTENSION)
        || path.file_name().is_some_and(|n| n == config::FILE_NAME)
}

/// What to watch: the rules, the plans (or the paths given), each
/// recursively, and the directory of the configuration file (for
/// `planlint.toml` itself).
fn watched(args: &CheckArgs) -> Vec<(PathBuf, RecursiveMode)> {
    let settings = Settings::load(&args.input.policy).ok();
    let mut out = Vec::new();
    let base = settings
        .as_ref()
        .map(|s| s.base.clone())
        .unwrap_or_else(|| PathBuf::from("."));
    out.push((base, RecursiveMode::NonRecursive));
    if let Some(settings) = &settings {
        let config = &settings.policy.config;
        let rules = settings.path(args.input.rules.as_ref(), config.rules.as_deref(), "rules");
        out.push((rules, RecursiveMode::Recursive));
        if args.paths.is_empty() {
            let plans = settings.path(args.input.plans.as_ref(), config.plans.as_deref(), "plans");
            out.push((plans, RecursiveMode::Recursive));
        }
    }
    out.extend(
        args.paths
            .iter()
            .map(|p| (p.clone(), RecursiveMode::Recursive)),
    );
    out.retain(|(p, _)| p.exists());
    out
}
