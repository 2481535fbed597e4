//! One coverage model, one set of counts: `check --format json`'s summary,
//! the report's verdict box (HTML and Markdown) and the 对照表 rows agree,
//! on the real cascade and on the report fixture, which has every status.

use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use planlint::check::{Context, Options};
use planlint::coverage::{self, Coverage, DROPPED_CODE, Headings, UNSTATED_CODE, WEAKENED_CODE};
use planlint::i18n::Lang;
use planlint::report::table::{self, ComparisonRow};
use planlint::status::Status;
use planlint::syntax::value::Date;
use planlint::{Outcome, Selection};
use serde_json::Value;

use crate::support;

const AS_OF: &str = "2026-11-23";
const AS_OF_DATE: Date = Date {
    year: 2026,
    month: 11,
    day: 23,
};

/// The report fixture: a city outline, a later notice, districts A and B;
/// between them every status of a cell.
const FIXTURE: [&str; 4] = [
    "--rules",
    "tests/fixtures/report/rules",
    "--plans",
    "tests/fixtures/report/plans",
];

/// The standard output of `planlint <command> --lang zh --as-of AS_OF
/// <args> <extra>`; the exit status is the command's business (`check`
/// exits 1 on these cascades).
fn output(command: &str, args: &[&str], extra: &[&str]) -> String {
    let mut cmd = Command::cargo_bin("planlint").expect("the planlint binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(name);
    }
    let out = cmd
        .arg(command)
        .args(["--lang", "zh", "--as-of", AS_OF])
        .args(args)
        .args(extra)
        .output()
        .expect("planlint runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{command} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The coverage model and the 对照表 rows of the same files, through the
/// library, as `planlint report` builds them.
fn model(outcome: &Outcome) -> (Coverage, Vec<ComparisonRow>) {
    let options = Options { as_of: AS_OF_DATE };
    let ctx = Context::new(&outcome.model, options, outcome.plans.iter().copied());
    let c = coverage::build(&ctx, &outcome.diagnostics, &Headings::new());
    let rows = table::rows(&c, Lang::Zh);
    (c, rows)
}

fn count(plan: &Value, name: &str) -> usize {
    plan[name]
        .as_u64()
        .unwrap_or_else(|| panic!("no count {name} in {plan}")) as usize
}

/// Checks that the three agree for the cascade of `args` (paths for the
/// binary) and `outcome` (the same files through the library); returns the
/// statuses of the 对照表 rows.
fn agree(args: &[&str], outcome: &Outcome) -> Vec<Status> {
    let json: Value = serde_json::from_str(&output("check", args, &["--format", "json"]))
        .expect("check prints JSON");
    let markdown = output("report", args, &["--format", "markdown"]);
    let html = output("report", args, &["--format", "html"]);
    let (c, rows) = model(outcome);
    let plans = json["summary"]["coverage"]
        .as_array()
        .expect("check's JSON summary has per-plan coverage");
    let ids: Vec<&str> = plans.iter().filter_map(|p| p["id"].as_str()).collect();
    let model_ids: Vec<&str> = c.plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, model_ids, "the same plans, in the same order");
    let findings = json["findings"].as_array().expect("findings");
    let mut seen = Vec::new();
    for (plan, summary) in plans.iter().zip(&c.plans) {
        let id = summary.id.as_str();
        // The 对照表: one row per owed cell, the advisory ones apart.
        let mine: Vec<&ComparisonRow> = rows.iter().filter(|r| r.plan == id).collect();
        let binding: Vec<&&ComparisonRow> = mine.iter().filter(|r| !r.advisory).collect();
        let of = |s: Status| binding.iter().filter(|r| r.status == s).count();
        assert_eq!(count(plan, "owed"), mine.len(), "{id}");
        assert_eq!(count(plan, "advisory"), mine.len() - binding.len(), "{id}");
        assert_eq!(count(plan, "binding"), binding.len(), "{id}");
        assert_eq!(count(plan, "implemented"), of(Status::Implemented), "{id}");
        assert_eq!(count(plan, "partial"), of(Status::Partial), "{id}");
        assert_eq!(count(plan, "exempted"), of(Status::Exempted), "{id}");
        assert_eq!(count(plan, "omitted"), of(Status::Omitted), "{id}");
        assert_eq!(count(plan, "undercut"), of(Status::Undercut), "{id}");
        assert_eq!(
            count(plan, "binding"),
            ["implemented", "partial", "exempted", "omitted", "undercut"]
                .iter()
                .map(|n| count(plan, n))
                .sum::<usize>(),
            "{id}"
        );
        assert!(count(plan, "must_add") <= count(plan, "omitted"), "{id}");
        // The advisory rows come after the plan's own.
        assert!(mine.windows(2).all(|w| w[0].advisory <= w[1].advisory));
        // The plan's findings are those `check` lists for it.
        let listed = |severity: &str| {
            findings
                .iter()
                .filter(|f| f["plan"]["id"] == id && f["severity"] == severity)
                .count()
        };
        for (severity, name) in [
            ("error", "errors"),
            ("warning", "warnings"),
            ("info", "infos"),
        ] {
            assert_eq!(count(&plan["findings"], name), listed(severity), "{id}");
        }
        // The verdict box says the same counts, in the same words.
        let verdict = plan["verdict"].as_str().expect("a verdict");
        assert!(
            verdict.starts_with(&format!(
                "{} 项上级要求：{} 项已落实、{} 项部分落实、{} 项低于要求、{} 项说明不落实、{} 项遗漏（其中 {} 项须补充）；{} 项数量未写明、{} 处要素缺漏、{} 处表述弱化",
                binding.len(),
                of(Status::Implemented),
                of(Status::Partial),
                of(Status::Undercut),
                of(Status::Exempted),
                of(Status::Omitted),
                count(plan, "must_add"),
                count(plan, "unstated"),
                count(plan, "dropped"),
                count(plan, "weakened"),
            )),
            "{verdict}"
        );
        let line = format!("{id}：{verdict}");
        assert!(markdown.contains(&line), "no «{line}» in the Markdown");
        assert!(html.contains(verdict), "no «{verdict}» in the HTML");
        if let Some(advisory) = plan["advisory_verdict"].as_str() {
            assert!(advisory.contains(&format!("{} 项", mine.len() - binding.len())));
            assert!(markdown.contains(advisory) && html.contains(advisory));
        } else {
            assert_eq!(mine.len(), binding.len(), "{id}");
        }
        seen.extend(mine.iter().map(|r| r.status));
    }
    // The counts of findings in the verdicts are those of `check`.
    let of = |code: &str| {
        outcome
            .diagnostics
            .iter()
            .filter(|d| d.code == code && !d.advisory && d.plan.is_some())
            .count()
    };
    let sum = |name: &str| plans.iter().map(|p| count(p, name)).sum::<usize>();
    assert_eq!(sum("dropped"), of(DROPPED_CODE));
    assert_eq!(sum("weakened"), of(WEAKENED_CODE));
    assert_eq!(sum("unstated"), of(UNSTATED_CODE));
    seen
}

#[test]
fn counts_agree_on_the_report_fixture_with_every_status() {
    let files = support::plan_files(&support::fixtures().join("report/rules"))
        .into_iter()
        .chain(support::plan_files(
            &support::fixtures().join("report/plans"),
        ))
        .map(|(name, path)| {
            let text = std::fs::read_to_string(&path).expect("fixture reads");
            (name, text)
        });
    let outcome = planlint::check(files, Selection::All, Options { as_of: AS_OF_DATE });
    let seen = agree(&FIXTURE, &outcome);
    for s in Status::ALL.into_iter().filter(|s| s.is_owed()) {
        assert!(seen.contains(&s), "the fixture has no {s:?} row");
    }
    // Omissions are counted by cell: B omits tc.2.3.1 with its two
    // clauses (one finding, three cells), and four more; A three.
    let (c, _) = model(&outcome);
    let counts: Vec<(&str, usize, usize)> = c
        .plans
        .iter()
        .map(|p| (p.id.as_str(), p.omitted, p.must_add))
        .collect();
    assert!(counts.contains(&("t.a", 3, 3)), "{counts:?}");
    assert!(counts.contains(&("t.b", 7, 7)), "{counts:?}");
}

#[test]
fn counts_agree_on_the_real_cascade() {
    let outcome = planlint::check(
        support::real_files(),
        Selection::All,
        Options { as_of: AS_OF_DATE },
    );
    let seen = agree(support::REAL_ARGS, &outcome);
    assert!(seen.contains(&Status::Omitted) && seen.contains(&Status::Partial));
}
