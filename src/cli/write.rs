//! Writing files so that an interrupted run never leaves half a file: the
//! bytes go to a temporary file beside the target, are flushed to disk,
//! and the temporary file is renamed over the target. A rename within one
//! directory is atomic, so a reader (or the next run) sees either the old
//! file or the new one, never a mixture. Every file planlint writes
//! (baselines, reports, formatted files) goes through here. What is not a
//! regular file (a device such as `/dev/null`, a FIFO, `/dev/stdout`) is
//! written in place: renaming over it would replace it with a plain file.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically: through a temporary file in the
/// same directory, flushed and then renamed into place. Keeps the
/// permissions of a file it replaces; a new file gets the mode a plain
/// `open` would give it (read-write for all, less the umask). On error the
/// target is untouched and the temporary file is removed; a process
/// killed midway leaves the target untouched and a stray
/// `.<name>.<random>.tmp` beside it. A path that exists and is not a
/// regular file, or lies under `/dev` or `/proc`, is written in place
/// ([`writes_in_place`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomically`], for output produced piece by piece: `fill`
/// writes into the temporary file.
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            format!("`{}` is a directory", path.display()),
        ));
    }
    if writes_in_place(path) {
        let file = fs::OpenOptions::new().append(true).open(path)?;
        let mut out = io::BufWriter::new(file);
        fill(&mut out)?;
        return out.flush();
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // `tempfile` makes its files private (0600); a report or a baseline is
    // made to be shared, so it gets what `open` would give, umask applied.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(dir).map_err(without_temporary_path)?;
    if let Ok(metadata) = fs::metadata(path) {
        temp.as_file().set_permissions(metadata.permissions())?;
    }
    {
        let mut out = io::BufWriter::new(temp.as_file_mut());
        fill(&mut out)?;
        out.flush()?;
    }
    temp.as_file().sync_all()?;
    // Dropping `temp` on an error above removes the temporary file.
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// Whether `path` is written in place rather than replaced: it exists and
/// is not a regular file (a character device, a FIFO, a socket, or a
/// symbolic link to one), or it lies under `/dev` or `/proc`, where
/// `/dev/stdout` is a link to whatever standard output is (renaming over
/// it would replace the link). A symbolic link to a regular file elsewhere
/// is replaced by the new file, as before.
pub fn writes_in_place(path: &Path) -> bool {
    let special = fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
    special || path.starts_with("/dev") || path.starts_with("/proc")
}

/// The system's error without the name of the temporary file, which
/// `tempfile` appends ("… at path /out/.findings.json.cFAqTZ.tmp"): the
/// user named the target, and the random name would differ on every run.
fn without_temporary_path(error: io::Error) -> io::Error {
    if error.get_ref().is_none() {
        return error;
    }
    let message = error.to_string();
    match message.split_once(" at path ") {
        Some((cause, _)) => io::Error::new(error.kind(), cause),
        None => error,
    }
}

/// Flushes the directory entry of the rename to disk, where the platform
/// allows it. A failure here leaves the new file in place, so it is not
/// reported.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    /// The environment variable that turns this test binary into the
    /// writer a test kills.
    const CHILD_TARGET: &str = "PLANLINT_TEST_KILLED_WRITER";

    fn temp_files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list the directory")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_file_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("报告.json");
        write_atomically(&path, b"old").expect("first write");
        write_atomically(&path, "新的报告".as_bytes()).expect("second write");
        assert_eq!(fs::read_to_string(&path).expect("read"), "新的报告");
        assert_eq!(temp_files(dir.path()), Vec::<String>::new());
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_permissions_of_the_file_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("baseline.json");
        fs::write(&path, "old").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomically(&path, b"new").expect("write");
        let mode = fs::metadata(&path).expect("metadata").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    /// The umask of this process, from `/proc` (no call into libc needed).
    #[cfg(target_os = "linux")]
    fn umask() -> u32 {
        let status = fs::read_to_string("/proc/self/status").expect("/proc/self/status");
        let line = status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .expect("a Umask line");
        u32::from_str_radix(line.trim(), 8).expect("an octal umask")
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_new_file_gets_the_mode_open_would_give_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("report.html");
        write_atomically(&path, b"<html>").expect("write");
        let mode = fs::metadata(&path).expect("metadata").permissions().mode();
        assert_eq!(mode & 0o777, 0o666 & !umask());
        // What a plain `open` gives, for comparison.
        let plain = dir.path().join("plain.html");
        fs::write(&plain, b"<html>").expect("write");
        let plain_mode = fs::metadata(&plain).expect("metadata").permissions().mode();
        assert_eq!(mode & 0o777, plain_mode & 0o777);
    }

    /// A FIFO with a reader (`cat`) is written through, and stays a FIFO.
    #[cfg(unix)]
    #[test]
    fn a_fifo_is_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().expect("a temporary directory");
        let fifo = dir.path().join("findings.json");
        let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(made.success());
        let mut reader = Command::new("cat")
            .arg(&fifo)
            .stdout(Stdio::piped())
            .spawn()
            .expect("cat");
        assert!(writes_in_place(&fifo));
        let written = write_atomically(&fifo, b"{\"findings\": []}\n");
        let still_a_fifo = fs::symlink_metadata(&fifo)
            .expect("metadata")
            .file_type()
            .is_fifo();
        if !still_a_fifo {
            // Replaced: `cat` waits for a writer that never comes.
            let _ = reader.kill();
        }
        let out = reader.wait_with_output().expect("cat ends");
        written.expect("written");
        assert!(still_a_fifo, "the FIFO was replaced by a regular file");
        assert_eq!(out.stdout, b"{\"findings\": []}\n");
        assert_eq!(temp_files(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn devices_and_dev_paths_are_written_in_place() {
        assert!(writes_in_place(Path::new("/dev/null")));
        assert!(writes_in_place(Path::new("/dev/stdout")));
        assert!(writes_in_place(Path::new("/proc/self/fd/1")));
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join("baseline.json");
        assert!(!writes_in_place(&file));
        fs::write(&file, "old").expect("write");
        assert!(!writes_in_place(&file));
        // Writing to /dev/null succeeds and leaves it a device (checked
        // only through the decision above before it is ever attempted).
        write_atomically(Path::new("/dev/null"), b"nothing").expect("write /dev/null");
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let m = fs::symlink_metadata("/dev/null").expect("metadata");
            assert!(m.file_type().is_char_device());
        }
    }

    #[test]
    fn a_failing_writer_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("baseline.json");
        fs::write(&path, "old").expect("write");
        let result = write_atomically_with(&path, |out| {
            out.write_all(b"half a baseline")?;
            Err(io::Error::other("the renderer failed"))
        });
        assert_eq!(
            result.expect_err("the error is passed on").to_string(),
            "the renderer failed"
        );
        assert_eq!(fs::read_to_string(&path).expect("read"), "old");
        assert_eq!(temp_files(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_directory_is_not_overwritten() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let err = write_atomically(dir.path(), b"x").expect_err("a directory");
        assert_eq!(err.kind(), io::ErrorKind::IsADirectory);
    }

    /// Runs this test binary again as a writer that writes a large file
    /// slowly, kills it once the temporary file holds a few megabytes, and
    /// checks the old file is intact. In the child (the environment
    /// variable set), it is the writer.
    #[test]
    fn a_write_killed_midway_leaves_the_old_file_intact() {
        if let Some(target) = std::env::var_os(CHILD_TARGET) {
            let chunk = vec![b'x'; 64 * 1024];
            let _ = write_atomically_with(Path::new(&target), |out| {
                for _ in 0..100_000 {
                    out.write_all(&chunk)?;
                    out.flush()?;
                    std::thread::sleep(Duration::from_millis(1));
                }
                Ok(())
            });
            return;
        }
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("baseline.json");
        let old = "{\"baseline\": \"the old one\"}\n";
        fs::write(&path, old).expect("write the old file");
        let mut child = Command::new(std::env::current_exe().expect("this test binary"))
            .args([
                "cli::write::tests::a_write_killed_midway_leaves_the_old_file_intact",
                "--exact",
                "--test-threads=1",
            ])
            .env(CHILD_TARGET, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the writer");
        let started = Instant::now();
        let written = loop {
            let size = temp_files(dir.path())
                .first()
                .and_then(|n| fs::metadata(dir.path().join(n)).ok())
                .map_or(0, |m| m.len());
            if size >= 4 * 1024 * 1024 {
                break size;
            }
            let exited = child.try_wait().expect("poll the writer");
            assert!(
                exited.is_none() && started.elapsed() < Duration::from_secs(60),
                "the writer ended ({exited:?}) or stalled before writing 4 MB"
            );
            std::thread::sleep(Duration::from_millis(5));
        };
        child.kill().expect("kill the writer");
        child.wait().expect("reap the writer");
        assert!(written >= 4 * 1024 * 1024);
        assert_eq!(fs::read_to_string(&path).expect("read"), old);
        // The killed writer could not clean up: its temporary file is
        // the only trace, beside the target and named after it.
        let left = temp_files(dir.path());
        assert_eq!(left.len(), 1, "{left:?}");
        assert!(left[0].starts_with(".baseline.json."), "{left:?}");
    }
}
