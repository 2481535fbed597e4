//! Semantics of binding and coverage across several documents, checked on
//! small cascades written in the language.

use crate::check::Options;
use crate::syntax::value::Date;
use crate::{Outcome, Selection, check};

const JURISDICTIONS: &str = r#"
jurisdiction nat { name "国"; rank national }
jurisdiction city { name "市"; rank province; parent nat; population 300 }
jurisdiction east { name "东区"; rank county; parent city; population 100; attr agricultural no }
jurisdiction west { name "西区"; rank county; parent city; population 200; attr agricultural yes }
"#;

const NATIONAL: &str = r#"
document national { title "国家意见"; issued 2022-01-01; rank national; jurisdiction nat }
obligation n.1 {
  title "提高科学素质"; source 1
  target literacy { more_than 15%; by 2025 }
}
obligation n.2 { title "开展培训"; source 2 }
"#;

const CITY: &str = r#"
document city.outline {
  title "市纲要"; issued 2022-03-01; rank province; jurisdiction city
  carries_out national
}
obligation c.1 {
  title "提高科学素质"; source 2.3.1; refines n.1
  target literacy { about 28%; by 2025 }
}
obligation c.2 {
  title "开展应急培训"; source 4.5.3
  target trained { at_least 3000 人次; per year; passes share }
}
obligation c.3 { title "农民培训"; source 3.2.1; applies_if agricultural }
"#;

fn run(files: &[(&str, &str)]) -> Outcome {
    let as_of = Date {
        year: 2026,
        month: 1,
        day: 1,
    };
    check(
        files.iter().map(|(n, t)| (n.to_string(), t.to_string())),
        Selection::All,
        Options { as_of },
    )
}

