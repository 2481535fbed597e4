//! Every output format, snapshotted on the small fixture and on the real
//! Xicheng plan; SARIF validated against the official 2.1.0 schema.

use serde_json::Value;

use super::{AS_OF, fixture, root, run};

const FORMATS: &[&str] = &[
    "concise",
    "json",
    "json-lines",
    "sarif",
    "github",
    "gitlab",
    "junit",
];

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/schemas/sarif-2.1.0.json"))
        .expect("the vendored SARIF schema");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn assert_valid_sarif(text: &str) {
    let log: Value = serde_json::from_str(text).expect("SARIF is JSON");
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF: {errors:#?}");
    assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
}

/// The SARIF log with each rule reduced to its id: the rules carry the
/// text of `docs/diagnostics.md`, which has its own tests.
fn without_rule_texts(text: &str) -> String {
    let mut log: Value = serde_json::from_str(text).unwrap_or_default();
    let ids: Vec<Value> = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .map(|rules| rules.iter().map(|r| r["id"].clone()).collect())
        .unwrap_or_default();
    log["runs"][0]["tool"]["driver"]["rules"] = Value::Array(ids);
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

#[test]
fn fixture_in_every_format() {
    for format in FORMATS {
        let (out, err, code) = run(&fixture(), &["check", "--as-of", AS_OF, "--format", format]);
        assert_eq!(code, 1, "{format}: {err}");
        let out = if *format == "sarif" {
            without_rule_texts(&out)
        } else {
            out
        };
        insta::assert_snapshot!(format!("fixture_{format}"), out);
    }
}

#[test]
fn xicheng_in_every_format() {
    for format in FORMATS {
        let (out, err, code) = run(
            &root(),
            &[
                "check",
                "plans/xicheng.plan",
                "--as-of",
                AS_OF,
                "--format",
                format,
            ],
        );
        assert_eq!(code, 1, "{format}: {err}");
        if *format == "sarif" {
            // The rules carry the text of docs/diagnostics.md, which has its
            // own tests; the results are what this snapshot is about.
            assert_valid_sarif(&out);
            let log: Value = serde_json::from_str(&out).unwrap_or_default();
            let results =
                serde_json::to_string_pretty(&log["runs"][0]["results"]).unwrap_or_default();
            insta::assert_snapshot!("xicheng_sarif_results", results);
        } else {
            insta::assert_snapshot!(format!("xicheng_{format}"), out);
        }
    }
}

#[test]
fn sarif_of_the_fixture_and_of_the_whole_cascade_is_valid() {
    let (out, _, _) = run(
        &fixture(),
        &["check", "--as-of", AS_OF, "--format", "sarif"],
    );
    assert_valid_sarif(&out);
    let log: Value = serde_json::from_str(&out).unwrap_or_default();
    let undercut = &log["runs"][0]["results"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["ruleId"] == "undercut-target").cloned())
        .unwrap_or_default();
    // In the plan, after `  target literacy { metric "公民具备科学素质的比例"; at_least `:
    // 51 characters (far more bytes), so the figure starts at column 52.
    let plan = &undercut["locations"][0]["physicalLocation"];
    assert_eq!(plan["artifactLocation"]["uri"], "plans/east.plan");
    assert_eq!(plan["region"]["startColumn"], 52);
    // The second location is the obligation in the rules file.
    let rules = &undercut["locations"][1]["physicalLocation"];
    assert_eq!(rules["artifactLocation"]["uri"], "rules/city.plan");

    // The real cascade's files by name, so that a plan a user adds to
    // `plans/` changes nothing here.
    let mut args = vec!["check", "--as-of", AS_OF, "--format", "sarif"];
    args.extend(crate::support::REAL_ARGS);
    let (out, _, code) = run(&root(), &args);
    assert_eq!(code, 1);
    assert_valid_sarif(&out);
}

#[test]
fn the_schema_rejects_what_is_not_sarif() {
    // The validation above can fail: a log without `columnKind`'s allowed
    // value and without a tool name is refused.
    let bad: Value = serde_json::json!({
        "version": "2.1.0",
        "runs": [{ "tool": { "driver": {} }, "columnKind": "bytes", "results": [] }]
    });
    assert!(!sarif_validator().is_valid(&bad));
}

#[test]
fn several_outputs_in_one_run() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let sarif = dir.path().join("out.sarif");
    let junit = dir.path().join("out.xml");
    let (out, err, code) = run(
        &fixture(),
        &[
            "check",
            "--as-of",
            AS_OF,
            "--format",
            "concise",
            "--output-file",
            &format!("sarif={}", sarif.display()),
            "--output-file",
            &format!("junit={}", junit.display()),
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("error undercut-target"), "{out}");
    assert_valid_sarif(&std::fs::read_to_string(&sarif).unwrap_or_default());
    let xml = std::fs::read_to_string(&junit).unwrap_or_default();
    assert!(
        xml.contains("<testcase name=\"fx.2\" classname=\"fx.east.plan\""),
        "{xml}"
    );
}

#[test]
fn an_unknown_output_format_is_a_usage_error() {
    let (_, err, code) = run(&fixture(), &["check", "--output-file", "sarif2=x.sarif"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown format `sarif2`"), "{err}");
}

#[test]
fn github_writes_a_job_summary() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").expect("write");
    let output = crate::support::planlint()
        .current_dir(fixture())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["check", "--as-of", AS_OF, "--format", "github"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let text = std::fs::read_to_string(&summary).unwrap_or_default();
    assert!(text.starts_with("earlier step\n## planlint\n"), "{text}");
    insta::assert_snapshot!("fixture_github_summary", text);
}

#[test]
fn gitlab_fingerprints_are_unique_and_survive_moved_lines() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(&plans).expect("mkdir");
    let original = std::fs::read_to_string(fixture().join("plans/east.plan")).expect("fixture");
    let rules = fixture().join("rules");
    let rules = rules.to_str().unwrap_or_default();
    let prints = |text: &str| -> Vec<String> {
        std::fs::write(plans.join("east.plan"), text).expect("write");
        let (out, _, _) = run(
            dir.path(),
            &[
                "check", "--rules", rules, "--as-of", AS_OF, "--format", "gitlab",
            ],
        );
        let issues: Value = serde_json::from_str(&out).unwrap_or_default();
        issues
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|i| i["fingerprint"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let before = prints(&original);
    let after = prints(&format!("# a new comment\n\n\n{original}"));
    assert_eq!(before.len(), 2);
    assert_eq!(before, after);
    assert_ne!(before[0], before[1]);
}

#[test]
fn sarif_rules_link_to_the_published_docs() {
    let dir = super::project(Some(
        "docs-url = \"https://example.org/planlint/diagnostics.html\"\n",
    ));
    let (out, _, _) = run(
        dir.path(),
        &["check", "--as-of", AS_OF, "--format", "sarif"],
    );
    assert_valid_sarif(&out);
    let log: Value = serde_json::from_str(&out).unwrap_or_default();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let rule = rules
        .iter()
        .find(|r| r["id"] == "undercut-target")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        rule["helpUri"],
        "https://example.org/planlint/diagnostics.html#undercut-target"
    );
    assert_eq!(rule["defaultConfiguration"]["level"], "error");
    // Without `docs-url` there is no link to invent.
    let (out, _, _) = run(
        &fixture(),
        &["check", "--as-of", AS_OF, "--format", "sarif"],
    );
    assert!(!out.contains("helpUri"));
}
