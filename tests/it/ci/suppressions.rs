//! Inline `suppress` statements: mandatory reason, unused ones reported,
//! suppressed findings counted and shown as suppressed in json and sarif.

use serde_json::Value;

use super::{AS_OF, append, project, run};

#[test]
fn a_suppressed_finding_leaves_the_verdict_but_stays_visible() {
    let dir = project(None);
    let d = dir.path();
    append(
        d,
        "plans/east.plan",
        "\nsuppress undercut-target fx.2 {\n  reason \"区级指标经市里同意按25%执行(测试)\"\n}\n",
    );
    let (out, err, code) = run(d, &["check", "--as-of", AS_OF, "--format", "concise"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("suppressed_concise", out);

    let (out, _, _) = run(d, &["check", "--as-of", AS_OF, "--format", "json"]);
    let json: Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(json["summary"]["suppressed"], 1);
    let s = &json["suppressed"][0];
    assert_eq!(s["code"], "undercut-target");
    assert_eq!(s["suppression"]["kind"], "inline");
    assert_eq!(
        s["suppression"]["reason"],
        "区级指标经市里同意按25%执行(测试)"
    );
    assert_eq!(s["suppression"]["location"]["line"], 28);

    let (out, _, _) = run(d, &["check", "--as-of", AS_OF, "--format", "sarif"]);
    let sarif: Value = serde_json::from_str(&out).unwrap_or_default();
    let results = sarif["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
}

#[test]
fn an_obligation_suppression_covers_every_code_about_it() {
    let dir = project(None);
    append(
        dir.path(),
        "plans/east.plan",
        "\nsuppress fx.3 { reason \"由市级统一建设\" }\n",
    );
    let (out, _, code) = run(
        dir.path(),
        &["check", "--as-of", AS_OF, "--format", "concise"],
    );
    assert_eq!(code, 1);
    assert!(!out.contains("omitted-obligation"), "{out}");
    assert!(out.contains("(1 suppressed)"), "{out}");
}

#[test]
fn a_suppression_that_suppresses_nothing_is_reported() {
    let dir = project(None);
    append(
        dir.path(),
        "plans/east.plan",
        "\nsuppress fx.1 { reason \"没有发现\" }\nsuppress fx.33 { reason \"拼错了\" }\nsuppress dropped-element { reason \"无\" }\n",
    );
    let (out, _, code) = run(
        dir.path(),
        &["check", "--as-of", AS_OF, "--format", "concise"],
    );
    assert_eq!(code, 1);
    insta::assert_snapshot!("unused_suppressions", out);
    let (out, _, _) = run(
        dir.path(),
        &["check", "--as-of", AS_OF, "--format", "plain"],
    );
    assert!(
        out.contains("`fx.33` is neither a code nor an obligation; did you mean `fx.3`?"),
        "{out}"
    );
    let (_, _, code) = run(
        dir.path(),
        &[
            "check",
            "--as-of",
            AS_OF,
            "--allow",
            "undercut-target",
            "--fail-level",
            "warning",
        ],
    );
    assert_eq!(code, 1, "unused suppressions are warnings");
}

#[test]
fn the_reason_is_mandatory() {
    let dir = project(None);
    append(
        dir.path(),
        "plans/east.plan",
        "\nsuppress undercut-target {\n}\nsuppress fx.3 { reason \"  \" }\n",
    );
    let (out, _, code) = run(
        dir.path(),
        &["check", "--as-of", AS_OF, "--format", "concise"],
    );
    assert_eq!(code, 2);
    assert!(
        out.contains("plans/east.plan:28:1: error missing-property `suppress` has no `reason`"),
        "{out}"
    );
    assert!(out.contains("error invalid-value an empty reason"), "{out}");
    assert!(
        !out.contains("suppressed"),
        "no reason, no suppression: {out}"
    );
}
