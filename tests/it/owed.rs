//! `planlint owed` on the real rules: Dongcheng's shares, what it does not
//! owe and why, names and "did you mean", and a starter plan that `check`
//! reads with no input error and reports wholly open.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A project with a copy of the real `rules/*.plan` and an empty `plans/`,
/// so that plans added to the repository change nothing here.
fn project() -> TempDir {
    let root = tempfile::tempdir().expect("a temporary directory");
    let rules = root.path().join("rules");
    std::fs::create_dir(&rules).expect("mkdir");
    std::fs::create_dir(root.path().join("plans")).expect("mkdir");
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for entry in std::fs::read_dir(real).expect("rules/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "plan") {
            std::fs::copy(&path, rules.join(path.file_name().expect("a name"))).expect("copy");
        }
    }
    root
}

fn planlint(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("planlint")
        .expect("the planlint binary")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("planlint runs")
}

fn json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

fn owed_json(dir: &Path, who: &str) -> Value {
    let out = planlint(
        dir,
        &[
            "owed",
            who,
            "--carries-out",
            "bj.outline",
            "--format",
            "json",
            "--as-of",
            "2025-01-01",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out)
}

fn entry<'a>(owed: &'a Value, id: &str) -> &'a Value {
    owed["owed"]
        .as_array()
        .expect("owed")
        .iter()
        .find(|e| e["obligation"] == id)
        .unwrap_or_else(|| panic!("`{id}` is owed"))
}

#[test]
fn dongcheng_owes_its_population_share_of_each_shared_figure() {
    let dir = project();
    let owed = owed_json(dir.path(), "cn.bj.dongcheng");
    assert_eq!(owed["jurisdiction"]["id"], "cn.bj.dongcheng");
    assert_eq!(owed["period"], serde_json::json!([2021, 2035]));
    // 每年培训社会公众不少于30万人次: ⌈300000 × 708829 / 21893095⌉ a year.
    let training = &entry(&owed, "bj.4.5.3")["figures"][0];
    let expected = (300_000u64 * 708_829).div_ceil(21_893_095);
    assert_eq!(training["value"].as_f64(), Some(expected as f64));
    assert_eq!(training["per_year"], true);
    assert_eq!(training["comparator"], "at_least");
    assert_eq!(training["share"]["total"].as_f64(), Some(300_000.0));
    assert_eq!(training["share"]["population"], 708_829);
    assert_eq!(training["share"]["among"], 21_893_095);
    // 8000 studios by 2025, shared; the 100 北京优秀青年工程师创新工作室 are
    // a title the city confers (`passes none`): no figure is owed.
    let studios = &entry(&owed, "bj.3.3.1/2")["figures"];
    assert_eq!(
        studios[0]["value"].as_f64(),
        Some((8000u64 * 708_829).div_ceil(21_893_095) as f64)
    );
    assert_eq!(studios.as_array().map(Vec::len), Some(1));
    assert_eq!(studios[0]["deadline"], 2025);
    // The literacy target passes down as a floor, not a share.
    let literacy = &entry(&owed, "bj.2.3.1")["figures"][0];
    assert_eq!(
        (literacy["value"].as_f64(), literacy["comparator"].as_str()),
        (Some(28.0), Some("about"))
    );
    assert!(literacy["share"].is_null());
    // Dongcheng has no farmers; some tasks bind only the city.
    let not_owed = owed["not_owed"].as_array().expect("not_owed");
    let farmers = not_owed
        .iter()
        .find(|n| n["obligation"] == "bj.3.2.2")
        .expect("farmers listed");
    assert_eq!(farmers["reason"], "not-applicable");
    assert!(farmers["detail"].as_str().unwrap().contains("agricultural"));
    assert!(not_owed.iter().any(|n| n["reason"] == "issuer"));
    assert!(
        owed["owed"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["obligation"] != "bj.3.2.2")
    );
}

