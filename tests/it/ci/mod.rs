//! planlint in CI: machine formats, configuration, suppressions, baselines
//! and revision diffs, through the real binary.

mod baseline;
mod config;
mod diff;
mod formats;
mod suppressions;

use std::path::{Path, PathBuf};

/// The fixed date runs are judged at, so snapshots do not age.
pub const AS_OF: &str = "2026-11-23";

/// The repository root (where the real `rules/` and `plans/` live).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The small invented cascade under `tests/fixtures/ci`.
pub fn fixture() -> PathBuf {
    root().join("tests/fixtures/ci")
}

/// Runs `planlint ARGS` in `dir` with a clean environment for CI
/// variables; returns standard output, standard error and the exit code.
pub fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let o = crate::support::planlint()
        .current_dir(dir)
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("planlint runs");
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code().unwrap_or(-1),
    )
}

/// A copy of the fixture in a temporary directory, with a `planlint.toml`
/// when `config` is given.
pub fn project(config: Option<&str>) -> tempfile::TempDir {
    copy_of(&fixture(), config)
}

/// A copy of the real cascade's `.plan` files, named one by one
/// (`support::REAL_FILES`), so that a plan added to `plans/` changes no test.
pub fn real_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for name in crate::support::REAL_FILES {
        let to = dir.path().join(name);
        std::fs::create_dir_all(to.parent().expect("a directory")).expect("mkdir");
        std::fs::copy(root().join(name), to).expect("copy");
    }
    dir
}

fn copy_of(from: &Path, config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for sub in ["rules", "plans"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        for entry in std::fs::read_dir(from.join(sub))
            .expect("source directory")
            .flatten()
        {
            if entry.path().extension().is_none_or(|e| e != "plan") {
                continue;
            }
            std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name()))
                .expect("copy");
        }
    }
    if let Some(text) = config {
        std::fs::write(dir.path().join("planlint.toml"), text).expect("write");
    }
    dir
}

/// Appends text to a file of a project.
pub fn append(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    let mut old = std::fs::read_to_string(&path).expect("read");
    old.push_str(text);
    std::fs::write(&path, old).expect("write");
}
