//! How long the reviewers' report takes: building the coverage model and
//! rendering the HTML page, for a generated city outline of 3,000
//! obligations carried out by 16 district plans.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use planlint::check::{Context, Options};
use planlint::coverage::{self, Headings};
use planlint::report::{graph, html, lang::Lang, markdown};
use planlint::syntax::value::Date;

const OBLIGATIONS: usize = 3000;
const PLANS: usize = 16;

fn cascade() -> Vec<(String, String)> {
    let mut places =
        String::from("jurisdiction g { name \"市\"; rank province \"市\"; population 1000000 }\n");
    for p in 0..PLANS {
        places.push_str(&format!(
            "jurisdiction g.d{p} {{ name \"第{p}区\"; rank county \"区\"; parent g; population {} }}\n",
            1000 + p
        ));
    }
    let mut outline = String::from(
        "document g.outline {\n  title \"纲要\"\n  issued 2020-01-01\n  rank province\n  jurisdiction g\n}\n",
    );
    for o in 0..OBLIGATIONS {
        outline.push_str(&format!(
            "obligation g.{o} {{ title \"第{o}项要求\"; text \"加强第{o}项工作\"; source {}.{}.{} }}\n",
            o / 100 + 1,
            o / 10 % 10 + 1,
            o % 10 + 1
        ));
    }
    let mut files = vec![
        ("places.plan".to_string(), places),
        ("outline.plan".to_string(), outline),
    ];
    for p in 0..PLANS {
        let mut plan = format!(
            "document g.plan{p} {{\n  title \"第{p}区方案\"\n  issued 2021-01-01\n  rank county\n  jurisdiction g.d{p}\n  carries_out g.outline\n}}\n"
        );
        for o in (0..OBLIGATIONS).filter(|o| (o + p) % 4 != 0) {
            plan.push_str(&format!(
                "item p{p}.{o} {{ title \"落实第{o}项\"; source {o}; implements g.{o} }}\n"
            ));
        }
        files.push((format!("plan{p}.plan"), plan));
    }
    files
}

fn bench(c: &mut Criterion) {
    let options = Options {
        as_of: Date {
            year: 2026,
            month: 11,
            day: 23,
        },
    };
    let outcome = planlint::check(cascade(), planlint::Selection::All, options);
    let ctx = Context::new(&outcome.model, options, outcome.plans.iter().copied());
    let headings = Headings::new();
    let model = coverage::build(&ctx, &outcome.diagnostics, &headings);
    let svg = graph::to_svg(&graph::build(
        &outcome.model,
        Some(&model),
        graph::Detail::Documents,
    ))
    .unwrap_or_default();

    let mut group = c.benchmark_group("report 3000 obligations × 16 plans");
    group.sample_size(10);
    group.bench_function("coverage model", |b| {
        b.iter(|| coverage::build(black_box(&ctx), &outcome.diagnostics, &headings))
    });
    group.bench_function("html", |b| {
        b.iter(|| html::render(black_box(&model), Lang::Zh, Some(&svg)))
    });
    group.bench_function("markdown", |b| {
        b.iter(|| markdown::render(black_box(&model), Lang::Zh))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
