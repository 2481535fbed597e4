//! Properties checked on generated input with proptest, bounded so that
//! `cargo test` stays fast (the long runs are the fuzz targets in `fuzz/`):
//! no panic on arbitrary text or bytes, nor on mutations of the real
//! `rules/` and `plans/`; every span a diagnostic carries lies on character
//! boundaries inside its file; output is byte-identical across runs.

use std::path::Path;

use proptest::prelude::*;

use planlint::Selection;
use planlint::check::Options;
use planlint::decode::decode;

use crate::support::AS_OF;

/// The real cascade, its files named one by one (`support::REAL_FILES`).
fn real_files() -> Vec<(String, String)> {
    crate::support::real_files()
}

/// Checks `files`, asserts that every span lies on character boundaries
/// inside its file, and returns everything rendered.
fn check_and_render(files: &[(String, String)]) -> Result<String, TestCaseError> {
    let outcome = planlint::check(files.to_vec(), Selection::All, Options { as_of: AS_OF });
    for d in &outcome.diagnostics {
        let spans = std::iter::once(&d.primary)
            .chain(&d.related)
            .map(|l| (l.file, l.span))
            .chain(d.obligation.iter().map(|o| (o.file, o.span)))
            .chain(d.item.iter().map(|i| (i.file, i.span)));
        for (file, span) in spans {
            let text = &outcome.model.sources.get(file).text;
            prop_assert!(
                span.start <= span.end
                    && span.end <= text.len()
                    && text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end),
                "{} `{}`: span {:?} in a file of {} bytes",
                d.code,
                d.message,
                span,
                text.len()
            );
        }
    }
    Ok(crate::support::render_every_format(&outcome, AS_OF))
}

/// Text made of the language's own pieces and characters that trouble
/// parsers of Chinese text: multi-byte characters, full-width forms, the
/// ideographic space, CR, a BOM, quotes and braces.
fn plan_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("document d {\n".to_string()),
        Just("obligation o.1 {\n".to_string()),
        Just("item i.1 {\n".to_string()),
        Just("target t { at_least 30万 人次; per year; by 2025 }\n".to_string()),
        Just("jurisdiction j { rank county \"区\"; population 100 }\n".to_string()),
        Just("implements o.1\n".to_string()),
        Just("refines o.1\n".to_string()),
        Just("carries_out d\n".to_string()),
        Just("}\n".to_string()),
        Just("\"".to_string()),
        Just("title \"北京市\"\n".to_string()),
        Just("issued 2022-03-11\n".to_string()),
        Just("３０％ ".to_string()),
        Just("\u{3000}".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("# 注释\n".to_string()),
        Just("¶".to_string()),
        "[a-z_.]{1,12}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

/// A mutation of a text, at character boundaries: delete a range, insert
/// a piece, repeat a range, or cut the text short.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, String),
    Repeat(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0usize..100_000;
    prop_oneof![
        (at.clone(), 0usize..400).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (at.clone(), plan_like_text()).prop_map(|(a, s)| Mutation::Insert(a, s)),
        (at.clone(), 0usize..400).prop_map(|(a, n)| Mutation::Repeat(a, n)),
        at.prop_map(Mutation::Truncate),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    planlint::source::floor_char_boundary(text, at % (text.len() + 1))
}

fn mutate(text: &str, mutation: &Mutation) -> String {
    match mutation {
        Mutation::Delete(at, n) => {
            let a = boundary(text, *at);
            let b = planlint::source::floor_char_boundary(text, a + n);
            format!("{}{}", &text[..a], &text[b..])
        }
        Mutation::Insert(at, piece) => {
            let a = boundary(text, *at);
            format!("{}{piece}{}", &text[..a], &text[a..])
        }
        Mutation::Repeat(at, n) => {
            let a = boundary(text, *at);
            let b = planlint::source::floor_char_boundary(text, a + n);
            format!("{}{}", &text[..b], &text[a..])
        }
        Mutation::Truncate(at) => text[..boundary(text, *at)].to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_and_spans_stay_on_boundaries(
        higher in plan_like_text(),
        plan in plan_like_text(),
        noise in "\\PC{0,200}",
    ) {
        let files = vec![
            ("rules/higher.plan".to_string(), higher),
            ("plans/plan.plan".to_string(), plan),
            ("plans/noise.plan".to_string(), noise),
        ];
        let first = check_and_render(&files)?;
        let second = check_and_render(&files)?;
        prop_assert_eq!(first, second);
    }

    #[test]
    fn arbitrary_bytes_decode_or_are_refused_without_panicking(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        match decode(&bytes) {
            Ok(decoded) => {
                if let Ok(utf8) = std::str::from_utf8(&bytes) {
                    // Valid UTF-8 is read as it is (less a BOM).
                    let expected = utf8.strip_prefix('\u{feff}').unwrap_or(utf8);
                    prop_assert!(!decoded.encoding.is_converted());
                    prop_assert_eq!(&*decoded.text, expected);
                }
            }
            Err(e) => prop_assert!(e.to_string().contains("at byte")),
        }
    }
}

proptest! {
    // Each case loads and checks the whole real cascade: fewer cases.
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn mutations_of_the_real_files_never_panic_and_render_the_same_twice(
        which in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut files = real_files();
        let i = which.index(files.len());
        for m in &mutations {
            files[i].1 = mutate(&files[i].1, m);
        }
        let first = check_and_render(&files)?;
        let second = check_and_render(&files)?;
        prop_assert_eq!(first, second);
    }
}

#[test]
fn the_real_cascade_renders_byte_identical_output_in_separate_processes() {
    // Separate processes get separate hash seeds: any output that followed
    // hash order would differ between them.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for format in ["json", "plain", "human"] {
        let runs: Vec<Vec<u8>> = (0..3)
            .map(|_| {
                crate::support::planlint()
                    .current_dir(root)
                    .args(["check", "--format", format, "--as-of", "2026-11-23"])
                    .args(crate::support::REAL_ARGS)
                    .output()
                    .expect("planlint runs")
                    .stdout
            })
            .collect();
        assert!(!runs[0].is_empty());
        assert_eq!(runs[0], runs[1], "{format}");
        assert_eq!(runs[0], runs[2], "{format}");
    }
}

#[test]
fn inputs_the_fuzzers_stopped_on_now_run_clean() {
    // Each file is an input a fuzz target reported (crash, hang or
    // out-of-memory), read as the target read it: alone, as a rules file.
    // docs/robustness.md says what each was and what was fixed.
    let dir = crate::support::fixtures().join("fuzz-regressions");
    let found = crate::support::plan_files(&dir);
    assert!(!found.is_empty());
    for (name, path) in found {
        let bytes = std::fs::read(&path).expect("read the regression input");
        // Bytes that do not decode are refused, which is the outcome too.
        let text = match decode(&bytes) {
            Ok(decoded) => decoded.text.to_string(),
            Err(e) => {
                assert!(e.to_string().contains("at byte"), "{name}: {e}");
                continue;
            }
        };
        let files = vec![(format!("rules/{name}"), text)];
        let rendered = check_and_render(&files).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(rendered.contains(" read\n"), "{name}");
    }
}
