//! The defects of the hardening issue (issue 11), each through the real
//! binary or the library: missing directories, the project root, special
//! files as outputs, file modes, `source_text` outside the project, `diff
//! --rev` and git, broken pipes, and the pinned tests' own inputs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use assert_cmd::cargo::CommandCargoExt;

/// The real project (`rules/`, `plans/`).
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `planlint ARGS…` in `dir`.
fn planlint(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("planlint")
        .expect("the planlint binary")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("planlint runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the real project in a temporary directory: `rules/` (with
/// the source texts) and the bundled plan.
fn copy_of_the_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    copy_tree(root().join("rules").as_path(), &dir.path().join("rules"));
    std::fs::create_dir(dir.path().join("plans")).expect("mkdir");
    std::fs::copy(
        root().join("plans/xicheng.plan"),
        dir.path().join("plans/xicheng.plan"),
    )
    .expect("copy");
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("list") {
        let path: PathBuf = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

// Item 17: a reader that goes away.

/// Runs `planlint ARGS…` in `dir` with stdout a pipe whose reader is
/// already closed.
#[cfg(unix)]
fn with_closed_stdout(dir: &Path, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let child = Command::cargo_bin("planlint")
        .expect("the planlint binary")
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .spawn()
        .expect("planlint runs");
    child.wait_with_output().expect("planlint ends")
}

#[cfg(unix)]
#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let project = copy_of_the_project();
    let dir = project.path();
    let out = dir.join("out");
    std::fs::create_dir(&out).expect("mkdir");
    let baseline = out.join("b.json");
    let baseline = baseline.to_str().expect("UTF-8");
    #[cfg(feature = "generate")]
    let generated = out.join("gen");
    #[cfg(feature = "generate")]
    let generated = generated.to_str().expect("UTF-8");
    let mut runs: Vec<Vec<&str>> = vec![
        vec!["codes"],
        vec!["explain", "omitted-obligation"],
        vec!["baseline", "-o", baseline],
        vec!["diff", "plans/xicheng.plan", "plans/xicheng.plan"],
        vec!["report", "--format", "markdown"],
        vec!["report", "--format", "html"],
        vec!["report", "--format", "csv"],
        vec!["graph", "--format", "dot"],
        vec!["graph", "--format", "mermaid"],
    ];
    #[cfg(feature = "generate")]
    runs.push(vec!["generate", "--out", generated, "--provinces", "1"]);
    let formats = [
        "human",
        "plain",
        "concise",
        "json",
        "json-lines",
        "sarif",
        "github",
        "gitlab",
        "junit",
    ];
    for format in formats {
        runs.push(vec!["check", "--as-of", "2026-11-23", "--format", format]);
    }
    for args in runs {
        let output = with_closed_stdout(dir, &args);
        let stderr = text(&output.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("stdout"),
            "{args:?}: {stderr}"
        );
        assert_eq!(output.status.code(), Some(141), "{args:?}: {stderr}");
    }
}

// Item 21: a plan added to `plans/` breaks none of the pinned tests.

/// A district plan a user might add beside Xicheng's.
const DONGCHENG: &str = r#"document dc.plan {
  title "东城区落实《北京市全民科学素质行动规划纲要（2021—2035年）》实施方案"
  issuer "北京市东城区人民政府办公室"
  issued 2022-10-01
  period 2021-2035
  rank county "区"
  jurisdiction cn.bj.dongcheng
  carries_out bj.outline
}

item dc.1 {
  title "指导思想"
  source 1.1
  implements bj.2.1
}
"#;

#[test]
fn a_plan_added_to_plans_changes_none_of_the_pinned_inputs() {
    let project = copy_of_the_project();
    std::fs::write(project.path().join("plans/dongcheng.plan"), DONGCHENG).expect("write");
    let pinned = |dir: &Path, named: bool| {
        let mut args = vec!["check", "--as-of", "2026-11-23", "--format", "json"];
        if named {
            args.extend_from_slice(crate::support::REAL_ARGS);
        }
        text(&planlint(dir, &args).stdout)
    };
    // The run the pinned tests used to make (no paths) sees the new plan…
    let unnamed = pinned(project.path(), false);
    assert!(!unnamed.contains("missing-property"), "{unnamed}");
    assert!(unnamed.contains("plans/dongcheng.plan"), "{unnamed}");
    assert_ne!(unnamed, pinned(root(), true));
    // …the run they make now (the files named) does not.
    assert_eq!(pinned(project.path(), true), pinned(root(), true));
    let real: Vec<String> = crate::support::real_files()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert!(!real.iter().any(|n| n.contains("dongcheng")));
    let report = |dir: &Path| {
        let mut args = vec!["report", "--as-of", "2026-11-23", "--format", "markdown"];
        args.extend_from_slice(crate::support::REAL_ARGS);
        text(&planlint(dir, &args).stdout)
    };
    assert_eq!(report(project.path()), report(root()));
}

// Item 20: tests write only to temporary directories or cargo's.

#[test]
fn no_test_writes_into_the_source_tree_target_directory() {
    // `CARGO_TARGET_DIR` may put the target directory anywhere: a test that
    // writes to `<repo>/target/` fails where it does not exist. Tests use
    // `env!("CARGO_TARGET_TMPDIR")` or a temporary directory instead.
    let mut offenders = Vec::new();
    let mut stack = vec![root().join("tests/it"), root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("read");
            for (n, line) in source.lines().enumerate() {
                let quoted = ["\"target", "target\""].concat();
                let pattern = format!("join({quoted})");
                if line.contains(&pattern) || line.contains(&["\"target", "/"].concat()) {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

// Item 1: missing directories and the project root.

#[test]
fn a_missing_plans_or_rules_directory_is_an_input_error_naming_it() {
    let project = copy_of_the_project();
    let dir = project.path();
    let cases: [(&[&str], &str); 3] = [
        (
            &["--plans", "nosuchdir"],
            "planlint: error[read-error]: cannot read `nosuchdir`: the plans directory (given by `--plans`) does not exist\n",
        ),
        (
            &["--rules", "nosuchdir"],
            "planlint: error[read-error]: cannot read `nosuchdir`: the rules directory (given by `--rules`) does not exist\n",
        ),
        (
            &["--rules", "nosuchdir", "plans/xicheng.plan"],
            "planlint: error[read-error]: cannot read `nosuchdir`: the rules directory (given by `--rules`) does not exist\n",
        ),
    ];
    for command in ["check", "baseline", "report", "graph"] {
        for (args, message) in cases {
            let mut all = vec![command];
            all.extend_from_slice(args);
            let output = planlint(dir, &all);
            assert_eq!(output.status.code(), Some(2), "{all:?}");
            assert_eq!(text(&output.stderr), message, "{all:?}");
        }
    }
    // Configured in `planlint.toml`.
    std::fs::write(dir.join("planlint.toml"), "plans = \"nosuchdir\"\n").expect("write");
    let output = planlint(dir, &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "planlint: error[read-error]: cannot read `nosuchdir`: the plans directory (set by `plans` in `planlint.toml`) does not exist\n"
    );
    // With paths, the plans directory is not read, so it need not exist.
    let output = planlint(
        dir,
        &["check", "--as-of", "2026-11-23", "plans/xicheng.plan"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
}

#[test]
fn a_subdirectory_finds_the_project_root() {
    let project = copy_of_the_project();
    let root_run = planlint(
        project.path(),
        &["check", "--as-of", "2026-11-23", "--format", "concise"],
    );
    assert_eq!(root_run.status.code(), Some(1));
    let deep = project.path().join("rules/sources");
    let deep_run = planlint(
        &deep,
        &["check", "--as-of", "2026-11-23", "--format", "concise"],
    );
    assert_eq!(
        deep_run.status.code(),
        Some(1),
        "{}",
        text(&deep_run.stderr)
    );
    // The same findings, named from where planlint runs.
    assert_eq!(
        text(&deep_run.stdout),
        text(&root_run.stdout)
            .replace("rules/", "../../rules/")
            .replace("plans/", "../../plans/")
    );
    // `report` finds the project and its source texts the same way.
    let report = planlint(
        &deep,
        &["report", "--as-of", "2026-11-23", "--format", "markdown"],
    );
    assert_eq!(report.status.code(), Some(0), "{}", text(&report.stderr));
    assert_eq!(text(&report.stderr), "");
}

#[test]
fn outside_any_project_says_so_plainly() {
    let empty = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(empty.path().join("east.plan"), "document e.plan {\n}\n").expect("write");
    for args in [
        &["check"][..],
        &["check", "east.plan"],
        &["report"],
        &["graph"],
    ] {
        let output = planlint(empty.path(), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.starts_with("planlint: not inside a planlint project"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("UTF-8"), "{args:?}: {stderr}");
    }
}

// Item 9: `source_text` stays inside the project.

/// `plans/xicheng.plan` of a copy of the project, with its `source_text`
/// replaced by `source`.
fn with_source_text(dir: &Path, source: &str) {
    let path = dir.join("plans/xicheng.plan");
    let plan = std::fs::read_to_string(&path).expect("read");
    let plan = plan.replace(
        "source_text \"rules/sources/004_dbb92a8177a5e85b.txt\"",
        &format!("source_text \"{source}\""),
    );
    assert!(plan.contains(source));
    std::fs::write(&path, plan).expect("write");
}

#[test]
fn source_text_outside_the_project_is_refused() {
    let outer = tempfile::tempdir().expect("a temporary directory");
    // A file beside the project, shaped like a heading, that must not
    // reach the report.
    std::fs::write(outer.path().join("secret.txt"), "一、机密标题\n").expect("write");
    let project = outer.path().join("project");
    copy_tree(&root().join("rules"), &project.join("rules"));
    std::fs::create_dir(project.join("plans")).expect("mkdir");
    std::fs::copy(
        root().join("plans/xicheng.plan"),
        project.join("plans/xicheng.plan"),
    )
    .expect("copy");
    let secret = outer.path().join("secret.txt");
    let absolute = secret.to_str().expect("UTF-8").to_string();
    for (source, reason) in [
        ("../secret.txt", "it leads outside the project root"),
        (absolute.as_str(), "an absolute path"),
    ] {
        with_source_text(&project, source);
        let output = planlint(
            &project,
            &["report", "--as-of", "2026-11-23", "--format", "markdown"],
        );
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        assert!(!text(&output.stdout).contains("机密"), "{source}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.starts_with("planlint: warning: plans/xicheng.plan:50:15: `source_text`"),
            "{stderr}"
        );
        assert!(stderr.contains(reason), "{source}: {stderr}");
        std::fs::copy(
            root().join("plans/xicheng.plan"),
            project.join("plans/xicheng.plan"),
        )
        .expect("restore");
    }
    // A symbolic link inside the project that leads out is refused too.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, project.join("rules/sources/link.txt"))
            .expect("symlink");
        with_source_text(&project, "rules/sources/link.txt");
        let output = planlint(
            &project,
            &["report", "--as-of", "2026-11-23", "--format", "markdown"],
        );
        assert!(!text(&output.stdout).contains("机密"));
        assert!(text(&output.stderr).contains("outside the project root"));
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_as_source_text_is_refused_without_waiting() {
    let project = copy_of_the_project();
    let fifo = project.path().join("rules/sources/fifo.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    with_source_text(project.path(), "rules/sources/fifo.txt");
    let output = assert_cmd::Command::cargo_bin("planlint")
        .expect("the planlint binary")
        .current_dir(project.path())
        .args(["report", "--as-of", "2026-11-23", "--format", "markdown"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("planlint runs");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stderr).contains("not a regular file"),
        "{}",
        text(&output.stderr)
    );
}

// Item 10: `diff --rev` and git.

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.email=ci@example.invalid",
            "-c",
            "user.name=ci",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        text(&output.stderr)
    );
}

/// A copy of the project in a git repository, committed with `plan` as
/// `plans/xicheng.plan`; the working copy holds the real plan.
fn committed_project(plan: &[u8]) -> tempfile::TempDir {
    let project = copy_of_the_project();
    let d = project.path();
    let real = std::fs::read(d.join("plans/xicheng.plan")).expect("read");
    std::fs::write(d.join("plans/xicheng.plan"), plan).expect("write");
    git(d, &["init", "-q"]);
    git(d, &["add", "rules", "plans"]);
    git(d, &["commit", "-q", "-m", "adopted"]);
    std::fs::write(d.join("plans/xicheng.plan"), real).expect("write");
    project
}

#[test]
fn a_revision_that_looks_like_an_option_is_refused() {
    let real = std::fs::read(root().join("plans/xicheng.plan")).expect("read");
    let project = committed_project(&real);
    let d = project.path();
    for rev in ["--output=written-by-git", "-p"] {
        let arg = format!("--rev={rev}");
        let output = planlint(
            d,
            &["diff", &arg, "plans/xicheng.plan", "--as-of", "2026-11-23"],
        );
        assert_eq!(output.status.code(), Some(2), "{rev}");
        assert!(
            text(&output.stderr)
                .contains(&format!("`{rev}` is not a revision: it starts with `-`")),
            "{}",
            text(&output.stderr)
        );
        assert!(!d.join("written-by-git").exists());
        assert!(!d.join("plans/written-by-git").exists());
    }
    // A revision git does not know: git's failure is exit 2.
    let output = planlint(d, &["diff", "--rev", "no-such-rev", "plans/xicheng.plan"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("`git show no-such-rev:plans/xicheng.plan` failed"));
}

#[test]
fn a_gbk_plan_at_a_revision_is_read_as_check_reads_it() {
    let real = std::fs::read_to_string(root().join("plans/xicheng.plan")).expect("read");
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&real);
    assert!(!unmappable);
    let project = committed_project(&gbk);
    let output = planlint(
        project.path(),
        &[
            "diff",
            "--rev",
            "HEAD",
            "plans/xicheng.plan",
            "--as-of",
            "2026-11-23",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    // The same plan: the only change is that the file is UTF-8 now.
    let stdout = text(&output.stdout);
    assert!(stdout.contains("findings resolved (1):\n  HEAD:plans/xicheng.plan:1:1: info converted-encoding this file is in GBK/GB18030"), "{stdout}");
    assert!(!stdout.contains("introduced"), "{stdout}");
}

#[test]
fn a_huge_plan_at_a_revision_is_refused_by_the_size_limit() {
    let real = std::fs::read(root().join("plans/xicheng.plan")).expect("read");
    let mut huge = real.clone();
    while huge.len() as u64 <= planlint::decode::MAX_FILE_BYTES {
        huge.extend_from_slice(b"# padding padding padding padding padding padding padding\n");
    }
    let project = committed_project(&huge);
    let output = planlint(
        project.path(),
        &[
            "diff",
            "--rev",
            "HEAD",
            "plans/xicheng.plan",
            "--as-of",
            "2026-11-23",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("cannot read `plans/xicheng.plan` at `HEAD`: the file is"),
        "{stderr}"
    );
    assert!(
        stderr.contains("planlint reads files up to 4 MB"),
        "{stderr}"
    );
}

// Item 18: messages a new user met.

#[test]
fn a_far_year_is_told_the_range_not_to_write_a_real_date() {
    let err = planlint::syntax::value::date("9999-12-31").expect_err("refused");
    assert_eq!(
        err.message.render(planlint::i18n::Lang::En),
        "impossible year 9999 in the date `9999-12-31`"
    );
    assert_eq!(
        err.help
            .map(|h| h.render(planlint::i18n::Lang::En))
            .as_deref(),
        Some("planlint reads years 1900 to 2200; write the date the document gives")
    );
    // A day that does not exist is still an impossible date.
    let err = planlint::syntax::value::date("2022-02-30").expect_err("refused");
    assert_eq!(
        err.message.render(planlint::i18n::Lang::En),
        "impossible date `2022-02-30`"
    );
}

#[test]
fn an_oversized_config_or_baseline_is_not_told_to_split_into_documents() {
    let project = copy_of_the_project();
    let d = project.path();
    let big = vec![b'#'; planlint::decode::MAX_FILE_BYTES as usize + 10];
    std::fs::write(d.join("planlint.toml"), &big).expect("write");
    let output = planlint(d, &["check"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("the file is 4.0 MB; planlint reads files up to 4 MB; check that this is the file you meant"), "{stderr}");
    assert!(!stderr.contains("one file per document"), "{stderr}");
    std::fs::remove_file(d.join("planlint.toml")).expect("rm");
    std::fs::write(d.join("baseline.json"), &big).expect("write");
    let output = planlint(d, &["check", "--baseline", "baseline.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!text(&output.stderr).contains("one file per document"));
    // A plan is still told to split.
    std::fs::write(d.join("plans/big.plan"), &big).expect("write");
    let output = planlint(d, &["check", "plans/big.plan"]);
    assert!(text(&output.stderr).contains("split it into one file per document"));
}

#[test]
fn old_mac_line_ends_and_utf16_without_a_byte_order_mark() {
    let project = copy_of_the_project();
    let d = project.path();
    let plan = std::fs::read_to_string(d.join("plans/xicheng.plan")).expect("read");
    let args = ["check", "--as-of", "2026-11-23", "--format", "concise"];
    let before = planlint(d, &args);
    std::fs::write(d.join("plans/xicheng.plan"), plan.replace('\n', "\r")).expect("write");
    let cr = planlint(d, &args);
    assert_eq!(
        text(&cr.stdout),
        text(&before.stdout),
        "{}",
        text(&cr.stderr)
    );

    let utf16: Vec<u8> = plan.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(d.join("plans/xicheng.plan"), utf16).expect("write");
    let output = planlint(d, &args);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr)
            .contains("this looks like a binary file or UTF-16 without a byte order mark"),
        "{}",
        text(&output.stderr)
    );
}

// Item 4: which plan a roll-up counts does not depend on file names.

#[test]
fn renaming_a_plan_does_not_decide_the_roll_up() {
    let dir = crate::support::fixtures().join("checks/duplicate-plan/fail");
    let files: Vec<(String, String)> = crate::support::plan_files(&dir)
        .into_iter()
        .map(|(name, path)| (name, std::fs::read_to_string(path).expect("read")))
        .collect();
    let codes = |rename: &dyn Fn(&str) -> String| {
        let renamed = files.iter().map(|(n, t)| (rename(n), t.clone()));
        let outcome = planlint::check(
            renamed,
            planlint::Selection::All,
            planlint::check::Options {
                as_of: crate::support::AS_OF,
            },
        );
        let mut codes: Vec<&str> = outcome.diagnostics.iter().map(|d| d.code).collect();
        codes.sort();
        codes
    };
    let as_named = codes(&|n| n.to_string());
    // The draft's file sorts last now, the adopted plan's first.
    let swapped = codes(&|n| match n {
        "east-draft.plan" => "z-east-draft.plan".into(),
        other => other.to_string(),
    });
    assert_eq!(as_named, ["duplicate-plan", "undercut-target"]);
    assert_eq!(swapped, as_named);
}

#[test]
fn an_annual_plan_beside_a_long_term_one_rolls_up_on_its_own() {
    let outcome =
        crate::support::check_dir(&crate::support::fixtures().join("checks/duplicate-plan/pass"));
    let found: Vec<(&str, &str)> = outcome
        .diagnostics
        .iter()
        .map(|d| (d.code, d.message.as_str()))
        .collect();
    // The long-term plans of both districts add up (no shortfall); the
    // 2024 period has east's plan only, and the message says west's plan
    // is for another period.
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "roll-up-incomplete");
    assert!(
        found[0]
            .1
            .ends_with(
                "1 of 2 county jurisdictions has no plan in this run (西区); the plans missing are those for 2024"
            ),
        "{found:#?}"
    );
}
