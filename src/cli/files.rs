//! Finding and reading `.plan` files: the binary's IO, kept out of the library.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use planlint::decode::{MAX_FILE_BYTES, SourceEncoding, decode};
use planlint::i18n::{Id, Msg};
use rayon::prelude::*;

use crate::cli::lang::text;

/// The extension of planlint's files.
pub const EXTENSION: &str = "plan";

/// A file that could not be read or decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub path: String,
    pub message: String,
}

/// The files of a run, read.
pub struct Files {
    pub texts: Vec<(String, Arc<str>)>,
    /// The names of the files whose documents are checked; `None`: all.
    pub selected: Option<Vec<String>>,
    pub read_errors: Vec<ReadError>,
    /// The files that were not UTF-8, and what they were read as.
    pub converted: Vec<(String, SourceEncoding)>,
}

/// Finds and reads the files of a run, as every command selects them: with
/// no paths, everything under `rules` and `plans`, every plan checked; with
/// paths, those files and directories, checked, and the rules they may
/// carry out. Files that cannot be read are listed in `read_errors`. The
/// directories have been checked (`run::project_dirs`); a plans
/// directory that does not exist holds no plans.
pub fn read_run(rules: &Path, plans: &Path, paths_given: &[PathBuf]) -> Files {
    let mut read_errors = Vec::new();
    let mut paths = Collected::default();
    let mut selected = Collected::default();
    for p in paths_given {
        collect(p, &mut selected, &mut read_errors);
    }
    collect(rules, &mut paths, &mut read_errors);
    if paths_given.is_empty() && plans.exists() {
        collect(plans, &mut paths, &mut read_errors);
    }
    for p in &selected.paths {
        paths.push_unique(p.clone());
    }
    let mut texts = Vec::new();
    let mut converted = Vec::new();
    for (name, file) in read_all(&paths.paths, &mut read_errors) {
        if file.encoding.is_converted() {
            converted.push((name.clone(), file.encoding));
        }
        texts.push((name, file.text));
    }
    let selected_names = (!paths_given.is_empty()).then(|| {
        paths
            .paths
            .iter()
            .filter(|p| selected.contains(p))
            .map(|p| display(p))
            .collect()
    });
    Files {
        texts,
        selected: selected_names,
        read_errors,
        converted,
    }
}

/// The files collected so far, and what identifies each, so that each
/// file is taken once however it is named.
#[derive(Debug, Default)]
pub struct Collected {
    pub paths: Vec<PathBuf>,
    seen: HashSet<FileKey>,
}

impl Collected {
    /// Whether `path` names a file already collected.
    pub fn contains(&self, path: &Path) -> bool {
        self.seen.contains(&FileKey::of(path))
    }

    /// Adds `path` unless it names a file already collected.
    pub fn push_unique(&mut self, path: PathBuf) {
        let key = FileKey::of(&path);
        self.push_keyed(path, key);
    }

    fn push_keyed(&mut self, path: PathBuf, key: FileKey) {
        if self.seen.insert(key) {
            self.paths.push(path);
        }
    }
}

/// What makes two names one file: its device and inode where the system
/// has them (one `stat`; a canonical path takes one per component of the
/// path, a quarter of the reading of a national run), else its canonical
/// path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileKey {
    #[cfg(unix)]
    Inode(u64, u64),
    Path(PathBuf),
}

impl FileKey {
    fn of(path: &Path) -> FileKey {
        match fs::metadata(path) {
            Ok(m) => FileKey::from_metadata(&m, path),
            Err(_) => FileKey::Path(path.to_path_buf()),
        }
    }

    /// The key of the file at `path`, whose `metadata` (followed through
    /// links) the caller has read.
    fn from_metadata(metadata: &fs::Metadata, path: &Path) -> FileKey {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            FileKey::Inode(metadata.dev(), metadata.ino())
        }
        #[cfg(not(unix))]
        {
            let _ = metadata;
            FileKey::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
        }
    }
}

/// Reads `paths` on every core; the texts (named by [`display`]) keep the
/// order of the paths, and the files that cannot be read go to `errors`.
pub fn read_all(paths: &[PathBuf], errors: &mut Vec<ReadError>) -> Vec<(String, ReadFile)> {
    let read: Vec<_> = paths.par_iter().map(|p| (p, read(p))).collect();
    let mut texts = Vec::with_capacity(read.len());
    for (p, result) in read {
        match result {
            Ok(file) => texts.push((display(p), file)),
            Err(e) => errors.push(e),
        }
    }
    texts
}

/// Every `.plan` file under `path` (or `path` itself), sorted, each once.
pub fn collect(path: &Path, out: &mut Collected, errors: &mut Vec<ReadError>) {
    let metadata = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(ReadError {
                path: display(path),
                message: crate::cli::lang::io_reason(&e),
            });
            return;
        }
    };
    if metadata.is_file() {
        out.push_unique(path.to_path_buf());
        return;
    }
    if !metadata.is_dir() {
        errors.push(not_regular(path));
        return;
    }
    let mut found = Vec::new();
    let errors_before = errors.len();
    walk(path, &mut found, errors, 0, &mut Ancestors::new());
    if found.is_empty() && errors.len() == errors_before {
        errors.push(ReadError {
            path: display(path),
            message: text(Msg::NoPlanFiles {
                extension: EXTENSION.to_string(),
            }),
        });
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    for (f, key) in found {
        out.push_keyed(f, key);
    }
}