fn codes_for(outcome: &Outcome, plan: &str) -> Vec<(String, String)> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.plan.as_ref().is_some_and(|p| p.id == plan))
        .map(|d| {
            (
                d.code.to_string(),
                d.obligation
                    .as_ref()
                    .map(|o| o.id.clone())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn district(body: &str) -> String {
    format!(
        "document east.plan {{ title \"东区方案\"; issued 2022-09-01; rank county; jurisdiction east; carries_out city.outline national }}\n{body}"
    )
}

#[test]
fn a_plan_carrying_out_two_documents_owes_the_strictest_figure_and_cites_both() {
    let plan = district(
        r#"
item e.1 { title "目标"; source 1.3; implements c.1; target literacy { at_least 20%; by 2025 } }
item e.2 { title "培训"; source 2.1; implements c.2 n.2; target trained { at_least 1000 人次; per year } }
"#,
    );
    let outcome = run(&[
        ("j.plan", JURISDICTIONS),
        ("n.plan", NATIONAL),
        ("c.plan", CITY),
        ("e.plan", &plan),
    ]);
    assert!(!outcome.input_errors, "{:?}", outcome.diagnostics);
    let undercuts: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == "undercut-target")
        .collect();
    assert_eq!(undercuts.len(), 1, "{undercuts:?}");
    let undercut = undercuts[0];
    // The city's 28% is stricter than the nation's "more than 15%".
    assert_eq!(
        undercut.obligation.as_ref().map(|o| o.id.as_str()),
        Some("c.1")
    );
    assert_eq!(
        undercut.figures.as_ref().map(|f| f.expected.as_str()),
        Some("28%")
    );
    assert_eq!(
        undercut.related.len(),
        2,
        "both sources are cited: {:?}",
        undercut.related
    );
    // Implementing c.1, which refines n.1, covers n.1: no omission of n.1.
    assert!(
        !codes_for(&outcome, "east.plan").contains(&("omitted-obligation".into(), "n.1".into()))
    );
}

#[test]
fn a_population_share_is_owed_among_the_jurisdictions_where_it_applies() {
    let plan = district(
        r#"
item e.1 { title "目标"; source 1.3; implements c.1; target literacy { at_least 30%; by 2025 } }
item e.2 { title "培训"; source 2.1; implements c.2 n.2; target trained { at_least 999 人次; per year } }
"#,
    );
    let outcome = run(&[
        ("j.plan", JURISDICTIONS),
        ("n.plan", NATIONAL),
        ("c.plan", CITY),
        ("e.plan", &plan),
    ]);
    let undercut = outcome
        .diagnostics
        .iter()
        .find(|d| d.code == "undercut-target")
        .expect("an undercut");
    // East holds 100 of 300 residents: ⌈3000 × 100 / 300⌉ = 1000.
    assert_eq!(
        undercut.figures.as_ref().map(|f| f.expected.as_str()),
        Some("1000 人次 a year")
    );
    // The farmers' obligation does not apply to east, so it is not owed.
    assert!(
        !codes_for(&outcome, "east.plan")
            .iter()
            .any(|(_, o)| o == "c.3")
    );
}

#[test]
fn obligations_of_a_document_issued_after_the_plan_are_advisory() {
    let later_national = NATIONAL.replace("issued 2022-01-01", "issued 2023-01-01");
    let plan = district(
        r#"
item e.1 { title "目标"; source 1.3; implements c.1; target literacy { at_least 30%; by 2025 } }
"#,
    );
    let outcome = run(&[
        ("j.plan", JURISDICTIONS),
        ("n.plan", &later_national),
        ("c.plan", CITY),
        ("e.plan", &plan),
    ]);
    let omitted_n2 = outcome
        .diagnostics
        .iter()
        .find(|d| {
            d.code == "omitted-obligation" && d.obligation.as_ref().is_some_and(|o| o.id == "n.2")
        })
        .expect("n.2 is omitted");
    assert_eq!(omitted_n2.severity, crate::diagnostic::Severity::Info);
    assert!(omitted_n2.message.contains("advisory"));
    let omitted_c2 = outcome
        .diagnostics
        .iter()
        .find(|d| {
            d.code == "omitted-obligation" && d.obligation.as_ref().is_some_and(|o| o.id == "c.2")
        })
        .expect("c.2 is omitted");
    assert_eq!(omitted_c2.severity, crate::diagnostic::Severity::Error);
}

#[test]
fn the_same_engine_checks_the_city_against_the_nation() {
    let outcome = run(&[
        ("j.plan", JURISDICTIONS),
        ("n.plan", NATIONAL),
        ("c.plan", CITY),
    ]);
    // The city refines n.1 with a stronger target and leaves out n.2.
    assert_eq!(
        codes_for(&outcome, "city.outline"),
        [("omitted-obligation".to_string(), "n.2".to_string())]
    );
}

/// A city document whose bullet `c.9` has text of its own and whose bullet
/// `c.8` is only the heading of its two clauses.
const CITY_WITH_HEADINGS: &str = r#"
document city.outline {
  title "市纲要"; issued 2022-03-01; rank province; jurisdiction city
}
obligation c.8 {
  title "组织实施"; source 5.1
  obligation c.8/1 { title "建立工作机制"; source 5.1/1; text "建立工作机制" }
  obligation c.8/2 { title "列入年度计划"; source 5.1/2; text "列入年度计划" }
}
obligation c.9 {
  title "健全服务体系"; source 4.5.1; text "构建基层科普服务体系"
  obligation c.9/2 { title "推广订单认领模式"; source 4.5.1/2; text "推广订单认领模式" }
}
obligation c.10 { kind principle; title "工作原则"; source 2.2.1; text "坚持协同推进" }
"#;

fn east_plan(body: &str) -> String {
    format!(
        "document east.plan {{ title \"东区方案\"; issued 2022-09-01; rank county; jurisdiction east; carries_out city.outline; requires_units yes }}\n{body}"
    )
}

#[test]
fn a_bullet_without_text_is_carried_out_with_its_clauses_and_one_with_text_is_not() {
    let plan = east_plan(
        r#"
item e.1 { title "机制"; source 4.1; implements c.8/1 c.8/2; units "区科协" }
item e.2 { title "订单"; source 3.5.1; implements c.9/2; units "区科协" }
item e.3 { title "原则"; source 1.2; implements c.10 }
"#,
    );
    let outcome = run(&[
        ("j.plan", JURISDICTIONS),
        ("c.plan", CITY_WITH_HEADINGS),
        ("e.plan", &plan),
    ]);
    // c.8 has no text of its own: its clauses carry it out. c.9's own text
    // is not implemented. The item carrying out a principle needs no unit.
    assert_eq!(
        codes_for(&outcome, "east.plan"),
        [("omitted-obligation".to_string(), "c.9".to_string())]
    );
}

#[test]
fn a_bullet_without_text_is_omitted_once_when_none_of_its_clauses_is_carried_out() {
    let plan = east_plan(
        r#"
item e.2 { title "体系"; source 3.5.1; implements c.9 c.9/2; units "区科协" }
item e.3 { title "原则"; source 1.2; implements c.10 }
"#,
    );
    let outcome = run(&[
        ("j.plan", JURISDICTIONS),
        ("c.plan", CITY_WITH_HEADINGS),
        ("e.plan", &plan),
    ]);
    assert_eq!(
        codes_for(&outcome, "east.plan"),
        [("omitted-obligation".to_string(), "c.8".to_string())]
    );
}

#[test]
fn an_item_carrying_out_a_task_still_names_its_unit() {
    let plan = east_plan(
        r#"
item e.1 { title "机制"; source 4.1; implements c.8/1 c.8/2 c.10 }
item e.2 { title "体系"; source 3.5.1; implements c.9 c.9/2; units "区科协" }
"#,
    );
    let outcome = run(&[
        ("j.plan", JURISDICTIONS),
        ("c.plan", CITY_WITH_HEADINGS),
        ("e.plan", &plan),
    ]);
    assert_eq!(
        codes_for(&outcome, "east.plan"),
        [("missing-responsible-unit".to_string(), String::new())]
    );
}

#[test]
fn a_population_of_0_is_an_input_error_and_no_share_is_computed() {
    let jurisdictions = JURISDICTIONS
        .replace("population 300", "population 0")
        .replace("population 100", "population 0")
        .replace("population 200", "population 0");
    let plan = district(
        r#"
item e.1 { title "培训"; source 1; implements c.2; target trained { at_least 1 人次; per year } }
"#,
    );
    let outcome = run(&[
        ("j.plan", &jurisdictions),
        ("n.plan", NATIONAL),
        ("c.plan", CITY),
        ("e.plan", &plan),
    ]);
    assert!(outcome.input_errors);
    let zero: Vec<&str> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.message == "a population of 0 is impossible")
        .map(|d| d.code)
        .collect();
    assert_eq!(zero, ["invalid-value"; 3]);
    // No share of 0 is owed (and so met by 1 of 3000): the share cannot be
    // worked out.
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|d| d.code != "undercut-target" || !d.message.contains(" 0 "))
    );
}

