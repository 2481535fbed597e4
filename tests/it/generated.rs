//! The generator's planted defects against what the checker reports: each
//! planted defect is reported exactly once, and nothing else is.

use planlint::check::Options;
use planlint::generate::{self, Defect, Rates};
use planlint::syntax::value;
use planlint::{Selection, check};

/// (code, plan, obligation) of every diagnostic, sorted.
fn reported(provinces: usize, seed: u64) -> (Vec<Defect>, Vec<Defect>) {
    let cascade = generate::generate(&generate::Options {
        seed,
        provinces,
        rates: Rates::default(),
    });
    let options = Options {
        as_of: value::date(generate::AS_OF).expect("a valid date"),
    };
    let outcome = check(
        cascade
            .files
            .iter()
            .map(|f| (f.path.clone(), f.text.clone())),
        Selection::All,
        options,
    );
    let mut found: Vec<Defect> = outcome
        .diagnostics
        .iter()
        .map(|d| Defect {
            code: d.code,
            plan: d.plan.as_ref().map(|p| p.id.clone()),
            obligation: d
                .obligation
                .as_ref()
                .map(|o| o.id.clone())
                .unwrap_or_else(|| format!("({})", d.message)),
        })
        .collect();
    found.sort();
    (cascade.manifest.defects, found)
}

#[test]
fn one_province_every_planted_defect_is_reported_once_and_nothing_else() {
    let (planted, found) = reported(1, 1);
    let codes: std::collections::BTreeSet<_> = planted.iter().map(|d| d.code).collect();
    // The default rates plant every kind of defect in one province.
    assert_eq!(
        codes.into_iter().collect::<Vec<_>>(),
        [
            "omitted-obligation",
            "roll-up-shortfall",
            "undercut-target",
            "unstated-quantity"
        ]
    );
    assert_eq!(found, planted);
}

#[test]
fn a_municipality_and_a_province_with_another_seed() {
    // Province 2 is a municipality: its districts carry out the provincial
    // outline directly.
    let (planted, found) = reported(2, 7);
    assert!(planted.len() > 20, "only {} defects planted", planted.len());
    assert_eq!(found, planted);
}
