//! Benchmarks of each stage on generated cascades: parse, load (parse and
//! graph), check, and render (human, plain and JSON) of 10,000 findings.
//!
//! Run with `cargo bench --bench stages`; `docs/performance.md` records the
//! figures.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use planlint::check::Options;
use planlint::generate::{self, Rates};
use planlint::report::{RunSummary, human, json};
use planlint::syntax::value;

fn as_of() -> Options {
    Options {
        as_of: value::date(generate::AS_OF).expect("a valid date"),
    }
}

fn cascade(provinces: usize, rates: Rates) -> Vec<(String, String)> {
    generate::generate(&generate::Options {
        seed: 1,
        provinces,
        rates,
    })
    .files
    .into_iter()
    .map(|f| (f.path, f.text))
    .collect()
}

/// The bundled `.plan` files of `rules/` and `plans/`: the real cascade.
fn real_cascade() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["rules", "plans"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("the bundled directory")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "plan"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("a bundled plan");
            files.push((path.display().to_string(), text));
        }
    }
    files
}

/// Parsing alone (text → statements → typed tree), on one core; and
/// the lossless tree alone.
fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (name, files) in [
        ("real cascade", real_cascade()),
        ("one province, one core", cascade(1, Rates::default())),
        ("country", cascade(generate::PROVINCES, Rates::default())),
    ] {
        let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        if name == "country" {
            group.sample_size(10);
        }
        group.bench_function(name, |b| {
            b.iter(|| {
                for (_, text) in &files {
                    black_box(planlint::syntax::parse(text));
                }
            })
        });
        if name != "country" {
            // With the lossless tree, as `fmt` and the language server
            // parse (`check` parses without it).
            group.bench_function(format!("{name}, lossless tree"), |b| {
                b.iter(|| {
                    for (_, text) in &files {
                        black_box(planlint::syntax::cst::parse(text));
                    }
                })
            });
        }
    }
    group.finish();
}

fn load_and_check(c: &mut Criterion) {
    for (name, provinces) in [("one province", 1), ("country", generate::PROVINCES)] {
        let files = cascade(provinces, Rates::default());
        let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("load", |b| {
            b.iter(|| black_box(planlint::model::load(files.iter().cloned())))
        });
        let loaded = planlint::model::load(files.iter().cloned());
        let plans: Vec<_> = loaded.model.plans().collect();
        group.bench_function("check", |b| {
            b.iter(|| {
                black_box(planlint::check::run(
                    &loaded.model,
                    as_of(),
                    plans.iter().copied(),
                ))
            })
        });
        group.finish();
    }
}

/// Exactly 10,000 findings from a cascade with high defect rates.
fn render(c: &mut Criterion) {
    let rates = Rates {
        omission: 0.1,
        exemption: 0.0,
        undercut: 0.2,
        unstated: 0.2,
    };
    let mut provinces = 4;
    let outcome = loop {
        let outcome = planlint::check(cascade(provinces, rates), planlint::Selection::All, as_of());
        if outcome.diagnostics.len() >= 10_000 {
            break outcome;
        }
        provinces += 4;
    };
    let diagnostics = &outcome.diagnostics[..10_000];
    let sources = &outcome.model.sources;
    let summary = RunSummary {
        files: sources.len(),
        ..RunSummary::default()
    };
    let mut group = c.benchmark_group("render 10000 findings");
    group.sample_size(10);
    group.bench_function("human", |b| {
        b.iter(|| {
            black_box(human::render(
                diagnostics,
                sources,
                &summary,
                human::Style::Graphical { color: false },
                100,
            ))
        })
    });
    group.bench_function("plain", |b| {
        b.iter(|| {
            black_box(human::render(
                diagnostics,
                sources,
                &summary,
                human::Style::Plain,
                100,
            ))
        })
    });
    group.bench_function("json", |b| {
        b.iter(|| black_box(json::render(diagnostics, sources, &summary)))
    });
    group.finish();
}

criterion_group!(benches, parse, load_and_check, render);
criterion_main!(benches);
