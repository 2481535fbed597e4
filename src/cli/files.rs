//! Finding and reading `.plan` files: the binary's IO, kept out of the library.

use std::fs;
use std::path::{Path, PathBuf};

/// The extension of planlint's files.
pub const EXTENSION: &str = "plan";

/// A file that could not be read or decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub path: String,
    pub message: String,
}

/// Every `.plan` file under `path` (or `path` itself), sorted, each once.
pub fn collect(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<ReadError>) {
    let metadata = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(ReadError {
                path: display(path),
                message: e.to_string(),
            });
            return;
        }
    };
    if metadata.is_file() {
        push_unique(out, path.to_path_buf());
        return;
    }
    let mut found = Vec::new();
    walk(path, &mut found, errors, 0);
    found.sort();
    for f in found {
        push_unique(out, f);
    }
}

fn push_unique(out: &mut Vec<PathBuf>, path: PathBuf) {
    let key = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    if !out
        .iter()
        .any(|p| fs::canonicalize(p).unwrap_or_else(|_| p.clone()) == key)
    {
        out.push(path);
    }
}

/// Directories nest at most this deep (a symlink loop ends here).
const MAX_DEPTH: usize = 32;

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<ReadError>, depth: usize) {
    if depth > MAX_DEPTH {
        errors.push(ReadError {
            path: display(dir),
            message: format!("directories nested more than {MAX_DEPTH} deep (a symlink loop?)"),
        });
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(ReadError {
                path: display(dir),
                message: e.to_string(),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, out, errors, depth + 1),
            Ok(_) if path.extension().is_some_and(|e| e == EXTENSION) => out.push(path),
            Ok(_) => {}
            Err(e) => errors.push(ReadError {
                path: display(&path),
                message: e.to_string(),
            }),
        }
    }
}

/// Reads a file as UTF-8 text, dropping a UTF-8 byte order mark.
pub fn read(path: &Path) -> Result<String, ReadError> {
    let bytes = fs::read(path).map_err(|e| ReadError {
        path: display(path),
        message: e.to_string(),
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| ReadError {
        path: display(path),
        message: format!(
            "not valid UTF-8 at byte {}; save the file as UTF-8",
            e.utf8_error().valid_up_to()
        ),
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
    use std::io::Write;
    let error = |e: std::io::Error| ReadError {
        path: display(path),
        message: e.to_string(),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(error)?;
    temp.write_all(text.as_bytes()).map_err(error)?;
    temp.as_file().sync_all().map_err(error)?;
    temp.persist(path).map_err(|e| error(e.error))?;
    Ok(())
}
