//! planlint in CI: machine formats, configuration, suppressions, baselines
//! and revision diffs, through the real binary.

mod config;
mod formats;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

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
    let o = Command::cargo_bin("planlint")
        .expect("the planlint binary")
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
