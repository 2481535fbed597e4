//! How `check` grows with its input, in instructions rather than time (the
//! machine is shared, so wall time is noise): the release binary checks
//! generated cascades from about 10,000 items and obligations (3 provinces)
//! to the national shape (31 provinces) under callgrind, and the table
//! gives instructions per declaration and the growth against the smallest.
//! Linear growth keeps the last column near 1.
//!
//! Run with `cargo bench --bench scaling` (needs `valgrind`; the country
//! takes a few minutes under callgrind). `docs/performance.md` records the
//! figures.

use std::path::Path;
use std::process::Command;

use planlint::generate;

/// Provinces of each cascade: about 11k, 58k and 204k declarations.
const SIZES: [usize; 3] = [3, 10, generate::PROVINCES];

fn main() {
    if Command::new("valgrind").arg("--version").output().is_err() {
        eprintln!("scaling: valgrind is not installed; nothing measured");
        return;
    }
    let tmp = tempfile::tempdir().expect("a temporary directory");
    println!(
        "| provinces | declarations | instructions | per declaration | growth per declaration |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: |");
    let mut first: Option<f64> = None;
    for provinces in SIZES {
        let dir = tmp.path().join(format!("p{provinces}"));
        let declarations = write_cascade(&dir, provinces);
        let instructions = instructions(&dir);
        let per = instructions as f64 / declarations as f64;
        let base = *first.get_or_insert(per);
        println!(
            "| {provinces} | {declarations} | {instructions} | {per:.0} | {:.2} |",
            per / base
        );
    }
}

/// Writes the cascade; returns how many items and obligations it declares.
fn write_cascade(dir: &Path, provinces: usize) -> usize {
    let cascade = generate::generate(&generate::Options {
        seed: 1,
        provinces,
        rates: generate::Rates::default(),
    });
    let mut declarations = 0;
    for file in &cascade.files {
        let path = dir.join(&file.path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(&path, &file.text).expect("write");
        declarations += file
            .text
            .lines()
            .filter(|l| {
                let l = l.trim_start();
                l.starts_with("item ") || l.starts_with("obligation ")
            })
            .count();
    }
    declarations
}

/// Instructions of `planlint check --format json` in `dir`, all threads.
fn instructions(dir: &Path) -> u64 {
    let out = dir.join("callgrind.out");
    let status = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(env!("CARGO_BIN_EXE_planlint"))
        .args(["check", "--as-of", generate::AS_OF, "--format", "json"])
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("valgrind runs");
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "check failed: {status}"
    );
    let text = std::fs::read_to_string(&out).expect("callgrind's output");
    text.lines()
        .find_map(|l| {
            l.strip_prefix("summary: ")
                .or_else(|| l.strip_prefix("totals: "))
        })
        .and_then(|n| n.split_whitespace().next()?.parse().ok())
        .expect("a summary line")
}
