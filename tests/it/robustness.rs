//! Bad input of every kind gets a clear diagnostic, never a panic, a hang
//! or silence: encodings, full-width forms, broken syntax, impossible
//! values, limits, broken links, and paths. What is about files runs
//! through the real binary; what is about text runs through the library.
//! `docs/robustness.md` lists the same classes with the diagnostic each gets.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

use planlint::check::Options;
use planlint::diagnostic::{Diagnostic, Severity};
use planlint::{Outcome, Selection};

use crate::support::{AS_OF, fixtures};

/// The plan of the fixtures: the east district carries out the city's outline.
const EAST: &str = "# The plan.
document east.plan {
  title \"东区落实《示范市全民科学素质行动规划纲要》实施方案\"
  issued 2022-09-01
  period 2021-2035
  rank county \"区\"
  jurisdiction city.east
  carries_out city.outline
}

item e.1 {
  title \"加强科学家精神宣传教育\"
  source 2.1.1
  text \"开展科学家精神进校园活动。\"
  implements c.1
}
";

fn context_file(name: &str) -> String {
    let path = fixtures().join("checks/read-error/pass").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A project: the city outline and jurisdictions in `rules/`, `plan` as
/// `plans/east.plan`.
fn project(plan: &[u8]) -> TempDir {
    let root = tempfile::tempdir().expect("a temporary directory");
    std::fs::create_dir_all(root.path().join("rules")).expect("mkdir rules");
    std::fs::create_dir_all(root.path().join("plans")).expect("mkdir plans");
    for name in ["city.plan", "jurisdictions.plan"] {
        std::fs::write(root.path().join("rules").join(name), context_file(name)).expect("write");
    }
    std::fs::write(root.path().join("plans/east.plan"), plan).expect("write the plan");
    root
}

/// `planlint check --format plain --as-of 2025-01-01 ARGS…` in `dir`,
/// killed if it runs for more than a minute (a hang is a failure).
fn check(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = crate::support::planlint()
        .current_dir(dir)
        .args(["check", "--format", "plain", "--as-of", "2025-01-01"])
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("planlint runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8 on stdout"),
        String::from_utf8(output.stderr).expect("UTF-8 on stderr"),
    )
}

/// Checks `plan` as `plans/east.plan` against the fixture's city outline.
fn check_text(plan: &str) -> Outcome {
    let files = vec![
        ("rules/city.plan".to_string(), context_file("city.plan")),
        (
            "rules/jurisdictions.plan".to_string(),
            context_file("jurisdictions.plan"),
        ),
        ("plans/east.plan".to_string(), plan.to_string()),
    ];
    planlint::check(files, Selection::All, Options { as_of: AS_OF })
}

/// The diagnostic with `code` whose message contains `message`.
fn find<'a>(outcome: &'a Outcome, code: &str, message: &str) -> &'a Diagnostic {
    outcome
        .diagnostics
        .iter()
        .find(|d| d.code == code && d.message.contains(message))
        .unwrap_or_else(|| {
            let all: Vec<String> = outcome
                .diagnostics
                .iter()
                .map(|d| format!("{}: {}", d.code, d.message))
                .collect();
            panic!("no {code} containing {message:?} among {all:#?}")
        })
}

/// The text a diagnostic underlines.
fn underlined(outcome: &Outcome, d: &Diagnostic) -> String {
    outcome
        .model
        .sources
        .get(d.primary.file)
        .slice(d.primary.span)
        .to_string()
}

// Encodings, through the binary.

