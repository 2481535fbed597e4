//! `planlint import` on the bundled sources: the Xicheng text against the
//! hand-written `plans/xicheng.plan`, the Beijing outline `--as rules`,
//! texts of other shapes, and bad input through the real binary. The
//! figures measured are in `docs/import.md`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use planlint::import::{self, Imported, Options};
use planlint::model::Model;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The real rules (and, when asked, the hand-written Xicheng plan).
fn model(with_xicheng: bool) -> Model {
    let mut files: Vec<(String, String)> = std::fs::read_dir(root().join("rules"))
        .expect("rules/")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .map(|p| (p.display().to_string(), read(&p)))
        .collect();
    files.sort();
    if with_xicheng {
        let p = root().join("plans/xicheng.plan");
        files.push((p.display().to_string(), read(&p)));
    }
    planlint::model::load(files).model
}

fn xicheng() -> (Imported, Model) {
    let text = read(&root().join("rules/sources/004_dbb92a8177a5e85b.txt"));
    let model = model(true);
    let imported = import::import(&text, &model, Options::default()).expect("imported");
    (imported, model)
}

/// The hand plan's items by source: units, links at the bullet level,
/// targets.
struct Hand {
    units: Vec<String>,
    links: Vec<String>,
}

fn bullet(id: &str) -> String {
    id.split('/').next().unwrap_or(id).to_string()
}

fn hand(model: &Model) -> BTreeMap<String, Hand> {
    let doc = model.document_by_id("xc.plan").expect("xc.plan");
    model
        .document(doc)
        .items
        .iter()
        .map(|&i| {
            let item = model.item(i);
            let links = item
                .implements
                .iter()
                .map(|&o| bullet(model.obligation(o).id()))
                .collect();
            let units = item.decl.units.iter().map(|u| u.value.clone()).collect();
            (item.citation().to_string(), Hand { units, links })
        })
        .collect()
}

#[test]
fn xicheng_round_trip_measures() {
    let (imported, model) = xicheng();
    let hand = hand(&model);
    // All 33 numbered items of 二、 and 三、, with the hand plan's sources.
    let numbered: Vec<&str> = imported
        .items
        .iter()
        .map(|i| i.item.source.as_str())
        .filter(|s| s.starts_with("2.") || s.starts_with("3."))
        .collect();
    let expected: Vec<&str> = hand
        .keys()
        .map(String::as_str)
        .filter(|s| s.starts_with("2.") || s.starts_with("3."))
        .collect();
    assert_eq!(numbered.len(), 33);
    assert_eq!(numbered, expected);
    // 责任单位 identical, links measured.
    let (mut with_units, mut same_units) = (0, 0);
    let (mut written, mut written_right, mut linked, mut reached, mut top3) = (0, 0, 0, 0, 0);
    for i in &imported.items {
        let Some(h) = hand.get(&i.item.source) else {
            continue;
        };
        if !h.units.is_empty() || !i.item.units.is_empty() {
            with_units += 1;
            if h.units == i.item.units {
                same_units += 1;
            } else {
                eprintln!(
                    "units differ at {}: {:?} vs {:?}",
                    i.item.source, i.item.units, h.units
                );
            }
        }
        let accepted: Vec<String> = i
            .links
            .iter()
            .filter(|l| l.accepted)
            .map(|l| bullet(&l.obligation))
            .collect();
        written += accepted.len();
        written_right += accepted.iter().filter(|a| h.links.contains(a)).count();
        if !h.links.is_empty() {
            linked += 1;
            if accepted.iter().any(|a| h.links.contains(a)) {
                reached += 1;
            }
            if i.links
                .iter()
                .take(3)
                .any(|l| h.links.contains(&bullet(&l.obligation)))
            {
                top3 += 1;
            } else {
                eprintln!(
                    "no hand link in the top 3 at {}: {:?} vs {:?}",
                    i.item.source, i.links, h.links
                );
            }
        }
    }
    eprintln!(
        "units {same_units}/{with_units}; implements {written_right}/{written} right; reach {reached}/{linked}; top3 {top3}/{linked}"
    );
    assert!(
        same_units * 100 >= 95 * with_units,
        "units {same_units}/{with_units}"
    );
    assert!(
        written_right * 100 >= 90 * written,
        "precision {written_right}/{written}"
    );
    assert!(reached * 100 >= 80 * linked, "reach {reached}/{linked}");
    assert!(top3 * 100 >= 90 * linked, "top3 {top3}/{linked}");
}
