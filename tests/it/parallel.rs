//! Checking and rendering on many threads give byte for byte what one
//! thread gives.

use planlint::check::Options;
use planlint::generate::{self, Rates};
use planlint::report::{RunSummary, human, json};
use planlint::syntax::value;
use planlint::{Selection, check};

/// Every output format of one run, on a pool of `threads` threads.
fn outputs(threads: usize) -> Vec<String> {
    let cascade = generate::generate(&generate::Options {
        seed: 5,
        provinces: 2,
        rates: Rates {
            omission: 0.02,
            exemption: 0.01,
            undercut: 0.05,
            unstated: 0.05,
        },
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    pool.install(|| {
        let outcome = check(
            cascade
                .files
                .iter()
                .map(|f| (f.path.clone(), f.text.clone())),
            Selection::All,
            Options {
                as_of: value::date(generate::AS_OF).expect("a valid date"),
            },
        );
        let summary = RunSummary {
            files: outcome.model.sources.len(),
            plans: outcome
                .plans
                .iter()
                .map(|&d| outcome.model.document(d).id().to_string())
                .collect(),
            ..RunSummary::default()
        };
        let sources = &outcome.model.sources;
        vec![
            human::render(
                &outcome.diagnostics,
                sources,
                &summary,
                human::Style::Graphical { color: false },
                100,
            ),
            human::render(
                &outcome.diagnostics,
                sources,
                &summary,
                human::Style::Plain,
                100,
            ),
            json::render(&outcome.diagnostics, sources, &summary),
        ]
    })
}

#[test]
fn output_on_four_threads_is_the_output_on_one() {
    let one = outputs(1);
    assert!(
        one[2].matches("\"code\"").count() > 200,
        "too few findings to tell orders apart"
    );
    assert_eq!(outputs(4), one);
}