#[test]
fn a_gbk_plan_is_decoded_with_a_note() {
    let gbk = std::fs::read(fixtures().join("checks/converted-encoding/fail/east.plan"))
        .expect("the GBK fixture");
    assert!(std::str::from_utf8(&gbk).is_err(), "the fixture is GBK");
    let project = project(&gbk);
    let (status, stdout, stderr) = check(project.path(), &[]);
    assert_eq!(status, Some(0), "{stdout}{stderr}");
    assert_eq!(
        stdout,
        "info[converted-encoding]: this file is in GBK/GB18030, not UTF-8; it was converted when read
  at plans/east.plan:1:1: read as GBK/GB18030
  | # Saved in GBK, as Notepad on a Chinese Windows saves it.
  help: planlint reads it correctly; save it as UTF-8 so that other tools and reviewers see the same text

0 errors, 0 warnings, 1 info in 1 plan (east.plan), 3 files read
"
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded_with_a_note() {
    for (bom, big_endian, name) in [
        ([0xFF, 0xFE], false, "UTF-16LE"),
        ([0xFE, 0xFF], true, "UTF-16BE"),
    ] {
        let mut bytes = bom.to_vec();
        for unit in EAST.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let project = project(&bytes);
        let (status, stdout, _) = check(project.path(), &[]);
        assert_eq!(status, Some(0), "{stdout}");
        assert!(
            stdout.starts_with(&format!(
                "info[converted-encoding]: this file is in {name}, not UTF-8"
            )),
            "{stdout}"
        );
    }
}

#[test]
fn a_utf8_bom_and_crlf_line_ends_read_like_plain_utf8() {
    let plain = check(project(EAST.as_bytes()).path(), &[]);
    let mut windows = b"\xEF\xBB\xBF".to_vec();
    windows.extend(EAST.replace('\n', "\r\n").as_bytes());
    let converted = check(project(&windows).path(), &[]);
    assert_eq!(plain.0, Some(0), "{}", plain.1);
    assert_eq!(converted, plain);
}

#[test]
fn other_bytes_are_refused_naming_the_file_and_the_byte_offset() {
    // A plan saved in Latin-1 (windows-1252): `é` is the single byte 0xE9.
    let mut latin1 = b"document east.plan {\n  title \"Caf".to_vec();
    let offset = latin1.len();
    latin1.extend(b"\xE9 du quartier est\"\n}\n");
    let (status, _, stderr) = check(project(&latin1).path(), &[]);
    assert_eq!(status, Some(2));
    assert_eq!(
        stderr,
        format!(
            "planlint: error[read-error]: cannot read `plans/east.plan`: not valid UTF-8 at byte {offset} (it looks like windows-1252); save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)\n"
        )
    );
}

#[test]
fn a_file_with_nul_bytes_is_refused() {
    let (status, _, stderr) = check(project(b"document east.plan {\0}\n").path(), &[]);
    assert_eq!(status, Some(2));
    assert!(
        stderr.contains("cannot read `plans/east.plan`: a NUL byte at byte 20"),
        "{stderr}"
    );
}

// Full-width forms and the ideographic space.

#[test]
fn full_width_digits_percent_and_the_ideographic_space_are_read() {
    let plan = EAST.replace(
        "  implements c.1\n",
        "  implements c.1\n\u{3000}\u{3000}target share\u{3000}{ at_least ３０％; by ２０２５ }\n",
    );
    let outcome = check_text(&plan);
    assert!(!outcome.input_errors, "{:#?}", outcome.diagnostics);
    let item = outcome.model.items.first().expect("the item");
    let target = &item.decl.targets[0];
    let figure = target.figure.as_ref().expect("a figure");
    assert_eq!((figure.value, figure.unit.as_deref()), (30.0, Some("%")));
    assert_eq!(target.deadline.as_ref().map(|d| d.value), Some(2025));
}

#[test]
fn full_width_forms_that_cannot_be_meant_get_a_hint_with_the_ascii_form() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        // (replace, with, code, message, help)
        (
            "  implements c.1\n",
            "  implements c.1\n  target t { at_least 1，000 人次 }\n",
            "invalid-value",
            "thousands separators are not read: `1，000`",
            "`1000`",
        ),
        (
            "  implements c.1\n",
            "  implements c.1\n  target t { at_least 27。5% }\n",
            "invalid-value",
            "a Chinese full stop or a middle dot as its decimal point",
            "`27.68%`",
        ),
        (
            "  implements c.1\n",
            "  implements c.1\n  target t { at_least 30\u{3000}万 }\n",
            "invalid-value",
            "`万` is cut off from its number",
            "write `30万` without a space",
        ),
        (
            "  implements c.1\n",
            "  implements ｃ．１\n",
            "invalid-value",
            "`ｃ．１` is not an id",
            "write the id in ASCII: `c.1`",
        ),
        (
            "  title \"加强",
            "  ｔｉｔｌｅ \"加强",
            "syntax-error",
            "expected a keyword, found `ｔｉｔｌｅ`",
            "write the keyword in ASCII: `title`",
        ),
        (
            "item e.1 {",
            "item e.1 ｛",
            "syntax-error",
            "full-width `｛` where `{` is meant",
            "write the ASCII `{`",
        ),
        (
            "  title \"加强科学家精神宣传教育\"",
            "  title “加强科学家精神宣传教育”",
            "invalid-value",
            "`title` takes text in quotes",
            "write `title \"加强科学家精神宣传教育\"` with ASCII quotes",
        ),
    ];
    for (from, to, code, message, help) in cases {
        let outcome = check_text(&EAST.replacen(from, to, 1));
        assert!(outcome.input_errors, "{to}");
        let d = find(&outcome, code, message);
        let got = d.help.as_deref().unwrap_or_default();
        assert!(got.contains(help), "{to}: help {got:?} lacks {help:?}");
    }
}