/// A FIFO, socket or device where a file was expected: opening a FIFO
/// would wait forever for a writer, so it is refused without being opened.
fn not_regular(path: &Path) -> ReadError {
    ReadError {
        path: display(path),
        message: text(Msg::NotRegularFile {}),
    }
}

/// Directories nest at most this deep, a last guard against loops the
/// canonical paths do not reveal.
const MAX_DEPTH: usize = 32;

/// The directories being walked, outermost first: canonical path (to
/// recognise a symbolic link that leads back into one of them) and path
/// as written (to name it).
type Ancestors = Vec<(PathBuf, PathBuf)>;

fn walk(
    dir: &Path,
    out: &mut Vec<(PathBuf, FileKey)>,
    errors: &mut Vec<ReadError>,
    depth: usize,
    ancestors: &mut Ancestors,
) {
    if depth > MAX_DEPTH {
        errors.push(ReadError {
            path: display(dir),
            message: text(Msg::NestedTooDeep { depth: MAX_DEPTH }),
        });
        return;
    }
    let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if let Some((_, ancestor)) = ancestors.iter().find(|(c, _)| *c == canonical) {
        errors.push(ReadError {
            path: display(dir),
            message: text(Msg::SymlinkLoop {
                ancestor: Id::new(display(ancestor)),
            }),
        });
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(ReadError {
                path: display(dir),
                message: crate::cli::lang::io_reason(&e),
            });
            return;
        }
    };
    // Sorted, so that files and errors come in the same order on every
    // machine, whatever order the file system lists them in.
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    ancestors.push((canonical, dir.to_path_buf()));
    for path in paths {
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, out, errors, depth + 1, ancestors),
            Ok(m) if path.extension().is_some_and(|e| e == EXTENSION) => {
                if m.is_file() {
                    let key = FileKey::from_metadata(&m, &path);
                    out.push((path, key));
                } else {
                    errors.push(not_regular(&path));
                }
            }
            Ok(_) => {}
            Err(e) => errors.push(ReadError {
                path: display(&path),
                message: crate::cli::lang::io_reason(&e),
            }),
        }
    }
    ancestors.pop();
}

/// A file read and decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFile {
    pub text: Arc<str>,
    pub encoding: SourceEncoding,
}

/// Reads a file and decodes it (UTF-8 with or without a byte order mark,
/// UTF-16 with one, GBK/GB18030). A file larger than
/// [`MAX_FILE_BYTES`] is refused before it is read, and never more than
/// that is read, so memory stays bounded even if the file grows meanwhile.
pub fn read(path: &Path) -> Result<ReadFile, ReadError> {
    let error = |message: String| ReadError {
        path: display(path),
        message,
    };
    // Checked before opening: opening a FIFO waits for a writer.
    let metadata = fs::metadata(path).map_err(|e| error(crate::cli::lang::io_reason(&e)))?;
    if metadata.is_dir() {
        return Err(error(text(Msg::DirectoryNotFile {})));
    }
    if !metadata.is_file() {
        return Err(not_regular(path));
    }
    let file = fs::File::open(path).map_err(|e| error(crate::cli::lang::io_reason(&e)))?;
    let size = file
        .metadata()
        .map_err(|e| error(crate::cli::lang::io_reason(&e)))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(error(too_large(size, path)));
    }
    read_from(file, size as usize, path).map_err(error)
}

/// Reads and decodes what `source` holds (a file, or `git show`'s output):
/// the one reading path of every plan, whether from disk or from git.
/// Never more than [`MAX_FILE_BYTES`] + 1 bytes are read; `capacity` is a
/// hint; `path` names the file for the advice. The error is the message,
/// without the file's name.
pub fn read_from(source: impl Read, capacity: usize, path: &Path) -> Result<ReadFile, String> {
    let mut bytes = Vec::with_capacity(capacity.min(MAX_FILE_BYTES as usize + 1));
    source
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::cli::lang::io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64, path));
    }
    let decoded = decode(&bytes).map_err(|e| crate::cli::lang::text(e.with_help()))?;
    Ok(ReadFile {
        text: decoded.text,
        encoding: decoded.encoding,
    })
}

/// Why a file over the size limit is refused, with advice for a plan
/// (split it) or any other file (`planlint.toml`, a baseline, a source
/// text: check it is the file meant).
fn too_large(size: u64, path: &Path) -> String {
    let size = format!("{:.1}", size as f64 / 1_048_576.0);
    let limit = (MAX_FILE_BYTES / 1_048_576) as usize;
    text(if path.extension().is_some_and(|e| e == EXTENSION) {
        Msg::TooLargePlan { size, limit }
    } else {
        Msg::TooLargeFile { size, limit }
    })
}

/// A path as users wrote it, with `/` separators.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Writes a file atomically: into a temporary file beside it, then renamed
/// over it, so a reader never sees half a file and a failed run leaves the
/// old one whole.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), ReadError> {
    crate::cli::write::write_atomically(path, text.as_bytes()).map_err(|e| ReadError {
        path: display(path),
        message: crate::cli::lang::io_reason(&e),
    })
}
