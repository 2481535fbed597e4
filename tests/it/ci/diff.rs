//! `planlint diff`: two revisions of the real Xicheng plan that differ by
//! one removed item and one lowered target, as two files and through
//! `--rev` in a git repository; exit codes.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::{AS_OF, real_project, run};

/// The Xicheng plan without item `xc.2.1.1` (which implements `bj.3.1.1`
/// and `bj.3.1.5/3`, and drops an element of `bj.3.1.1`) and with its
/// literacy target lowered from 30% to 25%.
fn revised(text: &str) -> String {
    let start = text.find("item xc.2.1.1 {").expect("item xc.2.1.1");
    let end = text.find("item xc.2.1.2 {").expect("item xc.2.1.2");
    let text = format!("{}{}", &text[..start], &text[end..]);
    let lowered = text.replacen(
        "target literacy { at_least 30%; by 2025 }",
        "target literacy { at_least 25%; by 2025 }",
        1,
    );
    assert_ne!(lowered, text, "the literacy target is in the plan");
    lowered
}

fn write_revision(dir: &Path) {
    let plan = dir.join("plans/xicheng.plan");
    let text = std::fs::read_to_string(&plan).expect("the real plan");
    std::fs::write(dir.join("xicheng-revised.plan"), revised(&text)).expect("write");
}

#[test]
fn two_files_of_the_real_plan() {
    let dir = real_project();
    let d = dir.path();
    write_revision(d);
    let (out, err, code) = run(
        d,
        &[
            "diff",
            "plans/xicheng.plan",
            "xicheng-revised.plan",
            "--as-of",
            AS_OF,
        ],
    );
    // Two omissions (one per obligation the item implemented) and the undercut.
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("introduces 3 findings at or above `error`"),
        "{err}"
    );
    insta::assert_snapshot!("diff_xicheng", out);

    let (out, _, code) = run(
        d,
        &[
            "diff",
            "plans/xicheng.plan",
            "xicheng-revised.plan",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&out).unwrap_or_default();
    let open: Vec<&str> = json["no_longer_implemented"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["obligation"].as_str())
        .collect();
    assert_eq!(open, ["bj.3.1.1", "bj.3.1.5/3"]);
    assert_eq!(json["lowered"][0]["old"], "at_least 30%");
    assert_eq!(json["lowered"][0]["new"], "at_least 25%");
    // The three, and the lowered target that its text (30%) no longer matches.
    assert_eq!(json["introduced"].as_array().map(Vec::len), Some(4));
    // Resolved: the dropped element, and the omission of the bullet's
    // clause `bj.3.1.1/2`, now part of the omission of the whole bullet.
    let resolved: Vec<&str> = json["resolved"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(resolved, ["omitted-obligation", "dropped-element"]);

    // Read the other way round, the revision resolves the three, brings back
    // the dropped element and the clause's own omission, implements both obligations again and raises the
    // target.
    let (out, _, code) = run(
        d,
        &[
            "diff",
            "xicheng-revised.plan",
            "plans/xicheng.plan",
            "--as-of",
            AS_OF,
        ],
    );
    // Back to the real plan, the omission of `bj.3.1.1/2` (folded into the
    // bullet's while the whole bullet was omitted) is an error of its own.
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("findings introduced (2)"), "{out}");
    assert!(out.contains("findings resolved (4)"), "{out}");
    assert!(out.contains("obligations newly implemented (2)"), "{out}");
    assert!(out.contains("targets raised (1)"), "{out}");
}

#[test]
fn exit_codes_follow_the_flags() {
    let dir = real_project();
    let d = dir.path();
    write_revision(d);
    let status = |extra: &[&str]| {
        let mut args = vec![
            "diff",
            "plans/xicheng.plan",
            "xicheng-revised.plan",
            "--as-of",
            AS_OF,
        ];
        args.extend_from_slice(extra);
        run(d, &args).2
    };
    assert_eq!(status(&[]), 1);
    assert_eq!(status(&["--exit-zero"]), 0);
    assert_eq!(
        status(&[
            "--allow",
            "omitted-obligation",
            "--allow",
            "undercut-target"
        ]),
        0
    );
    assert_eq!(
        status(&["--warn", "omitted-obligation", "--warn", "undercut-target"]),
        0
    );
    assert_eq!(
        status(&[
            "--warn",
            "omitted-obligation",
            "--warn",
            "undercut-target",
            "--fail-level",
            "warning"
        ]),
        1
    );
    assert_eq!(status(&["--allow", "nonsense"]), 2);
}

