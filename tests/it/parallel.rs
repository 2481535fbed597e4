//! Checking and rendering on many threads give byte for byte what one
//! thread gives, in every output format.

use planlint::check::Options;
use planlint::generate::{self, Rates};
use planlint::syntax::value;
use planlint::{Selection, check};

use crate::support::render_every_format;

/// Every output format of one run, on a pool of `threads` threads.
fn outputs(threads: usize) -> String {
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
    let as_of = value::date(generate::AS_OF).expect("a valid date");
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
            Options { as_of },
        );
        render_every_format(&outcome, as_of)
    })
}

#[test]
fn output_on_four_threads_is_the_output_on_one() {
    let one = outputs(1);
    assert!(
        one.matches("\"code\"").count() > 200,
        "too few findings to tell orders apart"
    );
    assert_eq!(outputs(4), one);
}