// Broken syntax.

#[test]
fn broken_syntax_gets_a_diagnostic_with_a_span_and_a_hint() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        // (text, code, message, underlined, help)
        (
            "document east.plan {\n  title \"东区落实\n}\n",
            "syntax-error",
            "unterminated string",
            "\"东区落实",
            "close the string on the same line",
        ),
        (
            "document east.plan {\n  title \"东区\"\n",
            "syntax-error",
            "unterminated block",
            "{",
            "add a `}`",
        ),
        (
            "document east.plan {\n  titel \"东区\"\n}\n",
            "unknown-keyword",
            "unknown keyword `titel` in a document",
            "titel",
            "did you mean `title`?",
        ),
        (
            "document east.plan {\n  carries_otu city.outline\n}\n",
            "unknown-keyword",
            "unknown keyword `carries_otu`",
            "carries_otu",
            "did you mean `carries_out`?",
        ),
        (
            "documnet east.plan {\n}\n",
            "unknown-keyword",
            "unknown keyword `documnet` at the top level",
            "documnet",
            "did you mean `document`?",
        ),
    ];
    for (text, code, message, under, help) in cases {
        let outcome = check_text(text);
        assert!(outcome.input_errors, "{text}");
        let d = find(&outcome, code, message);
        assert_eq!(underlined(&outcome, d), *under, "{text}");
        assert!(
            d.help.as_deref().unwrap_or_default().contains(help),
            "{text}: {:?}",
            d.help
        );
    }
}

#[test]
fn a_statement_cut_off_at_the_end_of_the_file_is_reported() {
    // The file as a crashed editor or a truncated copy leaves it: the last
    // string and both blocks are open, and there is no final newline.
    let cut = &EAST[..EAST.find("开展科学家").expect("the text")];
    let outcome = check_text(cut);
    find(&outcome, "syntax-error", "unterminated string");
    let block = find(&outcome, "syntax-error", "unterminated block");
    assert_eq!(underlined(&outcome, block), "{");
    // Cut inside a keyword: the partial keyword is reported, with a guess.
    let cut = &EAST[..EAST.find("ments c.1").expect("implements")];
    let outcome = check_text(cut);
    let d = find(&outcome, "unknown-keyword", "`imple`");
    assert_eq!(d.help.as_deref(), Some("did you mean `implements`?"));
}

#[test]
fn an_empty_file_or_one_of_only_comments_is_a_warning() {
    for (text, message) in [
        ("", "this file is empty"),
        ("\n\u{3000}\n  \n", "this file is empty"),
        (
            "# 东区方案，待填写\n# TODO\n",
            "this file holds only comments",
        ),
    ] {
        let outcome = check_text(text);
        let d = find(&outcome, "empty-file", message);
        assert_eq!(d.severity, Severity::Warning);
        assert!(!outcome.input_errors, "{text:?}");
    }
}

// Impossible values.

