//! The server's state: the project root, the negotiated position encoding,
//! the open documents (their text takes precedence over the disk), the
//! files on disk, and the latest analysis.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::Uri;
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use planlint::i18n::Lang;
use planlint::source::{FileId, SourceFile};
use planlint::syntax::value::Date;

use crate::cli::files::{EXTENSION, ReadError};
use crate::server::edit::PositionEncoding;
use crate::server::workspace::{self, Analysis, Settings};

/// A document open in the editor.
pub struct Document {
    pub uri: Uri,
    pub version: i32,
    /// Its text, with the library's line index.
    pub file: SourceFile,
}

pub struct Session {
    pub root: PathBuf,
    pub encoding: PositionEncoding,
    pub settings: Settings,
    /// The date expiry is judged against.
    as_of: Date,
    /// The language asked for by the editor or the `--lang` flag; else
    /// `planlint.toml`'s, else the locale's.
    lang: Option<Lang>,
    /// Open documents by name (path relative to the root).
    open: HashMap<String, Document>,
    disk: BTreeMap<String, Arc<str>>,
    read_errors: Vec<ReadError>,
    analysis: Option<Analysis>,
    /// Whether a text changed since the last analysis.
    pub dirty: bool,
}

impl Session {
    pub fn new(
        root: PathBuf,
        encoding: PositionEncoding,
        as_of: Date,
        lang: Option<Lang>,
    ) -> Session {
        let mut session = Session {
            as_of,
            lang,
            root,
            encoding,
            settings: Settings::default(),
            open: HashMap::new(),
            disk: BTreeMap::new(),
            read_errors: Vec::new(),
            analysis: None,
            dirty: true,
        };
        session.reload_disk();
        session
    }

    /// Reads the settings and the files on disk again.
    pub fn reload_disk(&mut self) {
        self.settings = Settings::load(&self.root);
        (self.disk, self.read_errors) = workspace::read_disk(&self.root, &self.settings);
        self.dirty = true;
    }

    /// The name of the file a URI names, if it is a `.plan` file of the
    /// project.
    pub fn name(&self, uri: &Uri) -> Option<String> {
        let path = path(uri)?;
        if path.extension().is_none_or(|e| e != EXTENSION) {
            return None;
        }
        workspace::name(&self.root, &path)
    }

    /// The URI of a file of the project (the editor's own for an open one).
    pub fn uri(&self, name: &str) -> Option<Uri> {
        if let Some(d) = self.open.get(name) {
            return Some(d.uri.clone());
        }
        uri(&self.root.join(name))
    }

    pub fn open(&mut self, uri: Uri, version: i32, text: String) {
        if let Some(name) = self.name(&uri) {
            let file = SourceFile::new(name.clone(), text);
            self.open.insert(name, Document { uri, version, file });
            self.dirty = true;
        }
    }

    pub fn document(&self, name: &str) -> Option<&Document> {
        self.open.get(name)
    }

    pub fn document_mut(&mut self, name: &str) -> Option<&mut Document> {
        self.dirty = true;
        self.open.get_mut(name)
    }

    pub fn close(&mut self, uri: &Uri) {
        if let Some(name) = self.name(uri) {
            self.open.remove(&name);
            self.dirty = true;
        }
    }

    /// The names of the open documents.
    pub fn open_names(&self) -> impl Iterator<Item = &str> {
        self.open.keys().map(String::as_str)
    }

    /// Checks the workspace again if a text changed.
    pub fn analyse(&mut self) {
        if !self.dirty && self.analysis.is_some() {
            return;
        }
        let mut texts = self.disk.clone();
        for (name, d) in &self.open {
            texts.insert(name.clone(), d.file.text.clone());
        }
        self.analysis = Some(workspace::check(
            texts.into_iter().collect(),
            &self.read_errors,
            &self.settings,
            self.as_of,
            Lang::resolve(self.lang, self.settings.config.lang, |name| {
                std::env::var(name).ok()
            }),
        ));
        self.dirty = false;
    }

    /// The latest analysis; [`Session::analyse`] comes first.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
    }

    /// The analysis and the file of the model a URI names.
    pub fn file(&self, uri: &Uri) -> Option<(&Analysis, FileId)> {
        let analysis = self.analysis.as_ref()?;
        let file = analysis.file(&self.name(uri)?)?;
        Some((analysis, file))
    }
}

/// The path of a `file:` URI.
pub fn path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let decoded = percent_decode_str(rest).decode_utf8().ok()?;
    // `file:///C:/x` on Windows: the drive letter follows the slash.
    let decoded = match decoded.as_bytes() {
        [b'/', _, b':', ..] if cfg!(windows) => &decoded[1..],
        _ => &decoded,
    };
    Some(PathBuf::from(decoded))
}

/// What a path component must escape in a URI.
const ESCAPED: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b']')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// The `file:` URI of an absolute path.
pub fn uri(path: &Path) -> Option<Uri> {
    let path = crate::cli::files::display(path);
    let slash = if path.starts_with('/') { "" } else { "/" };
    format!("file://{slash}{}", utf8_percent_encode(&path, ESCAPED))
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_paths_round_trip_with_chinese_and_spaces() {
        let p = PathBuf::from("/tmp/西城 区/a#1.plan");
        let u = uri(&p).unwrap();
        assert_eq!(
            u.as_str(),
            "file:///tmp/%E8%A5%BF%E5%9F%8E%20%E5%8C%BA/a%231.plan"
        );
        assert_eq!(path(&u), Some(p));
    }
}