#[test]
fn moving_text_changes_nothing() {
    let dir = real_project();
    let d = dir.path();
    let text = std::fs::read_to_string(d.join("plans/xicheng.plan")).expect("plan");
    std::fs::write(d.join("moved.plan"), format!("# 格式调整\n\n\n{text}")).expect("write");
    let (out, _, code) = run(
        d,
        &["diff", "plans/xicheng.plan", "moved.plan", "--as-of", AS_OF],
    );
    assert_eq!(code, 0);
    assert!(out.ends_with("\nno change in compliance\n"), "{out}");
}

fn git(dir: &Path, args: &[&str]) -> bool {
    Command::new("git")
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
        .map(|o| o.status.success())
        .unwrap_or(false)
}

#[test]
fn against_a_git_revision() {
    let dir = real_project();
    let d = dir.path();
    assert!(git(d, &["init", "-q"]), "git init");
    assert!(git(d, &["add", "rules", "plans"]));
    assert!(git(d, &["commit", "-q", "-m", "plans as adopted"]));
    let plan = d.join("plans/xicheng.plan");
    let text = std::fs::read_to_string(&plan).expect("plan");
    std::fs::write(&plan, revised(&text)).expect("write");

    let (out, err, code) = run(
        d,
        &[
            "diff",
            "--rev",
            "HEAD",
            "plans/xicheng.plan",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("diff_xicheng_rev", out);

    // The old revision is judged with the plan's per-plan overrides too.
    std::fs::write(
        d.join("planlint.toml"),
        "[[overrides]]\nplans = [\"plans/xicheng*.plan\"]\nseverity = { dropped-element = \"error\", undercut-target = \"warning\" }\n",
    )
    .expect("write");
    let (out, _, code) = run(
        d,
        &[
            "diff",
            "--rev",
            "HEAD",
            "plans/xicheng.plan",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1, "the omission is still an error");
    let json: Value = serde_json::from_str(&out).unwrap_or_default();
    let dropped = json["resolved"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["code"] == "dropped-element");
    assert_eq!(dropped.map(|f| &f["severity"]), Some(&Value::from("error")));
    let undercut = json["introduced"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["code"] == "undercut-target");
    assert_eq!(
        undercut.map(|f| &f["severity"]),
        Some(&Value::from("warning"))
    );
    std::fs::remove_file(d.join("planlint.toml")).expect("remove");

    // From a subdirectory, the path is relative to it.
    let (_, err, code) = run(
        &d.join("plans"),
        &[
            "diff",
            "--rev",
            "HEAD",
            "xicheng.plan",
            "--rules",
            "../rules",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(code, 1, "{err}");

    let (_, err, code) = run(d, &["diff", "--rev", "no-such-rev", "plans/xicheng.plan"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`git show no-such-rev:plans/xicheng.plan` failed"),
        "{err}"
    );
}

#[test]
fn usage_errors_are_exit_2() {
    let dir = real_project();
    let d = dir.path();
    assert_eq!(run(d, &["diff", "plans/xicheng.plan"]).2, 2);
    assert_eq!(
        run(
            d,
            &[
                "diff",
                "--rev",
                "HEAD",
                "plans/xicheng.plan",
                "plans/xicheng.plan"
            ]
        )
        .2,
        2
    );
    assert_eq!(
        run(
            d,
            &["diff", "plans/xicheng.plan", "missing.plan", "--exit-zero"]
        )
        .2,
        2
    );
    std::fs::write(d.join("broken.plan"), "item {\n").expect("write");
    assert_eq!(run(d, &["diff", "plans/xicheng.plan", "broken.plan"]).2, 2);
}