#[test]
fn impossible_figures_years_and_dates_are_refused() {
    let target = |body: &str| {
        EAST.replace(
            "  implements c.1\n",
            &format!("  implements c.1\n  target t {{ {body} }}\n"),
        )
    };
    let cases: Vec<(String, &str, &str)> = vec![
        (
            target("at_least 99999999999999999999999 人次"),
            "`99999999999999999999999` is too large",
            "99999999999999999999999",
        ),
        (
            target("at_least 1000000000亿"),
            "`1000000000亿` is too large",
            "1000000000亿",
        ),
        (target("at_least -5%"), "a negative figure `-5%`", "-5%"),
        (
            target("at_least 120%"),
            "a percentage of 120 is impossible",
            "120%",
        ),
        (
            target("at_least 50; by 1850"),
            "impossible year `1850`",
            "1850",
        ),
        (
            target("at_least 50; by 20255"),
            "expected a year, found `20255`",
            "20255",
        ),
        (
            EAST.replace("issued 2022-09-01", "issued 2022-02-30"),
            "impossible date `2022-02-30`",
            "2022-02-30",
        ),
        (
            EAST.replace("issued 2022-09-01", "issued 2022-13-01"),
            "impossible date `2022-13-01`",
            "2022-13-01",
        ),
        (
            target("at_least 50; by 2020"),
            "a deadline of 2020 comes before the document was issued on 2022-09-01",
            "2020",
        ),
    ];
    for (text, message, under) in &cases {
        let outcome = check_text(text);
        assert!(outcome.input_errors, "{message}");
        let d = find(&outcome, "invalid-value", message);
        assert_eq!(underlined(&outcome, d), *under);
        assert!(d.help.is_some(), "{message}: no help");
    }
    // The year the document was issued is a possible deadline.
    let outcome = check_text(&target("at_least 50; by 2022"));
    assert!(!outcome.input_errors, "{:#?}", outcome.diagnostics);
}

// Limits.

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("{EAST}{}", "obligation x {\n".repeat(100_000));
    let outcome = check_text(&deep);
    let d = find(&outcome, "syntax-error", "blocks nested too deeply");
    assert_eq!(underlined(&outcome, d), "{");
}

#[test]
fn a_very_long_line_is_refused_and_skipped() {
    let line = format!("item e.2 {{ title \"{}\" }}", "长".repeat(20_000));
    let outcome = check_text(&format!("{EAST}{line}\n"));
    let d = find(
        &outcome,
        "syntax-error",
        &format!(
            "a line of {} bytes is longer than the limit of 16384; it is skipped",
            line.len()
        ),
    );
    assert!(underlined(&outcome, d).starts_with("item e.2 {"));
    // The line is skipped: nothing else is reported about it.
    let codes: Vec<&str> = outcome.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["syntax-error"]);
}

#[test]
fn errors_per_file_are_capped() {
    let garbage = format!("{EAST}{}", "！？\n".repeat(5_000));
    let outcome = check_text(&garbage);
    let syntax: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == "syntax-error")
        .collect();
    assert_eq!(syntax.len(), 201);
    assert_eq!(
        syntax[200].message,
        "more than 200 syntax errors: the rest of the file is not read"
    );
    let unknown = format!("{EAST}{}", "titl \"x\"\n".repeat(5_000));
    let outcome = check_text(&unknown);
    let counted = find(
        &outcome,
        "invalid-value",
        "4800 more errors from here on are not shown",
    );
    assert_eq!(underlined(&outcome, counted), "titl");
}

#[test]
fn a_50_mb_file_is_refused_without_being_read() {
    let project = project(EAST.as_bytes());
    let big = std::fs::File::create(project.path().join("plans/big.plan")).expect("create");
    // A sparse file: 50 MB long, costing no disk and no time to make.
    big.set_len(50 * 1024 * 1024).expect("set the length");
    let (status, _, stderr) = check(project.path(), &[]);
    assert_eq!(status, Some(2));
    assert_eq!(
        stderr,
        "planlint: error[read-error]: cannot read `plans/big.plan`: the file is 50.0 MB; planlint reads files up to 4 MB (plan files are usually under 100 KB); split it into one file per document\n"
    );
}

#[test]
fn a_file_just_under_the_limit_is_checked() {
    let mut text = EAST.to_string();
    let line = format!("# {}\n", "注释".repeat(600));
    while text.len() + line.len() < 4 * 1024 * 1024 {
        text.push_str(&line);
    }
    let (status, stdout, stderr) = check(project(text.as_bytes()).path(), &[]);
    assert_eq!(status, Some(0), "{stderr}");
    assert_eq!(
        stdout,
        "0 errors, 0 warnings, 0 infos in 1 plan (east.plan), 3 files read\n"
    );
}

// Broken links.

