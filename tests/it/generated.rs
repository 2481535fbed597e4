//! The generator's planted defects against what the checker reports: each
//! planted defect is reported exactly once, and nothing else is. The
//! generator is the one place planlint prints its own language, so this is
//! also its print → parse round trip: what it prints reads back, without a
//! single syntax or model diagnostic, as the cascade it meant to print.

use proptest::prelude::*;

use planlint::check::Options;
use planlint::generate::{self, Defect, Manifest, Rates};
use planlint::syntax::value;
use planlint::{Outcome, Selection, check};

/// Generates a cascade and checks it.
fn generate_and_check(provinces: usize, seed: u64, rates: Rates) -> (Manifest, Outcome) {
    let cascade = generate::generate(&generate::Options {
        seed,
        provinces,
        rates,
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
    (cascade.manifest, outcome)
}

/// (code, plan, obligation) of every diagnostic, sorted.
fn found(outcome: &Outcome) -> Vec<Defect> {
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
    found
}

/// The planted defects and the reported ones, at the default rates.
fn reported(provinces: usize, seed: u64) -> (Vec<Defect>, Vec<Defect>) {
    let (manifest, outcome) = generate_and_check(provinces, seed, Rates::default());
    (manifest.defects, found(&outcome))
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

proptest! {
    // Each case generates and checks one province (about 40 plans).
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn what_the_generator_prints_reads_back_as_the_cascade_it_describes(
        seed in any::<u64>(),
        municipality in any::<bool>(),
        omission in 0.0..0.05f64,
        exemption in 0.0..0.05f64,
        undercut in 0.0..0.1f64,
        unstated in 0.0..0.1f64,
    ) {
        // Province 2 is a municipality, province 1 is not.
        let provinces = if municipality { 2 } else { 1 };
        let rates = Rates { omission, exemption, undercut, unstated };
        let (manifest, outcome) = generate_and_check(provinces, seed, rates);
        let model = &outcome.model;
        prop_assert_eq!(model.sources.len(), manifest.files);
        // Every plan and the national outline, and every place of the country.
        prop_assert_eq!(model.documents.len(), manifest.plans + 1);
        prop_assert_eq!(
            model.jurisdictions.len(),
            1 + manifest.provinces + manifest.cities + manifest.counties
        );
        let national = model.document_by_id("gen.outline");
        prop_assert!(national.is_some());
        prop_assert_eq!(
            model.obligations.iter().filter(|o| Some(o.document) == national).count(),
            generate::NATIONAL_OBLIGATIONS
        );
        // No syntax or model diagnostic: every finding is a planted defect,
        // and every planted defect is found once.
        prop_assert_eq!(found(&outcome), manifest.defects);
    }
}
