//! Text from the input never drives the terminal or breaks a format: a
//! title holding ESC, BEL, CR, form feed, vertical tab and a bidirectional
//! override is shown with visible stand-ins by every text output, and the
//! SVG graph stays well-formed XML; `docs-url` takes web addresses only.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

/// The CI fixture with control characters in an obligation's title (which
/// an omission message quotes) and in the plan's title (a graph label).
fn hostile_cascade(dir: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ci");
    for sub in ["rules", "plans"] {
        std::fs::create_dir_all(dir.join(sub)).expect("mkdir");
    }
    let city = std::fs::read_to_string(from.join("rules/city.plan")).expect("read");
    let city = city.replace(
        "title \"建设科普基地\"",
        "title \"建设\u{1b}[2K\r0 errors\u{7}\u{c}\u{b}\u{202e}基地\"",
    );
    std::fs::write(dir.join("rules/city.plan"), city).expect("write");
    let east = std::fs::read_to_string(from.join("plans/east.plan")).expect("read");
    let east = east.replace(
        "title \"东区科学素质行动实施方案(测试用虚构文本)\"",
        "title \"东区\u{c}方案\u{b}二\u{1b}[31m\"",
    );
    std::fs::write(dir.join("plans/east.plan"), east).expect("write");
}

fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("planlint")
        .expect("the planlint binary is built")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("planlint runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
        })
        .collect()
}

#[test]
fn every_text_output_shows_control_characters_instead_of_obeying_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    hostile_cascade(dir.path());
    let as_of = ["--as-of", "2026-11-23"];
    for format in [
        "human",
        "plain",
        "concise",
        "github",
        "json",
        "json-lines",
        "sarif",
        "gitlab",
        "junit",
    ] {
        let mut args = vec!["check", "--format", format];
        args.extend(as_of);
        let (status, out) = run(dir.path(), &args);
        assert_eq!(status, 1, "{format}: {out}");
        let text = ["human", "plain", "concise", "github"].contains(&format);
        // The machine formats keep the text exactly, in their own escapes
        // (`\u001b` in JSON); only the text formats replace characters.
        let unescaped: Vec<char> = controls(&out)
            .into_iter()
            .filter(|&c| text || c.is_control())
            .collect();
        assert_eq!(unescaped, Vec::<char>::new(), "{format}: {out}");
        if text {
            assert!(out.contains("建设␛[2K"), "{format}: {out}");
            assert!(out.contains("<U+202E>基地"), "{format}: {out}");
        }
    }
    for format in ["html", "markdown"] {
        let mut args = vec!["report", "--format", format];
        args.extend(as_of);
        let (status, out) = run(dir.path(), &args);
        assert_eq!(status, 0, "{format}");
        assert_eq!(controls(&out), Vec::<char>::new(), "{format}");
    }
    for format in ["svg", "dot", "mermaid"] {
        let mut args = vec!["graph", "--format", format];
        args.extend(as_of);
        let (status, out) = run(dir.path(), &args);
        assert_eq!(status, 0, "{format}");
        assert_eq!(controls(&out), Vec::<char>::new(), "{format}");
        assert!(out.contains("东区␌方案␋二␛[31m"), "{format}: {out}");
    }
    // Form feed and vertical tab are not allowed in XML 1.0.
    let (_, svg) = run(dir.path(), &["graph", "--format", "svg"]);
    let mut reader = quick_xml::Reader::from_str(&svg);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("the SVG is not well-formed: {e}"),
        }
    }
}

#[test]
fn docs_url_must_be_a_web_address() {
    let dir = tempfile::tempdir().expect("tempdir");
    hostile_cascade(dir.path());
    std::fs::write(
        dir.path().join("planlint.toml"),
        "docs-url = \"javascript:alert(1)\"\n",
    )
    .expect("write");
    let out = Command::cargo_bin("planlint")
        .expect("the planlint binary is built")
        .current_dir(dir.path())
        .args(["check", "--format", "sarif", "--as-of", "2026-11-23"])
        .output()
        .expect("planlint runs");
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("javascript:"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`docs-url` is not a web address"),
        "{stderr}"
    );
}
