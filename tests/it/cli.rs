//! The command line through the real binary: `check` with and without
//! paths, each output format, each exit status, `explain` and `codes`.
//! Every run fixes `--as-of` and `--width` so that output is stable.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

use planlint::check::registry;

use crate::support::fixtures;

/// A project directory made from a check fixture: the district plans go to
/// `plans/`, everything else (jurisdictions, higher documents) to `rules/`.
fn project(code: &str, kind: &str) -> TempDir {
    let root = tempfile::tempdir().expect("a temporary directory");
    for sub in ["rules", "plans"] {
        std::fs::create_dir(root.path().join(sub)).expect("mkdir");
    }
    let from = fixtures().join("checks").join(code).join(kind);
    for (name, path) in crate::support::plan_files(&from) {
        let sub = if name.starts_with("east") || name.starts_with("west") {
            "plans"
        } else {
            "rules"
        };
        std::fs::copy(&path, root.path().join(sub).join(&name)).expect("copy");
    }
    root
}

fn planlint(dir: &Path) -> Command {
    let mut cmd = crate::support::planlint();
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

/// `planlint check --as-of 2025-01-01 --width 100 ARGS…` in `dir`.
fn check(dir: &Path, args: &[&str]) -> std::process::Output {
    planlint(dir)
        .args(["check", "--as-of", "2025-01-01", "--width", "100"])
        .args(args)
        .output()
        .expect("planlint runs")
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 on stdout")
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 on stderr")
}

#[test]
fn check_without_paths_checks_the_project_and_exits_1_on_errors() {
    let project = project("omitted-obligation", "fail");
    let output = check(project.path(), &["--format", "plain"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn a_clean_project_exits_0() {
    let project = project("omitted-obligation", "pass");
    let output = check(project.path(), &["--format", "plain"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "0 errors, 0 warnings, 0 infos in 1 plan (east.plan), 3 files read\n"
    );
}

#[test]
fn warnings_alone_exit_0() {
    let project = project("dropped-element", "fail");
    let output = check(project.path(), &["--format", "plain"]);
    let text = stdout(&output);
    assert!(text.contains("warning[dropped-element]"), "{text}");
    assert!(text.contains("0 errors, 1 warning"), "{text}");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn an_input_error_exits_2_and_still_reports_findings() {
    let project = project("unknown-reference", "fail");
    let output = check(project.path(), &["--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().expect("code"))
        .collect();
    // The broken link leaves `c.1` uncovered: the check still runs and says so.
    assert_eq!(codes, ["unknown-reference", "omitted-obligation"]);
}

#[test]
fn a_file_that_is_not_utf8_exits_2_with_the_reason_on_stderr() {
    let project = project("read-error", "fail");
    let output = check(project.path(), &["--format", "plain"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "planlint: error[read-error]: cannot read `plans/east.plan`: not valid UTF-8 at byte 92; save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)\n"
    );
}

#[test]
fn no_project_here_is_a_usage_error_for_every_command_that_reads_one() {
    let empty = tempfile::tempdir().expect("a temporary directory");
    for command in ["check", "baseline", "report", "graph"] {
        let output = planlint(empty.path())
            .arg(command)
            .output()
            .expect("planlint runs");
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert_eq!(stdout(&output), "", "{command}");
        assert_eq!(
            stderr(&output),
            "planlint: not inside a planlint project: no `planlint.toml` and no `rules` directory here or in any directory above; run planlint in a project directory, or name the rules directory with `--rules`\n",
            "{command}"
        );
    }
}

#[test]
fn a_path_that_does_not_exist_exits_2() {
    let project = project("omitted-obligation", "pass");
    let output = check(project.path(), &["--format", "plain", "plans/nowhere.plan"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .starts_with("planlint: error[read-error]: cannot read `plans/nowhere.plan`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bad_arguments_exit_2() {
    let project = project("omitted-obligation", "pass");
    for args in [
        &["check", "--as-of", "2025-02-30"][..],
        &["check", "--format", "xml"],
        &["lint"],
    ] {
        let output = planlint(project.path()).args(args).output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn paths_select_the_plans_to_check() {
    let project = project("roll-up-shortfall", "fail");
    let all = check(project.path(), &["--format", "json"]);
    let all: Value = serde_json::from_slice(&all.stdout).expect("JSON");
    assert_eq!(
        all["summary"]["plans"],
        serde_json::json!(["east.plan", "west.plan"])
    );

    let one = check(project.path(), &["--format", "json", "plans/east.plan"]);
    assert_eq!(one.status.code(), Some(0), "{}", stdout(&one));
    let one: Value = serde_json::from_slice(&one.stdout).expect("JSON");
    assert_eq!(one["summary"]["plans"], serde_json::json!(["east.plan"]));
    // Its parents still come from `rules/`; the sibling is not loaded.
    assert_eq!(one["summary"]["files"], 3);
    let codes: Vec<&str> = one["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["roll-up-incomplete"]);
}

#[test]
fn rules_can_live_elsewhere() {
    let project = project("omitted-obligation", "fail");
    std::fs::rename(project.path().join("rules"), project.path().join("higher")).expect("mv");
    let output = check(
        project.path(),
        &["--format", "plain", "--rules", "higher", "plans"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains("no item implements `c.2`"));
}

#[test]
fn json_output_has_the_documented_shape() {
    let project = project("undercut-target", "fail");
    let output = check(project.path(), &["--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
    assert_eq!(json["version"], 1);

    let findings = json["findings"].as_array().expect("findings");
    let undercuts: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"] == "undercut-target")
        .collect();
    assert_eq!(undercuts.len(), 3);
    let share = undercuts
        .iter()
        .find(|f| f["figures"]["metric"] == "trained-public")
        .expect("the share undercut");
    assert_eq!(share["severity"], "error");
    assert_eq!(
        share["figures"],
        serde_json::json!({"metric": "trained-public", "expected": "6173 人次 a year", "actual": "5000 人次 a year"})
    );
    assert_eq!(
        share["location"],
        serde_json::json!({"file": "plans/east.plan", "line": 29, "column": 36, "end_line": 29, "end_column": 43})
    );
    assert_eq!(
        share["plan"],
        serde_json::json!({"id": "east.plan", "file": "plans/east.plan"})
    );
    assert_eq!(
        share["obligation"],
        serde_json::json!({"id": "c.3", "document": "city.outline", "citation": "4.5.3", "file": "rules/city.plan", "line": 29})
    );
    assert_eq!(
        share["item"],
        serde_json::json!({"id": "e.3", "citation": "3.5.3", "file": "plans/east.plan", "line": 25})
    );
    assert!(
        share["message"]
            .as_str()
            .expect("message")
            .contains("6173 人次 a year")
    );
    assert!(
        share["help"]
            .as_str()
            .expect("help")
            .contains("⌈10000 × 1234567 / 2000000⌉")
    );
    let related = share["related"].as_array().expect("related");
    assert_eq!(related[0]["file"], "rules/city.plan");
    assert_eq!(related[0]["message"], "owes 6173 人次 a year");

    for f in findings {
        for key in ["code", "severity", "message", "location", "related"] {
            assert!(f.get(key).is_some(), "a finding without `{key}`: {f}");
        }
    }
    let summary = &json["summary"];
    assert_eq!(summary["files"], 3);
    assert_eq!(summary["plans"], serde_json::json!(["east.plan"]));
    let count = |severity: &str| {
        findings
            .iter()
            .filter(|f| f["severity"] == severity)
            .count()
    };
    assert_eq!(summary["errors"], count("error"));
    assert_eq!(summary["warnings"], count("warning"));
    assert_eq!(summary["infos"], count("info"));
    assert_eq!(summary["total"], findings.len());
    insta::assert_json_snapshot!(json);
}

#[test]
fn plain_is_the_default_when_stdout_is_not_a_terminal() {
    let project = project("undercut-target", "fail");
    let default = check(project.path(), &[]);
    let plain = check(project.path(), &["--format", "plain"]);
    assert_eq!(default.stdout, plain.stdout);
    assert!(
        !stdout(&default).contains('\u{1b}'),
        "escape codes in piped output"
    );
}

#[test]
fn human_output_draws_labels_under_chinese_text() {
    let project = project("dropped-element", "fail");
    let output = check(project.path(), &["--format", "human"]);
    let text = stdout(&output);
    assert!(!text.contains('\u{1b}'), "colour in piped output");
    insta::assert_snapshot!(text);
}

#[test]
fn explain_prints_the_documentation_of_a_code() {
    for info in registry::all_codes() {
        let output = planlint(Path::new("."))
            .args(["explain", info.code])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{}", info.code);
        let text = stdout(&output);
        assert!(text.starts_with(&format!("## `{}`", info.code)), "{text}");
        assert_eq!(
            Some(text.trim_end().to_string()),
            registry::explanation(info.code, planlint::i18n::Lang::En)
        );
    }
}

#[test]
fn explain_an_unknown_code_suggests_the_nearest() {
    let output = planlint(Path::new("."))
        .args(["explain", "omited-obligation"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "planlint: unknown code `omited-obligation`; did you mean `omitted-obligation`? (`planlint codes` lists them)\n"
    );
    let output = planlint(Path::new("."))
        .args(["explain", "xyz"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "planlint: unknown code `xyz` (`planlint codes` lists them)\n"
    );
}

#[test]
fn codes_lists_every_code_with_its_severity() {
    let output = planlint(Path::new("."))
        .arg("codes")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let listed: Vec<(&str, &str)> = text
        .lines()
        .map(|l| {
            let mut words = l.split_whitespace();
            (words.next().expect("code"), words.next().expect("severity"))
        })
        .collect();
    let registered: Vec<(&str, &str)> = registry::all_codes()
        .map(|c| (c.code, c.severity.as_str()))
        .collect();
    assert_eq!(listed, registered);
    insta::assert_snapshot!(text);
}

#[test]
fn the_bundled_cascade_loads_without_input_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(crate::support::REAL_ARGS);
    let output = check(root, &args);
    let json: Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
    let input_errors: Vec<&Value> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| registry::INPUT_CODES.iter().any(|c| f["code"] == c.code))
        .collect();
    assert!(input_errors.is_empty(), "{input_errors:#?}");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
    let plans = json["summary"]["plans"].as_array().expect("plans");
    assert!(!plans.is_empty());
}

#[test]
fn severity_flags_do_not_turn_advisory_findings_into_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let counts = |extra: &[&str]| {
        let mut args = vec!["--format", "json"];
        args.extend_from_slice(extra);
        args.extend_from_slice(crate::support::REAL_ARGS);
        let json: Value =
            serde_json::from_str(&stdout(&check(root, &args))).expect("JSON on stdout");
        let summary = &json["summary"];
        (
            summary["errors"].as_u64(),
            summary["warnings"].as_u64(),
            summary["infos"].as_u64(),
        )
    };
    let (errors, warnings, infos) = counts(&[]);
    let (denied_errors, denied_warnings, denied_infos) = counts(&["--deny", "omitted-obligation"]);
    // The Beijing outline's omissions of the later national opinions stay
    // advice; only Xicheng's five warning-level omissions become errors
    // (two by a written `severity`, three asks the outline only 鼓励s).
    assert_eq!(denied_infos, infos);
    assert_eq!(denied_errors.zip(errors).map(|(d, e)| d - e), Some(5));
    assert_eq!(warnings.zip(denied_warnings).map(|(w, d)| w - d), Some(5));
}
