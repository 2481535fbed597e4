//! Whole-process benchmarks of `planlint check`: the generated country
//! (31 provinces, 333 cities, 2,844 counties), ten times it, and the real
//! cascade bundled in `rules/` and `plans/`.
//!
//! The generated cascades are written under `target/bench-data/` first.
//! Run with `cargo bench --bench process`; `docs/performance.md` records
//! the figures.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};

use planlint::generate;

const BIN: &str = env!("CARGO_BIN_EXE_planlint");

fn generated(provinces: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(format!("provinces-{provinces}"));
    let status = Command::new(BIN)
        .args(["generate", "--seed", "1", "--provinces"])
        .arg(provinces.to_string())
        .arg("--out")
        .arg(&dir)
        .stdout(Stdio::null())
        .status()
        .expect("planlint generate runs");
    assert!(status.success(), "planlint generate failed");
    dir
}

fn check(dir: &Path, format: &str) {
    let status = Command::new(BIN)
        .current_dir(dir)
        .args(["check", "--as-of", generate::AS_OF, "--format", format])
        .stdout(Stdio::null())
        .status()
        .expect("planlint check runs");
    // 1: findings at error level, which these cascades have.
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "planlint check failed"
    );
}

fn process(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut group = c.benchmark_group("planlint check");
    if root.join("rules").is_dir() && root.join("plans").is_dir() {
        for format in ["plain", "json"] {
            group.bench_function(format!("real cascade, {format}"), |b| {
                b.iter(|| check(root, format))
            });
        }
    } else {
        eprintln!("no rules/ and plans/ here: the real cascade is not benchmarked");
    }
    group.sample_size(10);
    let country = generated(generate::PROVINCES);
    group.bench_function("country, plain", |b| b.iter(|| check(&country, "plain")));
    group.bench_function("country, json", |b| b.iter(|| check(&country, "json")));
    if std::env::var_os("PLANLINT_BENCH_10X").is_some() {
        let ten = generated(10 * generate::PROVINCES);
        group.bench_function("10x country, plain", |b| b.iter(|| check(&ten, "plain")));
    }
    group.finish();
}

criterion_group!(benches, process);
criterion_main!(benches);