#[test]
fn more_than_a_share_is_judged_on_the_exact_share() {
    // east's share of more than 1000 a year is 1000 × 100 / 300 =
    // 333.33…, shown as 334.
    let city = CITY.replace(
        "target trained { at_least 3000 人次; per year; passes share }",
        "target trained { more_than 1000 人次; per year; passes share }",
    );
    let judged = |figure: &str| {
        let plan = district(&format!(
            "item e.1 {{ title \"培训\"; source 1; implements c.2; units \"区应急局\"; target trained {{ at_least {figure} 人次; per year }} }}\n"
        ));
        let outcome = run(&[
            ("j.plan", JURISDICTIONS),
            ("n.plan", NATIONAL),
            ("c.plan", &city),
            ("e.plan", &plan),
        ]);
        assert!(!outcome.input_errors, "{:#?}", outcome.diagnostics);
        codes_for(&outcome, "east.plan")
            .into_iter()
            .filter(|(code, o)| code == "undercut-target" && o == "c.2")
            .count()
    };
    // 334 > 333.33…: met (before, 334 had to exceed 334).
    assert_eq!(judged("334"), 0);
    // 333 < 333.33…: undercut.
    assert_eq!(judged("333"), 1);
}

#[test]
fn populations_that_add_up_past_64_bits_are_not_wrapped() {
    // 20,000 districts of 10^15 people each (every one under the cap of
    // figures) add up to 2 × 10^19, past the largest 64-bit count.
    let mut jurisdictions = String::from(
        "jurisdiction nat { name \"国\"; rank national }\njurisdiction city { name \"市\"; rank province; parent nat }\n",
    );
    for i in 0..20_000 {
        jurisdictions.push_str(&format!(
            "jurisdiction d{i} {{ name \"区{i}\"; rank county; parent city; population 1000000000000000 }}\n"
        ));
    }
    let city = r#"
document city.outline { title "市纲要"; issued 2022-03-01; rank province; jurisdiction city }
obligation c.2 {
  title "开展应急培训"; source 4.5.3
  target trained { at_least 3000 人次; per year; passes share }
}
"#;
    let plan = r#"
document d0.plan { title "区方案"; issued 2022-09-01; rank county; jurisdiction d0; carries_out city.outline }
item e.1 { title "培训"; source 1; implements c.2; target trained { at_least 1 人次; per year } }
"#;
    let outcome = run(&[
        ("j.plan", &jurisdictions),
        ("c.plan", city),
        ("e.plan", plan),
    ]);
    assert!(!outcome.input_errors);
    let unapportionable: Vec<&str> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == "unapportionable-quantity")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(unapportionable.len(), 1, "{:#?}", outcome.diagnostics);
    assert!(
        unapportionable[0].contains("add up to more than 18446744073709551615"),
        "{}",
        unapportionable[0]
    );
}

