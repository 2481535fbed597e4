//! The language of a run, worked out once for every command: `--lang`,
//! else `lang` of `planlint.toml`, else the locale, else English
//! ([`Lang::resolve`]).

use std::path::Path;
use std::sync::OnceLock;

use planlint::config::Config;
use planlint::i18n::{Id, Lang, Msg, Text};

use crate::cli::root;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Resolves the language from the flag, the configuration file (`config`,
/// or the one found from the working directory up) and the environment.
/// An unreadable or invalid configuration gives no language here; the
/// commands that read it report its errors.
pub fn init(flag: Option<Lang>, config: Option<&Path>) -> Lang {
    let configured = || {
        let path = match config {
            Some(path) => path.to_path_buf(),
            None => root::find(&std::env::current_dir().ok()?)?.config?,
        };
        let text = std::fs::read_to_string(path).ok()?;
        Config::parse(&text).ok()?.lang
    };
    let configured = if flag.is_some() { None } else { configured() };
    let lang = Lang::resolve(flag, configured, |name| std::env::var(name).ok());
    *LANG.get_or_init(|| lang)
}

/// Says `planlint: MESSAGE` on standard error, in the run's language.
pub fn say(message: Msg) {
    eprintln!("planlint: {}", message.render(get()));
}

/// A message in the run's language, as text for another message or a
/// reason.
pub fn text(message: Msg) -> String {
    message.render(get())
}

/// A text of the library (a catalogue message or one not yet in it) in
/// the run's language.
pub fn text_of(text: &Text) -> String {
    text.render(get())
}

/// A file that could not be read, as a command-line error.
pub fn cannot_read(code: &str, path: &str, reason: &str) {
    say(Msg::CliCannotRead {
        code: code.to_string(),
        path: Id::new(path),
        reason: reason.to_string(),
    });
}

/// A file that could not be written.
pub fn cannot_write(path: &str, reason: &str) {
    say(Msg::CliCannotWrite {
        code: "write-error".to_string(),
        path: Id::new(path),
        reason: reason.to_string(),
    });
}

/// Why a file could not be read or written, as the operating system
/// says: in Chinese, the common kinds are said in the catalogue's words
/// (not found, permission denied, is a directory, …); in English, and for
/// the other kinds, the system's own text is kept (`docs/messages.md`).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let message = match (get(), e.kind()) {
        (Lang::En, _) => None,
        (_, NotFound) => Some(Msg::IoNotFound {}),
        (_, PermissionDenied) => Some(Msg::IoPermissionDenied {}),
        (_, IsADirectory) => Some(Msg::IoIsADirectory {}),
        (_, NotADirectory) => Some(Msg::IoNotADirectory {}),
        (_, AlreadyExists) => Some(Msg::IoAlreadyExists {}),
        (_, ReadOnlyFilesystem) => Some(Msg::IoReadOnly {}),
        (_, StorageFull) => Some(Msg::IoStorageFull {}),
        (_, FileTooLarge) => Some(Msg::IoFileTooLarge {}),
        (_, InvalidFilename) => Some(Msg::IoInvalidFilename {}),
        (_, InvalidData) => Some(Msg::IoInvalidData {}),
        (_, Interrupted) => Some(Msg::IoInterrupted {}),
        (_, BrokenPipe) => Some(Msg::IoBrokenPipe {}),
        _ => None,
    };
    message.map_or_else(|| e.to_string(), |m| m.render(get()))
}

/// The language of this run (English before [`init`]).
pub fn get() -> Lang {
    LANG.get().copied().unwrap_or_default()
}