#[test]
fn a_jurisdiction_is_found_by_its_chinese_name_and_a_near_miss_is_suggested() {
    let dir = project();
    for name in ["东城区", "东城"] {
        assert_eq!(
            owed_json(dir.path(), name)["jurisdiction"]["id"],
            "cn.bj.dongcheng"
        );
    }
    for wrong in ["dongchen", "东城市", "cn.bj.dongchen"] {
        let out = planlint(dir.path(), &["owed", wrong]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("unknown jurisdiction `{wrong}`")),
            "{err}"
        );
        assert!(
            err.contains("did you mean `cn.bj.dongcheng` (东城区)?"),
            "{err}"
        );
    }
    let out = planlint(
        dir.path(),
        &["owed", "cn.bj.dongcheng", "--carries-out", "bj.outlin"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `bj.outline`?"));
}

/// A drafter starts from `owed --format plan`: `check` reads the untouched
/// starter plan with no input error and reports every owed obligation as
/// open (an omitted bullet stands for its clauses); one item written out
/// carries out its obligation with the owed share.
#[test]
fn the_starter_plan_checks_with_every_obligation_open() {
    let dir = project();
    let out = planlint(
        dir.path(),
        &[
            "owed",
            "东城区",
            "--carries-out",
            "bj.outline",
            "--format",
            "plan",
            "--as-of",
            "2025-01-01",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let plan = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        plan.contains("jurisdiction cn.bj.dongcheng") && plan.contains("carries_out bj.outline")
    );
    assert!(
        plan.contains("#   target emergency-training { at_least 9714 人次; per year }"),
        "{plan}"
    );
    std::fs::write(dir.path().join("plans/dongcheng.plan"), &plan).expect("write");
    let checked = planlint(
        dir.path(),
        &[
            "check",
            "--as-of",
            "2025-01-01",
            "--format",
            "json",
            "plans/dongcheng.plan",
        ],
    );
    assert_eq!(checked.status.code(), Some(1), "findings, no input error");
    let report = json(&checked);
    let findings = report["findings"].as_array().expect("findings");
    assert!(findings.iter().all(|f| {
        ["omitted-obligation", "roll-up-incomplete"].contains(&f["code"].as_str().unwrap())
    }));
    let open: Vec<&str> = findings
        .iter()
        .filter(|f| f["code"] == "omitted-obligation")
        .map(|f| f["obligation"]["id"].as_str().unwrap())
        .collect();
    let owed = owed_json(dir.path(), "cn.bj.dongcheng");
    for e in owed["owed"].as_array().unwrap() {
        let id = e["obligation"].as_str().unwrap();
        let bullet = id.split('/').next().unwrap();
        assert!(
            open.contains(&id) || open.contains(&bullet),
            "`{id}` is not reported open"
        );
    }
    // The drafter writes one item: uncommented, it carries out its
    // obligation with the owed figure, and that obligation is no longer open.
    let mut drafted = String::new();
    let mut inside = false;
    for line in plan.lines() {
        if line.starts_with("# item dongcheng.4.5.3 {") {
            inside = true;
        }
        if inside {
            let line = line.strip_prefix("# ").unwrap_or(line);
            let line = match line.trim_start() {
                l if l.starts_with("title") => "  title \"推进应急科普宣教\"".to_string(),
                l if l.starts_with("text") => "  text \"推进应急科普知识进企业、进社区、进学校、进家庭，开展“应急宣传进万家”活动，每年培训社会公众不少于9714人次\"".to_string(),
                l if l.starts_with("units") => "  units \"区应急局\"".to_string(),
                l if l.starts_with("source") => "  source 4.5.3".to_string(),
                _ => line.split("   # owed").next().unwrap_or(line).to_string(),
            };
            inside = line != "}";
            drafted.push_str(&line);
        } else {
            drafted.push_str(line);
        }
        drafted.push('\n');
    }
    std::fs::write(dir.path().join("plans/dongcheng.plan"), &drafted).expect("write");
    let checked = planlint(
        dir.path(),
        &[
            "check",
            "--as-of",
            "2025-01-01",
            "--format",
            "json",
            "plans/dongcheng.plan",
        ],
    );
    assert_eq!(
        checked.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
    let report = json(&checked);
    let findings = report["findings"].as_array().expect("findings");
    let about_it: Vec<&Value> = findings
        .iter()
        .filter(|f| f["obligation"]["id"] == "bj.4.5.3" && f["code"] != "roll-up-incomplete")
        .collect();
    assert!(about_it.is_empty(), "{about_it:#?}");
    // Its clauses, which the bullet's finding stood for, are now reported
    // one by one.
    let still_open: Vec<&str> = findings
        .iter()
        .filter(|f| f["code"] == "omitted-obligation")
        .map(|f| f["obligation"]["id"].as_str().unwrap())
        .collect();
    assert!(still_open.contains(&"bj.4.5.3/2") && still_open.contains(&"bj.4.5.3/3"));
    // Nothing else changes: the bullet left the list, its clauses came in.
    let clauses = still_open
        .iter()
        .filter(|id| id.starts_with("bj.4.5.3/"))
        .count();
    assert_eq!(still_open.len(), open.len() - 1 + clauses);
}

#[test]
fn a_plan_owes_what_check_holds_it_to() {
    let dir = project();
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/xicheng.plan");
    std::fs::copy(real, dir.path().join("plans/xicheng.plan")).expect("copy");
    let out = planlint(
        dir.path(),
        &[
            "owed",
            "plans/xicheng.plan",
            "--format",
            "json",
            "--as-of",
            "2025-01-01",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let owed = json(&out);
    assert_eq!(owed["jurisdiction"]["id"], "cn.bj.xicheng");
    assert_eq!(owed["documents"][0]["id"], "bj.outline");
    let training = &entry(&owed, "bj.4.5.3")["figures"][0];
    assert_eq!(
        training["value"].as_f64(),
        Some((300_000u64 * 1_106_214).div_ceil(21_893_095) as f64)
    );
    // What the plan already carries out is counted as `check` counts it,
    // and each entry has its status in the coverage model.
    let check = planlint(
        dir.path(),
        &[
            "check",
            "plans/xicheng.plan",
            "--format",
            "json",
            "--as-of",
            "2025-01-01",
        ],
    );
    let check = json(&check);
    let summary = check["summary"]["coverage"]
        .as_array()
        .and_then(|plans| plans.iter().find(|p| p["id"] == "xc.plan"))
        .expect("check counts the plan");
    let coverage = &owed["coverage"];
    assert_eq!(coverage["id"], "xc.plan");
    for name in [
        "owed",
        "advisory",
        "binding",
        "implemented",
        "partial",
        "exempted",
        "omitted",
        "must_add",
        "undercut",
        "unstated",
        "dropped",
        "weakened",
    ] {
        assert_eq!(coverage[name], summary[name], "{name}");
    }
    let entries = owed["owed"].as_array().expect("entries");
    assert_eq!(Some(entries.len() as u64), coverage["owed"].as_u64());
    for (status, name) in [
        ("implemented", "implemented"),
        ("partial", "partial"),
        ("omitted", "omitted"),
    ] {
        let listed = entries
            .iter()
            .filter(|e| e["status"] == status && e["advisory"] == false)
            .count();
        assert_eq!(Some(listed as u64), coverage[name].as_u64(), "{status}");
        assert!(listed > 0, "{status}");
    }
    // A jurisdiction's plan is not written yet: no statuses.
    let dongcheng = owed_json(dir.path(), "东城区");
    assert!(dongcheng.get("coverage").is_none());
    assert!(dongcheng["owed"][0].get("status").is_none());
    let out = planlint(dir.path(), &["owed", "plans/missing.plan"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read `plans/missing.plan`"));
}
