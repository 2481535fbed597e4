//! The real cascade (national opinions → Beijing outline → Xicheng plan): its
//! encoding against the source texts, and planlint's findings on it against
//! the hand-written table in `docs/findings.md`.

use std::collections::BTreeMap;
use std::path::Path;

use planlint::check::{Binding, Context, Options};
use planlint::diagnostic::Diagnostic;
use planlint::model::{DocId, Model};
use planlint::syntax::value::Date;
use planlint::{Outcome, Selection};
use regex::Regex;

/// The date the README and `docs/findings.md` were written against.
const AS_OF: Date = Date {
    year: 2026,
    month: 11,
    day: 23,
};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative))
        .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

/// The bundled `.plan` files as the CLI names them (`rules/…`, `plans/…`),
/// named one by one (`support::REAL_FILES`).
fn bundled() -> Vec<(String, String)> {
    crate::support::real_files()
}

fn check(files: Vec<(String, String)>) -> Outcome {
    let outcome = planlint::check(files, Selection::All, Options { as_of: AS_OF });
    assert!(
        !outcome.input_errors,
        "input errors: {:#?}",
        outcome.diagnostics
    );
    outcome
}

/// `files` with the text of `path` passed through `edit`.
fn edited(
    files: &[(String, String)],
    path: &str,
    edit: impl Fn(&str) -> String,
) -> Vec<(String, String)> {
    let mut found = false;
    let out = files
        .iter()
        .map(|(name, text)| {
            if name == path {
                found = true;
                (name.clone(), edit(text))
            } else {
                (name.clone(), text.clone())
            }
        })
        .collect();
    assert!(found, "no file {path}");
    out
}

fn document(model: &Model, id: &str) -> DocId {
    model
        .document_by_id(id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

/// What identifies a finding in `docs/findings.md`: code, plan, obligation,
/// item, and the element or metric the message names ("—" for none).
type Key = (String, String, String, String, String);

fn key(d: &Diagnostic) -> Key {
    let detail = [
        r"names 「([^」]*)」",
        r"states no `([^`]*)`",
        r"roll-up of `([^`]*)`",
    ]
    .iter()
    .find_map(|pattern| {
        Regex::new(pattern)
            .expect("pattern")
            .captures(&d.message)
            .map(|c| c[1].to_string())
    })
    .unwrap_or_else(|| "—".into());
    let or_dash = |s: Option<&String>| s.cloned().unwrap_or_else(|| "—".into());
    (
        d.code.to_string(),
        or_dash(d.plan.as_ref().map(|p| &p.id)),
        or_dash(d.obligation.as_ref().map(|o| &o.id)),
        or_dash(d.item.as_ref().map(|i| &i.id)),
        detail,
    )
}

/// The rows of the tables of `docs/findings.md` that start with a code and
/// an obligation id in backticks (or — where the finding is about none), as
/// keys.
fn table_keys() -> Vec<Key> {
    let cell = |c: &str| c.trim().trim_matches('`').to_string();
    // The obligation cell is an id, or — for findings about no obligation.
    let row = Regex::new(r"^\| `[a-z][a-z-]*` \| (`|— \|)").expect("pattern");
    read("docs/findings.md")
        .lines()
        .filter(|line| row.is_match(line))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            assert!(cells.len() >= 5, "short row: {line}");
            (
                cell(cells[0]),
                cell(cells[2]),
                cell(cells[1]),
                cell(cells[3]),
                cell(cells[4]),
            )
        })
        .collect()
}

#[test]
fn the_findings_are_those_of_the_hand_written_table() {
    let outcome = check(bundled());
    let mut found: Vec<Key> = outcome.diagnostics.iter().map(key).collect();
    let mut table = table_keys();
    found.sort();
    table.sort();
    let missing: Vec<&Key> = found.iter().filter(|k| !table.contains(k)).collect();
    let extra: Vec<&Key> = table.iter().filter(|k| !found.contains(k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "findings without a row in docs/findings.md: {missing:#?}\nrows without a finding: {extra:#?}"
    );
    assert_eq!(found, table, "a finding or a row appears twice");
}

/// The lines of `text` from the one starting with `from` up to (not
/// including) the one starting with `to`.
fn section<'t>(text: &'t str, from: &str, to: &str) -> Vec<&'t str> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with(from))
        .unwrap_or_else(|| panic!("no line starting with {from}"));
    let end = start
        + lines[start..]
            .iter()
            .position(|l| l.starts_with(to))
            .unwrap_or_else(|| panic!("no line starting with {to} after {from}"));
    lines[start..end].to_vec()
}

