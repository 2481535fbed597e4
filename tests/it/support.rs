//! Helpers shared by the integration tests: where fixtures live, loading a
//! fixture directory, and rendering diagnostics the way the binary does.

use std::path::{Path, PathBuf};

use planlint::check::Options;
use planlint::diagnostic::Diagnostic;
use planlint::report::{self, RunSummary, human};
use planlint::source::SourceMap;
use planlint::syntax::value::Date;
use planlint::{Outcome, Selection};

/// The date every test judges expiry against, so that snapshots never age.
pub const AS_OF: Date = Date {
    year: 2025,
    month: 1,
    day: 1,
};

/// The width of rendered output in snapshots.
pub const WIDTH: usize = 100;

/// The files of the real cascade, named one by one, in the order the
/// binary reads them: a plan a user adds to `plans/` changes none of the
/// tests that pin the real cascade's findings.
pub const REAL_FILES: &[&str] = &[
    "rules/beijing-outline.plan",
    "rules/jurisdictions.plan",
    "rules/national-opinions.plan",
    "rules/national-outline-2006.plan",
    "rules/observations.plan",
    "rules/strength.plan",
    "rules/work-points-2024.plan",
    "plans/xicheng.plan",
];

/// The real cascade as paths for the binary: the rules and the one
/// bundled plan, named (the same files, in the same order, as a run with
/// no paths reads while `plans/` holds only that plan).
pub const REAL_ARGS: &[&str] = &["rules", "plans/xicheng.plan"];

/// The real cascade's files as the binary names them, with their texts.
pub fn real_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    REAL_FILES
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(root.join(name))
                .unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
            (name.to_string(), text)
        })
        .collect()
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The `.plan` files directly in `dir`, sorted by name, as `(name, path)`.
pub fn plan_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .map(|p| {
            let name = p
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            (name, p)
        })
        .collect();
    files.sort();
    files
}

/// Loads every `.plan` file of `dir` (named by file name) and checks them all.
pub fn check_dir(dir: &Path) -> Outcome {
    let files = plan_files(dir).into_iter().map(|(name, path)| {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        (name, text)
    });
    planlint::check(files, Selection::All, Options { as_of: AS_OF })
}

/// What `planlint check --format plain` prints for an outcome.
pub fn plain(outcome: &Outcome) -> String {
    let summary = RunSummary::of(outcome, Options { as_of: AS_OF });
    human::render(
        &outcome.diagnostics,
        &outcome.model.sources,
        &summary,
        human::Style::Plain,
        WIDTH,
    )
}

/// What `planlint check --format human` prints without colour, for
/// diagnostics about no plan.
pub fn graphical(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let summary = RunSummary {
        files: sources.len(),
        plans: Vec::new(),
        ..RunSummary::default()
    };
    human::render(
        diagnostics,
        sources,
        &summary,
        human::Style::Graphical { color: false },
        WIDTH,
    )
}

/// Every output format of `check`, concatenated: JSON, plain, graphical,
/// concise, JSON lines, SARIF, GitHub and its job summary, GitLab, JUnit.
pub fn render_every_format(outcome: &Outcome, as_of: Date) -> String {
    let summary = RunSummary::of(outcome, Options { as_of });
    let (d, s, sum) = (&outcome.diagnostics[..], &outcome.model.sources, &summary);
    [
        report::json::render(d, s, sum),
        human::render(d, s, sum, human::Style::Plain, 100),
        human::render(d, s, sum, human::Style::Graphical { color: true }, 80),
        report::concise::render(d, s, sum),
        report::json_lines::render(d, s, sum),
        report::sarif::render(d, s, sum, Some("https://example.org/docs")),
        report::github::render(d, s, sum),
        report::github::summary(d, s, sum),
        report::gitlab::render(d, s, sum),
        report::junit::render(d, s, sum),
    ]
    .concat()
}

/// The planlint binary with no locale in its environment, so that it
/// speaks English unless a test asks for Chinese.
pub fn planlint() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("planlint").expect("the planlint binary");
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(name);
    }
    cmd
}

/// A generated cascade of `provinces` provinces (seed 1, default rates),
/// written under a temporary directory as `rules/` and `plans/`.
pub fn write_generated(provinces: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let cascade = planlint::generate::generate(&planlint::generate::Options {
        seed: 1,
        provinces,
        rates: planlint::generate::Rates::default(),
    });
    for file in &cascade.files {
        let path = dir.path().join(&file.path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, &file.text).expect("write");
    }
    dir
}

/// A part of a zip file, as text.
pub fn zip_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut part = archive.by_name(name).expect("the part is there");
    let mut text = String::new();
    part.read_to_string(&mut text).expect("UTF-8");
    text
}