/// An omission's severity follows the ask's strength unless the rules
/// write one: 鼓励 only (rank 1) is a warning, with the reason in the
/// message; 实施 stays an error; a written `severity` wins.
#[test]
fn omission_severity_follows_the_strength_of_the_ask() {
    let lexicon = r#"
strength zh {
  verbs 3 "实施" "建立"
  verbs 2 "推动"
  verbs 1 "鼓励" "支持"
  omitted 1 warning
}
"#;
    let city = r#"
document city.outline { title "市纲要"; issued 2022-03-01; rank province; jurisdiction city }
obligation c.1 { title "鼓励企业开展科普"; source 1; text "鼓励企业开展科普活动" }
obligation c.2 { title "实施科普行动"; source 2; text "实施科普行动" }
obligation c.3 { title "鼓励高校开放"; source 3; text "鼓励高校开放实验室"; severity error }
obligation c.4 { title "实施科普计划"; source 4; text "支持科普创作" }
obligation c.5 { title "组建专家队伍"; source 5; text "组建专家队伍" }
"#;
    let plan = r#"
document east.plan {
  title "东区方案"; issued 2022-09-01; rank county; jurisdiction east
  carries_out city.outline
}
"#;
    let outcome = run(&[
        ("j.plan", JURISDICTIONS),
        ("strength.plan", lexicon),
        ("city.plan", city),
        ("east.plan", plan),
    ]);
    let severity = |id: &str| {
        let d = outcome
            .diagnostics
            .iter()
            .find(|d| d.obligation.as_ref().is_some_and(|o| o.id == id))
            .unwrap_or_else(|| panic!("no finding about {id}"));
        (d.severity, d.message.contains("only 「鼓励」 asked"))
    };
    use crate::diagnostic::Severity::{Error, Warning};
    assert_eq!(severity("c.1"), (Warning, true));
    assert_eq!(severity("c.2"), (Error, false));
    assert_eq!(severity("c.3"), (Error, false), "the written severity wins");
    assert_eq!(
        severity("c.4"),
        (Error, false),
        "a bullet's title (实施…计划) is an ask of its own"
    );
    assert_eq!(
        severity("c.5"),
        (Error, false),
        "outside the lexicon: error"
    );

    // Without a lexicon every omission is an error.
    let outcome = run(&[
        ("j.plan", JURISDICTIONS),
        ("city.plan", city),
        ("east.plan", plan),
    ]);
    assert!(
        outcome
            .diagnostics
            .iter()
            .filter(|d| d.code == "omitted-obligation")
            .all(|d| d.severity == Error)
    );
}