#[test]
fn every_bullet_and_numbered_item_is_encoded_once() {
    let outcome = check(bundled());
    let model = &outcome.model;
    let citations = |doc: &str, items: bool| -> Vec<String> {
        let d = model.document(document(model, doc));
        if items {
            d.items
                .iter()
                .map(|&i| model.item(i).citation().to_string())
                .collect()
        } else {
            d.obligations
                .iter()
                .filter(|&&o| model.obligation(o).parent.is_none())
                .map(|&o| model.obligation(o).citation().to_string())
                .collect()
        }
    };
    let count = |citations: &[String], section: u32| {
        let pattern = Regex::new(&format!(r"^{section}\.\d+\.\d+$")).expect("pattern");
        citations.iter().filter(|c| pattern.is_match(c)).count()
    };

    // Beijing: the "——" bullets of 三、 and 四、 against top-level obligations 3.x.y, 4.x.y.
    let beijing = read("rules/sources/001_a6909fc97aaaeaf2.txt");
    let bullets = |from, to| {
        section(&beijing, from, to)
            .iter()
            .filter(|l| l.starts_with("——"))
            .count()
    };
    let obligations = citations("bj.outline", false);
    assert_eq!(bullets("三、", "四、"), 19);
    assert_eq!(bullets("三、", "四、"), count(&obligations, 3));
    assert_eq!(bullets("四、", "五、"), 20);
    assert_eq!(bullets("四、", "五、"), count(&obligations, 4));

    // Xicheng: the numbered items (`1. …`) of 二、 and 三、 against items 2.x.y, 3.x.y.
    let xicheng = read("rules/sources/004_dbb92a8177a5e85b.txt");
    let numbered = Regex::new(r"^\d+\.\s*\S").expect("pattern");
    let numbered_items = |from, to| {
        section(&xicheng, from, to)
            .iter()
            .filter(|l| numbered.is_match(l))
            .count()
    };
    let items = citations("xc.plan", true);
    assert_eq!(numbered_items("二、", "三、"), 15);
    assert_eq!(numbered_items("二、", "三、"), count(&items, 2));
    assert_eq!(numbered_items("三、", "四、"), 18);
    assert_eq!(numbered_items("三、", "四、"), count(&items, 3));
}

/// The table of asks in `docs/findings.md` ("How the Beijing outline is cut
/// into asks"), bullet by bullet, is the encoding: each row's asks are the
/// bullet (where its own `text` is an ask) and its clauses, and every bullet
/// and paragraph of the outline has a row.
#[test]
fn the_table_of_asks_is_the_encoding() {
    let outcome = check(bundled());
    let model = &outcome.model;
    let outline = model.document(document(model, "bj.outline"));
    let mut encoded: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for &o in &outline.obligations {
        let obligation = model.obligation(o);
        if obligation.parent.is_some() {
            continue;
        }
        let mut asks: Vec<String> = Vec::new();
        if obligation.decl.text.is_some() {
            asks.push(obligation.id().to_string());
        }
        asks.extend(
            obligation
                .children
                .iter()
                .map(|&c| model.obligation(c).id().to_string()),
        );
        encoded.insert(obligation.id().to_string(), asks);
    }
    let findings = read("docs/findings.md");
    let rows = section(&findings, "| bullet | asks |", "## ");
    let ids = Regex::new(r"`([^`]+)`").expect("pattern");
    let mut table: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in rows.iter().filter(|l| l.starts_with("| `bj.")) {
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").collect();
        assert!(cells.len() == 3, "a row of three cells: {row}");
        let bullet = cells[0].trim().trim_matches('`').to_string();
        let asks = ids
            .captures_iter(cells[1])
            .map(|c| c[1].to_string())
            .collect();
        assert!(
            table.insert(bullet.clone(), asks).is_none(),
            "{bullet} has two rows"
        );
    }
    assert_eq!(table.len(), 54, "one row per bullet and paragraph");
    assert_eq!(table, encoded);
}