#[test]
fn repeated_self_and_cyclic_refinements_are_reported() {
    let city = format!(
        "{}\nobligation c.8 {{\n  title \"重复\"\n  source 8\n  refines c.1 c.1\n}}\nobligation c.9 {{\n  title \"自我\"\n  source 9\n  refines c.9\n}}\nobligation c.10 {{\n  title \"环一\"\n  source 10\n  refines c.11\n}}\nobligation c.11 {{\n  title \"环二\"\n  source 11\n  refines c.10\n}}\n",
        context_file("city.plan")
    );
    let files = vec![
        ("rules/city.plan".to_string(), city),
        (
            "rules/jurisdictions.plan".to_string(),
            context_file("jurisdictions.plan"),
        ),
    ];
    let outcome = planlint::check(files, Selection::All, Options { as_of: AS_OF });
    assert!(outcome.input_errors);
    let repeated = find(
        &outcome,
        "invalid-value",
        "`c.1` is named twice in `refines`",
    );
    assert_eq!(underlined(&outcome, repeated), "c.1");
    find(
        &outcome,
        "cycle",
        "refinement cycle: `c.9` refers to itself",
    );
    let cycle = find(&outcome, "cycle", "refinement cycle: `c.10` → `c.11`");
    assert_eq!(cycle.related.len(), 1);
}

#[test]
fn implementing_an_obligation_of_a_document_the_plan_does_not_carry_out_is_refused() {
    let other = "document other {\n  title \"另一文件\"\n  issued 2022-01-01\n  period 2021-2035\n  rank province \"市\"\n  jurisdiction city\n}\nobligation o.1 {\n  title \"别处的义务\"\n  source 1\n}\n";
    let plan = EAST.replace("  implements c.1\n", "  implements c.1 o.1\n");
    let files = vec![
        ("rules/city.plan".to_string(), context_file("city.plan")),
        ("rules/other.plan".to_string(), other.to_string()),
        (
            "rules/jurisdictions.plan".to_string(),
            context_file("jurisdictions.plan"),
        ),
        ("plans/east.plan".to_string(), plan),
    ];
    let outcome = planlint::check(files, Selection::All, Options { as_of: AS_OF });
    assert!(outcome.input_errors);
    let d = find(&outcome, "foreign-link", "o.1");
    assert_eq!(underlined(&outcome, d), "o.1");
}

// Paths, through the binary.

#[test]
fn a_missing_file_exits_2() {
    let project = project(EAST.as_bytes());
    let (status, _, stderr) = check(project.path(), &["plans/西区.plan"]);
    assert_eq!(status, Some(2));
    assert!(
        stderr.starts_with(
            "planlint: error[read-error]: cannot read `plans/西区.plan`: No such file or directory"
        ),
        "{stderr}"
    );
}

