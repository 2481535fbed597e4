//! Benchmark of `planlint import` on the Xicheng text: the library's
//! import (paragraphs, header, items, figures, ranked links) and the
//! draft it writes, against the real rules (`docs/performance.md`).
//!
//! Run with `cargo bench --bench import`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use planlint::import::{self, Options};

fn rules() -> planlint::model::Model {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files: Vec<(String, String)> = std::fs::read_dir(format!("{root}/rules"))
        .expect("rules/")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a rules file");
            (p.display().to_string(), text)
        })
        .collect();
    files.sort();
    planlint::model::load(files).model
}

fn xicheng(c: &mut Criterion) {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/rules/sources/004_dbb92a8177a5e85b.txt"))
        .expect("the Xicheng text");
    let model = rules();
    let mut group = c.benchmark_group("import");
    group.bench_function("xicheng text to draft", |b| {
        b.iter(|| {
            let imported =
                import::import(black_box(&text), &model, Options::default()).expect("imported");
            import::draft(&imported, &model, "xicheng.txt")
        })
    });
    group.finish();
}

criterion_group!(benches, xicheng);
criterion_main!(benches);