/// What counts as a number in a source text:
///
/// - an *Arabic number*: a maximal run of ASCII or full-width digits, with an
///   optional decimal part (`27.68`, `．`) and an optional magnitude 万 or 亿
///   directly after it (`30万` = 300000); footnote markers in superscript
///   digits are not numbers;
/// - a *Chinese numeral*: a maximal run of the characters
///   〇零一二三四五六七八九十百千万亿两 outside Arabic numbers, wherever it
///   stands (`5项` is an Arabic number, `十四五`, `三下乡`, `统一` and `一些`
///   are Chinese numerals: the lists say which ask for nothing).
///
/// A number is *encoded* when it is an Arabic number whose value (with its
/// magnitude) is a value of the corresponding `.plan` file: a target's figure
/// or deadline year, an observation's value or year, a document's issue date
/// (year, month, day) or period. It is *listed* when an entry (the text
/// before the tab) of `rules/not-encoded/<source>.txt` occurs in the source
/// around it. English number words (`four`, `First`) are not numbers here;
/// the lists name some anyway. Every list entry must occur in its source.
#[test]
fn every_number_of_the_sources_is_encoded_or_listed() {
    let outcome = check(bundled());
    let model = &outcome.model;
    let pairs = [
        ("000_16ce0581afac452e", "rules/observations.plan"),
        ("001_a6909fc97aaaeaf2", "rules/beijing-outline.plan"),
        ("002_f74222c901bb6cf9", "rules/national-opinions.plan"),
        ("003_8aa39966f30dee6c", "rules/work-points-2024.plan"),
        ("004_dbb92a8177a5e85b", "plans/xicheng.plan"),
    ];
    let arabic = Regex::new(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[万亿]?").expect("pattern");
    let chinese = Regex::new(r"[〇零一二三四五六七八九十百千万亿两]+").expect("pattern");
    let mut problems = Vec::new();
    for (source, plan) in pairs {
        let text = read(&format!("rules/sources/{source}.txt"));
        let list = read(&format!("rules/not-encoded/{source}.txt"));
        let mut listed = Vec::new();
        for line in list.lines().filter(|l| !l.trim().is_empty()) {
            let (entry, reason) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{source}: no tab in {line:?}"));
            assert!(!reason.trim().is_empty(), "{source}: {entry} has no reason");
            let found: Vec<(usize, usize)> = text
                .match_indices(entry)
                .map(|(at, m)| (at, at + m.len()))
                .collect();
            if found.is_empty() {
                problems.push(format!("{source}: listed {entry:?} is not in the text"));
            }
            listed.extend(found);
        }
        let values = plan_values(model, plan);
        let mut masked = text.clone();
        let mut numbers = Vec::new();
        for m in arabic.find_iter(&text) {
            numbers.push((m.start(), m.end(), Some(arabic_value(m.as_str()))));
            masked.replace_range(m.range(), &" ".repeat(m.len()));
        }
        for m in chinese.find_iter(&masked) {
            numbers.push((m.start(), m.end(), None));
        }
        for (start, end, value) in numbers {
            let is_listed = listed.iter().any(|&(a, b)| a <= start && end <= b);
            let is_encoded = value.is_some_and(|v| values.iter().any(|&x| (x - v).abs() < 1e-9));
            if !is_listed && !is_encoded {
                problems.push(format!(
                    "{source}: {:?} in …{}… is neither encoded in {plan} nor listed",
                    &text[start..end],
                    context(&text, start, end)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn arabic_value(number: &str) -> f64 {
    let ascii: String = number
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            c => c,
        })
        .collect();
    let (digits, magnitude) = match ascii.strip_suffix('万') {
        Some(d) => (d.to_string(), 1e4),
        None => match ascii.strip_suffix('亿') {
            Some(d) => (d.to_string(), 1e8),
            None => (ascii, 1.0),
        },
    };
    digits.parse::<f64>().expect("digits") * magnitude
}

fn context(text: &str, start: usize, end: usize) -> String {
    let before: String = text[..start]
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[end..].chars().take(8).collect();
    format!("{before}{}{after}", &text[start..end]).replace('\n', " ")
}

/// The values written in the value fields of one `.plan` file.
fn plan_values(model: &Model, file: &str) -> Vec<f64> {
    let in_file = |f| model.sources.get(f).name == file;
    let mut values = Vec::new();
    let targets = model
        .obligations
        .iter()
        .filter(|o| in_file(o.file))
        .flat_map(|o| &o.decl.targets)
        .chain(
            model
                .items
                .iter()
                .filter(|i| in_file(i.file))
                .flat_map(|i| &i.decl.targets),
        );
    for t in targets {
        values.extend(t.figure.as_ref().map(|f| f.value));
        values.extend(t.deadline.as_ref().map(|d| f64::from(d.value)));
    }
    for o in model.observations.iter().filter(|o| in_file(o.file)) {
        values.extend(o.decl.value.as_ref().map(|f| f.value));
        values.extend(o.decl.year.map(f64::from));
    }
    for d in model.documents.iter().filter(|d| in_file(d.file)) {
        if let Some(issued) = &d.decl.issued {
            let date = issued.value;
            values.extend([
                f64::from(date.year),
                f64::from(date.month),
                f64::from(date.day),
            ]);
        }
        if let Some(period) = &d.decl.period {
            values.extend([f64::from(period.value.from), f64::from(period.value.to)]);
        }
    }
    values
}

#[test]
fn the_json_output_on_the_bundled_files_is_pinned() {
    let output = crate::support::planlint()
        .current_dir(root())
        .args(["check", "--as-of", "2026-11-23", "--format", "json"])
        .args(crate::support::REAL_ARGS)
        .output()
        .expect("planlint runs");
    assert_eq!(output.status.code(), Some(1), "errors are found");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    insta::assert_snapshot!(stdout);
}

/// The omitted-obligation findings of an outcome, as `(plan, obligation)`.
fn omissions(outcome: &Outcome) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == "omitted-obligation")
        .filter_map(|d| {
            Some((
                d.plan.as_ref()?.id.clone(),
                d.obligation.as_ref()?.id.clone(),
            ))
        })
        .collect();
    out.sort();
    out
}

/// The Xicheng plan's text with `link` removed from the `implements` line of `item`.
fn without_link(text: &str, item: &str, link: &str) -> String {
    let header = format!("item {item} {{");
    let start = text.find(&header).unwrap_or_else(|| panic!("no {header}"));
    let line_start = start
        + text[start..]
            .find("  implements ")
            .unwrap_or_else(|| panic!("{item} implements nothing"));
    let line_end = line_start + text[line_start..].find('\n').expect("line end");
    let line = &text[line_start..line_end];
    let words: Vec<&str> = line.split_whitespace().collect();
    assert!(words.contains(&link), "{item} does not implement {link}");
    let kept: Vec<&str> = words.into_iter().filter(|w| *w != link).collect();
    let mut out = text.to_string();
    if kept.len() > 1 {
        out.replace_range(line_start..line_end, &format!("  {}", kept.join(" ")));
    } else {
        // The item implemented nothing else: drop the line.
        out.replace_range(line_start..=line_end, "");
    }
    out
}

/// For each kind of obligation the Xicheng plan carries out, removing the one
/// link that carries it out yields exactly one new omission, of exactly it.
#[test]
fn removing_one_implements_link_yields_exactly_one_new_omission() {
    let files = bundled();
    let before = omissions(&check(files.clone()));
    let cases = [
        // (what kind of obligation, item, link)
        ("a target (二、(三))", "xc.1.3.1", "bj.2.3.1"),
        ("a principle (二、(二))", "xc.1.2.3", "bj.2.2.3"),
        ("an action bullet without clauses", "xc.3.2.1", "bj.4.2.1"),
        ("a clause of an action bullet", "xc.3.5.4", "bj.4.5.4/4"),
        (
            "a bullet's own text, its clauses kept",
            "xc.3.5.4",
            "bj.4.5.4",
        ),
        (
            "a quantified clause (每年…1万人次)",
            "xc.2.4.2",
            "bj.3.5.2/2",
        ),
        ("a mechanism clause", "xc.3.5.1", "bj.4.5.1/2"),
        ("a district requirement of 五、", "xc.4.2.2", "bj.5.2p2"),
    ];
    for (kind, item, link) in cases {
        let files = edited(&files, "plans/xicheng.plan", |t| {
            without_link(t, item, link)
        });
        let after = omissions(&check(files));
        let new: Vec<&(String, String)> = after.iter().filter(|o| !before.contains(o)).collect();
        let gone: Vec<&(String, String)> = before.iter().filter(|o| !after.contains(o)).collect();
        assert_eq!(
            new,
            [&("xc.plan".to_string(), link.to_string())],
            "{kind}: removing {link} from {item}"
        );
        assert!(gone.is_empty(), "{kind}: omissions disappeared: {gone:?}");
    }
}

#[test]
fn the_2024_work_points_bind_only_the_annual_2024_plan() {
    // The multi-year outline and district plan, made to carry out the work
    // points too: still no work point binds them (an annual document binds
    // only annual plans of its year).
    let files = bundled();
    let files = edited(&files, "rules/beijing-outline.plan", |t| {
        t.replacen(
            "  carries_out nat.opinions\n",
            "  carries_out nat.opinions\n  carries_out nat.wp2024\n",
            1,
        )
    });
    let files = edited(&files, "plans/xicheng.plan", |t| {
        t.replacen(
            "  carries_out bj.outline\n",
            "  carries_out bj.outline\n  carries_out nat.wp2024\n",
            1,
        )
    });
    let outcome = check(files);
    let model = &outcome.model;
    let wp = document(model, "nat.wp2024");
    let ctx = Context::new(
        model,
        Options { as_of: AS_OF },
        outcome.plans.iter().copied(),
    );
    for plan in ["bj.outline", "xc.plan"] {
        let view = ctx
            .plans
            .iter()
            .find(|v| v.doc == document(model, plan))
            .expect("the plan is checked");
        let wp_bindings: Vec<Binding> = view
            .bindings
            .iter()
            .filter(|&&(o, _)| model.obligation(o).document == wp)
            .map(|&(_, b)| b)
            .collect();
        assert!(
            !wp_bindings.is_empty(),
            "{plan} carries out the work points"
        );
        assert!(
            wp_bindings.iter().all(|&b| b == Binding::NotBound),
            "{plan}: {wp_bindings:?}"
        );
    }
    let about_wp: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| {
            d.obligation
                .as_ref()
                .is_some_and(|o| o.document == "nat.wp2024")
        })
        .collect();
    assert!(about_wp.is_empty(), "{about_wp:#?}");

    // The annual 2024 fixture is bound, and omits exactly wp.6/5.
    let mut files: Vec<(String, String)> = bundled()
        .into_iter()
        .filter(|(name, _)| name.starts_with("rules/"))
        .collect();
    files.push((
        "tests/fixtures/annual-2024/plan.plan".into(),
        read("tests/fixtures/annual-2024/plan.plan"),
    ));
    let outcome = check(files);
    let fixture = document(&outcome.model, "fixture.annual2024");
    let ctx = Context::new(
        &outcome.model,
        Options { as_of: AS_OF },
        outcome.plans.iter().copied(),
    );
    let view = ctx
        .plans
        .iter()
        .find(|v| v.doc == fixture)
        .expect("the fixture is checked");
    assert!(view.owed().count() > 0, "the work points bind the fixture");
    let findings: BTreeMap<String, Vec<String>> = outcome
        .diagnostics
        .iter()
        .filter(|d| {
            d.plan
                .as_ref()
                .is_some_and(|p| p.id == "fixture.annual2024")
        })
        .fold(BTreeMap::new(), |mut by_code, d| {
            by_code.entry(d.code.to_string()).or_default().push(
                d.obligation
                    .as_ref()
                    .map(|o| o.id.clone())
                    .unwrap_or_default(),
            );
            by_code
        });
    assert_eq!(
        findings.get("omitted-obligation"),
        Some(&vec!["wp.6/5".to_string()]),
        "{findings:#?}"
    );
}

/// One `}` missing in the Xicheng plan (the one closing its first item)
/// gives one syntax error and otherwise exactly the findings of the intact
/// cascade: the items after it are read, so none is reported omitted
/// (before the recovering parser: 120 findings, 60 `omitted-obligation`).
#[test]
fn a_missing_brace_in_the_xicheng_plan_adds_one_error_and_nothing_else() {
    let findings = |outcome: &Outcome| -> Vec<(&'static str, String)> {
        outcome
            .diagnostics
            .iter()
            .map(|d| (d.code, d.message.clone()))
            .collect()
    };
    let options = Options { as_of: AS_OF };
    let intact = planlint::check(bundled(), Selection::All, options);
    let files: Vec<(String, String)> = bundled()
        .into_iter()
        .map(|(path, text)| {
            if path != "plans/xicheng.plan" {
                return (path, text);
            }
            let first_item = text.find("\nitem ").expect("an item");
            let close = first_item + text[first_item..].find("\n}\n").expect("its `}`");
            let broken = format!("{}{}", &text[..close + 1], &text[close + 2..]);
            (path, broken)
        })
        .collect();
    let broken = planlint::check(files, Selection::All, options);
    let mut expected = findings(&intact);
    expected.push(("syntax-error", "unterminated block".to_string()));
    let mut found = findings(&broken);
    expected.sort();
    found.sort();
    assert_eq!(found, expected);
}