/// with `items`.
fn milestones(items: &str) -> Vec<(String, String)> {
    let city = r#"
document city.outline {
  title "市纲要"; issued 2022-03-01; rank province; jurisdiction city
}
obligation c.1 {
  title "提高科学素质"; source 1
  target literacy { at_least 65.5%; by 2025 }
  target literacy { at_least 66.6%; by 2030 }
}
"#;
    let plan = format!(
        "document east.plan {{ title \"东区方案\"; issued 2022-09-01; rank county; jurisdiction east; carries_out city.outline }}\n{items}"
    );
    let outcome = run(&[
        ("j.plan", JURISDICTIONS),
        ("c.plan", city),
        ("e.plan", &plan),
    ]);
    assert!(!outcome.input_errors, "{:#?}", outcome.diagnostics);
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.plan.as_ref().is_some_and(|p| p.id == "east.plan"))
        .map(|d| (d.code.to_string(), d.message.clone()))
        .collect()
}

#[test]
fn each_milestone_is_held_to_the_figure_for_its_year() {
    // Both milestones in one item: met (before, 2 errors: the 2025 figure
    // held to the 2030 one, and the 2030 deadline to 2025).
    let one_item = milestones(
        r#"item e.1 { title "目标"; source 1; implements c.1
  target literacy { at_least 65.5%; by 2025 }
  target literacy { at_least 66.6%; by 2030 } }"#,
    );
    assert_eq!(one_item, []);
    // Split over two items: met, as before.
    let two_items = milestones(
        r#"item e.1 { title "目标"; source 1; implements c.1; target literacy { at_least 65.5%; by 2025 } }
item e.2 { title "目标"; source 2; implements c.1; target literacy { at_least 66.6%; by 2030 } }"#,
    );
    assert_eq!(two_items, []);
    // A lower figure for one year is caught, for that year only.
    let lower = milestones(
        r#"item e.1 { title "目标"; source 1; implements c.1
  target literacy { at_least 60%; by 2025 }
  target literacy { at_least 66.6%; by 2030 } }"#,
    );
    assert_eq!(lower.len(), 1, "{lower:#?}");
    assert!(lower[0].1.contains("promises 60%"), "{lower:#?}");
    assert!(
        lower[0].1.contains("less than the 65.5% owed"),
        "{lower:#?}"
    );
    // Only the later year stated: the 2025 milestone gets a later deadline.
    let later = milestones(
        r#"item e.1 { title "目标"; source 1; implements c.1; target literacy { at_least 66.6%; by 2030 } }"#,
    );
    assert_eq!(later.len(), 1, "{later:#?}");
    assert!(
        later[0]
            .1
            .contains("sets `literacy` for 2030, later than the 2025 deadline"),
        "{later:#?}"
    );
    // Only the earlier year stated: held to the later milestone too.
    let earlier = milestones(
        r#"item e.1 { title "目标"; source 1; implements c.1; target literacy { at_least 65.5%; by 2025 } }"#,
    );
    assert_eq!(earlier.len(), 1, "{earlier:#?}");
    assert!(
        earlier[0].1.contains("less than the 66.6% owed"),
        "{earlier:#?}"
    );
    // No figure at all: unstated, as before.
    let none = milestones(r#"item e.1 { title "目标"; source 1; implements c.1 }"#);
    assert!(
        none.iter().all(|(code, _)| code == "unstated-quantity") && !none.is_empty(),
        "{none:#?}"
    );
}