#[test]
fn a_directory_with_no_plans_exits_2() {
    let project = project(EAST.as_bytes());
    std::fs::create_dir(project.path().join("drafts")).expect("mkdir");
    std::fs::write(project.path().join("drafts/notes.txt"), "草稿").expect("write");
    let (status, _, stderr) = check(project.path(), &["drafts"]);
    assert_eq!(status, Some(2));
    assert_eq!(
        stderr,
        "planlint: error[read-error]: cannot read `drafts`: no `.plan` files in this directory\n"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_exits_2() {
    use std::os::unix::fs::PermissionsExt;
    let project = project(EAST.as_bytes());
    let path = project.path().join("plans/east.plan");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let (status, stdout, stderr) = if std::fs::read(&path).is_ok() {
        // This process is root, which reads any file: run planlint as
        // `nobody` instead, from a copy of the binary that user can reach.
        check_as_nobody(project.path())
    } else {
        check(project.path(), &[])
    };
    assert_eq!(status, Some(2), "{stdout}");
    assert_eq!(
        stderr,
        "planlint: error[read-error]: cannot read `plans/east.plan`: Permission denied (os error 13)\n"
    );
}

/// `planlint check` as in [`check`], run by the unprivileged user `nobody`
/// through `setpriv` (util-linux), for the tests that need a file root
/// could read but a drafter could not.
#[cfg(unix)]
fn check_as_nobody(dir: &Path) -> (Option<i32>, String, String) {
    use std::os::unix::fs::PermissionsExt;
    let binary = dir.join("planlint");
    std::fs::copy(env!("CARGO_BIN_EXE_planlint"), &binary).expect("copy the binary");
    for (path, mode) in [
        (dir.to_path_buf(), 0o755),
        (dir.join("rules"), 0o755),
        (dir.join("plans"), 0o755),
        (binary.clone(), 0o755),
    ] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    let output = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&binary)
        .current_dir(dir)
        .args(["check", "--format", "plain", "--as-of", "2025-01-01"])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("setpriv (util-linux) runs planlint as nobody");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8 on stdout"),
        String::from_utf8(output.stderr).expect("UTF-8 on stderr"),
    )
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_plan_is_refused_without_waiting_for_a_writer() {
    let project = project(EAST.as_bytes());
    let fifo = project.path().join("plans/pipe.plan");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let (status, _, stderr) = check(project.path(), &[]);
    assert_eq!(status, Some(2));
    assert_eq!(
        stderr,
        "planlint: error[read-error]: cannot read `plans/pipe.plan`: not a regular file (a pipe, socket or device)\n"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_with_an_error() {
    use std::os::unix::fs::symlink;
    let project = project(EAST.as_bytes());
    // A directory that contains itself, and two files that point at each other.
    symlink("..", project.path().join("plans/loop")).expect("symlink");
    symlink("b.plan", project.path().join("plans/a.plan")).expect("symlink");
    symlink("a.plan", project.path().join("plans/b.plan")).expect("symlink");
    let (status, stdout, stderr) = check(project.path(), &[]);
    assert_eq!(status, Some(2), "{stdout}");
    assert!(
        stderr.contains("cannot read `plans/a.plan`: Too many levels of symbolic links"),
        "{stderr}"
    );
    assert_eq!(
        stderr,
        "planlint: error[read-error]: cannot read `plans/a.plan`: Too many levels of symbolic links (os error 40)
planlint: error[read-error]: cannot read `plans/b.plan`: Too many levels of symbolic links (os error 40)
planlint: error[read-error]: cannot read `plans/loop/plans`: a symlink loop: this directory is `plans` again, which is being read
"
    );
    // The plan itself was still checked once.
    // (The count of files includes the three that could not be read.)
    assert!(
        stdout.ends_with("3 errors, 0 warnings, 0 infos in 1 plan (east.plan), 6 files read\n"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_named_several_ways_is_read_once() {
    let project = project(EAST.as_bytes());
    // A link to the plan, a hard link to the city outline, and the plan
    // named again on the command line in two spellings.
    std::os::unix::fs::symlink("east.plan", project.path().join("plans/link.plan"))
        .expect("symlink");
    std::fs::hard_link(
        project.path().join("rules/city.plan"),
        project.path().join("rules/again.plan"),
    )
    .expect("hard link");
    let (status, stdout, stderr) = check(
        project.path(),
        &["plans", "./plans/east.plan", "plans/../plans/link.plan"],
    );
    assert_eq!(status, Some(0), "{stdout}{stderr}");
    assert!(!stdout.contains("duplicate-document"), "{stdout}");
    assert!(
        stdout.ends_with("0 errors, 0 warnings, 0 infos in 1 plan (east.plan), 3 files read\n"),
        "{stdout}"
    );
}

#[test]
fn a_path_with_chinese_characters_is_read_and_shown_as_written() {
    let project = project(EAST.as_bytes());
    let dir = project.path().join("规划");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::write(
        dir.join("西城区.plan"),
        EAST.replace("document east.plan", "document xicheng.plan")
            .replace("  implements c.1\n", "  implements c.2\n"),
    )
    .expect("write");
    let (status, stdout, stderr) = check(project.path(), &["规划/西城区.plan"]);
    assert_eq!(status, Some(2), "{stderr}");
    assert!(
        stdout.contains("at 规划/西城区.plan:15:14: unknown obligation"),
        "{stdout}"
    );
}

#[test]
fn a_refinement_cycle_of_10000_obligations_is_reported_without_overflowing_the_stack() {
    // Found while probing limits: petgraph's recursive Tarjan overflowed
    // the stack on such a cycle; validation now uses Kosaraju's algorithm.
    let mut city = String::from(
        "document city.outline {\n  title \"t\"\n  issued 2022-03-01\n  period 2021-2035\n  rank province \"市\"\n  jurisdiction city\n}\n",
    );
    let n = 10_000;
    for i in 0..n {
        let refined = (i + n - 1) % n;
        city.push_str(&format!(
            "obligation c.{i} {{\n  title \"环\"\n  source {}\n  refines c.{refined}\n}}\n",
            i + 1
        ));
    }
    let files = vec![
        ("rules/city.plan".to_string(), city),
        (
            "rules/jurisdictions.plan".to_string(),
            context_file("jurisdictions.plan"),
        ),
    ];
    let outcome = planlint::check(files, Selection::All, Options { as_of: AS_OF });
    let d = find(&outcome, "cycle", "→ … (10000 in all)");
    assert_eq!(d.related.len(), n - 1);
}
