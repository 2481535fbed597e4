//! `planlint baseline` and `check --baseline`: the round trip on the real
//! Xicheng plan, stale entries, and bad baselines.

use serde_json::Value;

use super::{AS_OF, real_project, run};

/// Replaces the first `from` in a file of the project.
fn edit(dir: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "`{from}` is not in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn round_trip_on_the_real_plans() {
    let dir = real_project();
    let d = dir.path();
    let (out, err, code) = run(d, &["baseline", "--as-of", AS_OF]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("wrote "), "{out}");
    let text = std::fs::read_to_string(d.join("planlint-baseline.json")).unwrap_or_default();
    assert!(!text.contains("\"line\""), "entries have no line numbers");
    let check = [
        "check",
        "--as-of",
        AS_OF,
        "--format",
        "concise",
        "--baseline",
        "planlint-baseline.json",
    ];

    // Everything known is in the baseline: a clean run.
    let (out, _, code) = run(d, &check);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("0 errors, 0 warnings, 0 infos ("), "{out}");

    // Move every line down and drop one obligation from an item: only the
    // new omission is reported.
    edit(
        d,
        "plans/xicheng.plan",
        "document ",
        "# 修订稿\n\n\ndocument ",
    );
    edit(
        d,
        "plans/xicheng.plan",
        "implements bj.3.1.1 bj.3.1.5/3",
        "implements bj.3.1.5/3",
    );
    let (out, _, code) = run(d, &check);
    assert_eq!(code, 1);
    insta::assert_snapshot!("baseline_new_finding", out);

    // Fix a baselined finding (the omission of `bj.4.1.1/2`, an error in
    // `docs/findings.md`): its entry is reported stale.
    edit(
        d,
        "plans/xicheng.plan",
        "item xc.2.1.1 {",
        "exempt bj.4.1.1/2 { reason \"科技计划项目由市科委统一设立(测试)\" }\n\nitem xc.2.1.1 {",
    );
    let (out, _, code) = run(d, &check);
    assert_eq!(code, 1);
    insta::assert_snapshot!("baseline_stale_entry", out);

    // Writing the baseline again takes the fixed finding out of it.
    let (_, _, code) = run(d, &["baseline", "--as-of", AS_OF]);
    assert_eq!(code, 0);
    let (out, _, code) = run(d, &check);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("stale"), "{out}");
}

#[test]
fn baselined_findings_are_suppressed_in_json() {
    let dir = real_project();
    let d = dir.path();
    run(
        d,
        &[
            "baseline",
            "plans/xicheng.plan",
            "--as-of",
            AS_OF,
            "-o",
            "b.json",
        ],
    );
    let (out, _, code) = run(
        d,
        &[
            "check",
            "plans/xicheng.plan",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--baseline",
            "b.json",
        ],
    );
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(0));
    assert_eq!(json["suppressed"][0]["suppression"]["kind"], "baseline");
    assert_eq!(
        json["summary"]["suppressed"].as_u64(),
        json["suppressed"].as_array().map(|a| a.len() as u64)
    );
}

#[test]
fn stale_entries_follow_the_fail_level_and_flags() {
    let dir = real_project();
    let d = dir.path();
    run(d, &["baseline", "--as-of", AS_OF]);
    // Exempting an obligation the plan omits fixes a baselined error.
    edit(
        d,
        "plans/xicheng.plan",
        "item xc.2.1.1 {",
        "exempt bj.4.1.1/2 { reason \"测试\" }\n\nitem xc.2.1.1 {",
    );
    let base = [
        "check",
        "--as-of",
        AS_OF,
        "--baseline",
        "planlint-baseline.json",
    ];
    assert_eq!(run(d, &base).2, 0, "a stale entry is a warning");
    let with = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        run(d, &args).2
    };
    assert_eq!(with(&["--fail-level", "warning"]), 1);
    assert_eq!(with(&["--deny", "stale-baseline-entry"]), 1);
    assert_eq!(with(&["--deny", "stale-baseline-entry", "--exit-zero"]), 0);
}

#[test]
fn a_bad_baseline_is_exit_2() {
    let dir = real_project();
    let d = dir.path();
    std::fs::write(
        d.join("bad.json"),
        "{\n  \"version\": 1,\n  \"entries\": [oops]\n}\n",
    )
    .expect("write");
    let (_, err, code) = run(d, &["check", "--as-of", AS_OF, "--baseline", "bad.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("error[invalid-baseline]: bad.json:3:15: not a planlint baseline"),
        "{err}"
    );
    let (_, _, code) = run(
        d,
        &[
            "check",
            "--as-of",
            AS_OF,
            "--baseline",
            "missing.json",
            "--exit-zero",
        ],
    );
    assert_eq!(code, 2);
}

#[test]
fn the_baseline_is_replaced_atomically() {
    let dir = real_project();
    let d = dir.path();
    std::fs::write(d.join("planlint-baseline.json"), "old").expect("write");
    // A failed run (a broken plan) leaves the old file whole.
    std::fs::write(d.join("plans/broken.plan"), "item {\n").expect("write");
    let (_, _, code) = run(d, &["baseline", "--as-of", AS_OF]);
    assert_eq!(code, 2);
    assert_eq!(
        std::fs::read_to_string(d.join("planlint-baseline.json")).unwrap_or_default(),
        "old"
    );
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(d)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(names.iter().all(|n| !n.starts_with(".tmp")), "{names:?}");
}

#[test]
fn entries_about_plans_outside_the_run_are_not_stale() {
    let dir = real_project();
    let d = dir.path();
    run(d, &["baseline", "--as-of", AS_OF]);
    let text = std::fs::read_to_string(d.join("planlint-baseline.json")).unwrap_or_default();
    assert!(
        text.contains("\"plan\":\"bj.outline\""),
        "the full baseline has the outline's findings"
    );
    let (out, _, code) = run(
        d,
        &[
            "check",
            "plans/xicheng.plan",
            "--as-of",
            AS_OF,
            "--format",
            "concise",
            "--baseline",
            "planlint-baseline.json",
            "--fail-level",
            "info",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("stale"), "{out}");
}
