//! Writing a report file safely: into a temporary file beside the target,
//! then renamed over it, so a reader never sees half a report and a failed
//! run leaves the old file in place.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` (through a temporary file and a rename), or to
/// stdout when there is no path. The error says what failed, for stderr.
pub fn write(path: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    let Some(path) = path else {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(bytes)
            .and_then(|_| stdout.flush())
            .map_err(|e| format!("cannot write to stdout: {e}"));
    };
    let shown = crate::cli::files::display(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".to_string());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    if path.is_dir() {
        return Err(format!("cannot write `{shown}`: it is a directory"));
    }
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|_| f.sync_all()))
        .and_then(|_| std::fs::rename(&temp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        format!("cannot write `{shown}`: {e}")
    })
}
