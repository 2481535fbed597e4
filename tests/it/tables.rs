//! The tabular exports of `planlint report` — xlsx, CSV and Markdown — on
//! the real cascade in both languages (snapshots of the Markdown, the CSV
//! and every sheet's cells read back from the workbook, no markup in any
//! cell, A4 landscape with repeated headings on every sheet), and the
//! Markdown comment within GitHub's length limit with 16 plans.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use calamine::{Data, Reader, Xlsx};

use crate::support::{REAL_ARGS, zip_part};

const AS_OF: &str = "2026-11-23";

/// GitHub's limit on a comment, in characters.
const GITHUB_LIMIT: usize = 65_536;

/// Runs `planlint report --as-of … <args>`; its stdout, after checking that
/// it succeeded.
fn report(args: &[&str]) -> Vec<u8> {
    let mut cmd = Command::cargo_bin("planlint").expect("the planlint binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(name);
    }
    let out = cmd
        .args(["report", "--as-of", AS_OF])
        .args(args)
        .output()
        .expect("planlint runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Panics when a text meant to be plain carries markup.
fn assert_plain(text: &str, context: &str) {
    for markup in ["`", "**", "\\"] {
        assert!(!text.contains(markup), "{markup:?} in {context}: {text}");
    }
}

/// Checks the tables of a Markdown text: no backtick, no backslash but the
/// one that escapes a `|`, and every line of a table with as many cells as
/// its heading. Returns how many table lines there are.
fn assert_plain_tables(markdown: &str) -> usize {
    let mut lines = 0;
    let mut columns: Option<usize> = None;
    for line in markdown.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        lines += 1;
        assert!(!line.contains('`'), "a backtick in a table: {line}");
        assert!(
            !line.replace("\\|", "").contains('\\'),
            "a backslash that escapes no bar: {line}"
        );
        let bars = line.matches('|').count() - line.matches("\\|").count();
        match columns {
            None => columns = Some(bars),
            Some(n) => assert_eq!(n, bars, "a row with other cells than its heading: {line}"),
        }
    }
    lines
}

#[test]
fn real_cascade_markdown_in_both_languages() {
    for lang in ["zh", "en"] {
        let mut args = vec!["--format", "markdown", "--lang", lang];
        args.extend(REAL_ARGS);
        let text = String::from_utf8(report(&args)).expect("UTF-8");
        assert!(assert_plain_tables(&text) > 100, "{text}");
        assert!(text.chars().count() <= GITHUB_LIMIT);
        // The 对照表 names the plan, and cites the Beijing outline and the
        // plan's items in their own numbering.
        let row = text
            .lines()
            .find(|l| l.starts_with("| 西城区 |") && l.contains("科学家精神进校园"))
            .unwrap_or_else(|| panic!("no row of 西城区 in\n{text}"));
        let (requirement, item) = match lang {
            "zh" => (
                "《北京市全民科学素质行动规划纲要(2021—2035年)》三、(一)第1项",
                "| 二、(一)1「加强科学精神、科学家精神的宣传教育」 |",
            ),
            _ => (
                "《北京市全民科学素质行动规划纲要(2021—2035年)》 3.1.1",
                "| item 2.1.1 「加强科学精神、科学家精神的宣传教育」 |",
            ),
        };
        assert!(row.contains(requirement), "{row}");
        assert!(row.contains(item), "{row}");
        insta::assert_snapshot!(format!("markdown_{lang}"), text);
    }
}

#[test]
fn real_cascade_csv_in_both_languages() {
    for lang in ["zh", "en"] {
        let mut args = vec!["--format", "csv", "--lang", lang];
        args.extend(REAL_ARGS);
        let bytes = report(&args);
        let text = std::str::from_utf8(&bytes).expect("UTF-8");
        let text = text.strip_prefix('\u{feff}').expect("a byte order mark");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headings = reader.headers().expect("a heading row").clone();
        assert_eq!(headings.len(), 7, "{headings:?}");
        let rows: Vec<csv::StringRecord> = reader
            .records()
            .collect::<Result<_, _>>()
            .expect("valid csv");
        // 121 advisory rows of Beijing, 136 owed by Xicheng.
        let count = |plan: &str| rows.iter().filter(|r| &r[0] == plan).count();
        assert_eq!((count("北京市"), count("西城区")), (121, 136));
        for r in &rows {
            for cell in r {
                assert_plain(cell, "a CSV cell");
            }
        }
        // The 责任单位 of Xicheng's items are there.
        assert!(
            rows.iter()
                .any(|r| &r[0] == "西城区" && r[6].contains("区科协"))
        );
        insta::assert_snapshot!(format!("csv_{lang}"), text);
    }
}

/// Every sheet of a workbook: its name and its cells as text.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).expect("an xlsx workbook");
    workbook
        .sheet_names()
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).expect("a sheet");
            let rows = range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|cell| match cell {
                            Data::String(s) => s.clone(),
                            Data::Empty => String::new(),
                            other => panic!("a cell not text: {other:?}"),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn real_cascade_xlsx_cells_in_both_languages() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (lang, summary) in [("zh", "概况"), ("en", "Summary")] {
        let out = dir.path().join(format!("{lang}.xlsx"));
        let out_arg = out.display().to_string();
        let mut args = vec!["--format", "xlsx", "--lang", lang, "--out", &out_arg];
        args.extend(REAL_ARGS);
        report(&args);
        let bytes = std::fs::read(&out).expect("written");
        let sheets = sheets(&bytes);
        let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, [summary, "北京市", "西城区"]);
        // The summary links each plan to its sheet.
        let summary_rows = &sheets[0].1;
        assert_eq!(summary_rows[2][0], "西城区");
        assert_eq!(summary_rows[2][3], "西城区");
        let links = zip_part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(links.contains("location=\"'西城区'!A1\""), "{links}");
        // One row per owed obligation, under the headings.
        assert_eq!(sheets[1].1.len(), 1 + 121);
        assert_eq!(sheets[2].1.len(), 1 + 136);
        let mut text = String::new();
        for (name, rows) in &sheets {
            text.push_str(&format!("## {name}\n"));
            for row in rows {
                for cell in row {
                    assert_plain(cell, name);
                }
                text.push_str(&format!("| {} |\n", row.join(" | ").replace('\n', "⏎")));
            }
        }
        // Every sheet prints on A4 landscape, one page wide, its heading
        // row on every page.
        let workbook = zip_part(&bytes, "xl/workbook.xml");
        assert_eq!(
            workbook.matches("_xlnm.Print_Titles").count(),
            sheets.len(),
            "{workbook}"
        );
        for n in 1..=sheets.len() {
            let sheet = zip_part(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
            for setting in [
                "orientation=\"landscape\"",
                "paperSize=\"9\"",
                "fitToPage=\"1\"",
            ] {
                assert!(sheet.contains(setting), "{setting} not in sheet {n}");
            }
        }
        // The verdicts have the HTML report's colours: implemented,
        // partial, omitted.
        let styles = zip_part(&bytes, "xl/styles.xml");
        for rgb in ["FFD1F2E6", "FFFCEBC4", "FFF9D9C7", "FF8A3A00"] {
            assert!(styles.contains(rgb), "no colour {rgb}");
        }
        insta::assert_snapshot!(format!("xlsx_{lang}"), text);
    }
}

/// A cascade of a city outline with `obligations` obligations and
/// `plans` district plans, each of which leaves out one in `omit_every`.
fn write_cascade(dir: &Path, plans: usize, obligations: usize, omit_every: usize) {
    let rules = dir.join("rules");
    let plan_dir = dir.join("plans");
    std::fs::create_dir_all(&rules).expect("mkdir");
    std::fs::create_dir_all(&plan_dir).expect("mkdir");
    let mut places = String::from(
        "jurisdiction g { name \"总市\"; rank province \"市\"; population 1000000 }\n",
    );
    for p in 0..plans {
        places.push_str(&format!(
            "jurisdiction g.d{p} {{ name \"第{p}区\"; rank county \"区\"; parent g; population {} }}\n",
            1000 + p
        ));
    }
    std::fs::write(rules.join("places.plan"), places).expect("write");
    let mut outline = String::from(
        "document g.outline {\n  title \"总市纲要\"\n  issued 2020-01-01\n  rank province\n  jurisdiction g\n}\n",
    );
    for o in 0..obligations {
        outline.push_str(&format!(
            "obligation g.{o} {{ title \"开展第{o}项科普工作 a|b\"; source {}.{}.{} }}\n",
            o / 100 + 1,
            o / 10 % 10 + 1,
            o % 10 + 1
        ));
    }
    std::fs::write(rules.join("outline.plan"), outline).expect("write");
    for p in 0..plans {
        let mut plan = format!(
            "document g.plan{p} {{\n  title \"第{p}区实施方案\"\n  issued 2021-01-01\n  rank county\n  jurisdiction g.d{p}\n  carries_out g.outline\n}}\n"
        );
        for o in (0..obligations).filter(|o| (o + p) % omit_every != 0) {
            plan.push_str(&format!(
                "item p{p}.{o} {{ title \"落实第{o}项\"; source {}; implements g.{o} }}\n",
                o + 1
            ));
        }
        std::fs::write(plan_dir.join(format!("plan{p}.plan")), plan).expect("write");
    }
}

/// The Markdown report of the cascade in `dir`, in `lang`.
fn markdown_of(dir: &Path, lang: &str) -> String {
    let rules = dir.join("rules").display().to_string();
    let plans = dir.join("plans").display().to_string();
    let args = [
        "--format", "markdown", "--lang", lang, "--rules", &rules, "--plans", &plans,
    ];
    String::from_utf8(report(&args)).expect("UTF-8")
}

/// The rows of the 对照表 of a Markdown report.
fn comparison_rows(markdown: &str) -> usize {
    markdown
        .lines()
        .filter(|l| l.starts_with("| 第") && l.contains("《总市纲要》"))
        .count()
}

#[test]
fn sixteen_plans_fit_a_github_comment() {
    // Small: the whole report fits, matrix and all.
    let dir = tempfile::tempdir().expect("tempdir");
    write_cascade(dir.path(), 16, 20, 4);
    let small = markdown_of(dir.path(), "zh");
    assert!(small.contains("## 落实矩阵"));
    assert!(!small.contains("超出 GitHub 评论的长度上限"));
    assert!(small.chars().count() <= GITHUB_LIMIT);

    // 600 obligations: the whole report would not fit; the summary and the
    // rows with a problem (one in 48 of 16 × 600) do, and it says where the
    // rest is, in both languages.
    let dir = tempfile::tempdir().expect("tempdir");
    write_cascade(dir.path(), 16, 600, 48);
    let problems = (0..16)
        .flat_map(|p| (0..600).map(move |o| (o + p) % 48))
        .filter(|r| *r == 0)
        .count();
    for (lang, note) in [
        ("zh", "本评论只列出概况和有问题的行"),
        (
            "en",
            "this comment lists the summary and the rows with a problem",
        ),
    ] {
        let text = markdown_of(dir.path(), lang);
        assert!(text.chars().count() <= GITHUB_LIMIT, "{}", text.len());
        assert!(text.contains(note), "{text}");
        assert!(!text.contains("GitHub 长度上限") && !text.contains("stops here"));
        assert!(!text.contains("## 落实矩阵") && !text.contains("## Coverage matrix"));
        assert_eq!(text.matches("- **第").count(), 16, "a verdict per plan");
        assert_eq!(comparison_rows(&text), problems, "{text}");
        assert_plain_tables(&text);
        // The `|` of a title is escaped in the tables.
        assert!(text.contains("开展第48项科普工作 a\\|b"));
    }

    // One in two left out: even the rows with a problem do not fit; the
    // comment stops at a line and says how many lines are left out.
    let dir = tempfile::tempdir().expect("tempdir");
    write_cascade(dir.path(), 16, 400, 2);
    for (lang, note) in [
        ("zh", "其余 "),
        ("en", " more lines are in the HTML report"),
    ] {
        let text = markdown_of(dir.path(), lang);
        let length = text.chars().count();
        assert!(length <= GITHUB_LIMIT, "{length}");
        assert!(length > GITHUB_LIMIT - 1000, "cut too short: {length}");
        let last = text.trim_end().lines().last().expect("a last line");
        assert!(last.contains(note), "{last}");
        let shown = comparison_rows(&text);
        assert!((100..3200).contains(&shown), "{shown} rows");
        assert_plain_tables(&text);
    }
}

/// More plans than a report lists one by one: the workbook puts every
/// plan's rows on one sheet, with a plan column, and the comment still fits.
#[cfg(feature = "generate")]
#[test]
fn a_paged_report_has_one_sheet_of_rows_and_a_comment_that_fits() {
    use planlint::coverage::PAGED_PLANS;

    let dir = crate::support::write_generated(5);
    let rules = dir.path().join("rules").display().to_string();
    let plans = dir.path().join("plans").display().to_string();
    let out = dir.path().join("r.xlsx").display().to_string();
    let base = ["--lang", "zh", "--rules", &rules, "--plans", &plans];
    let mut args = vec!["--format", "xlsx", "--out", &out];
    args.extend(base);
    report(&args);
    let sheets = sheets(&std::fs::read(&out).expect("written"));
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["概况", "对照表"]);
    let summary = &sheets[0].1;
    assert!(summary.len() > PAGED_PLANS + 1, "{} rows", summary.len());
    assert_eq!(summary[0], ["方案", "标题", "结论"]);
    let rows = &sheets[1].1;
    assert_eq!(rows[0][0], "方案");
    // Each plan's name is in the first column of its rows.
    let plan_names: std::collections::HashSet<&str> =
        summary[1..].iter().map(|r| r[0].as_str()).collect();
    assert!(rows[1..].iter().all(|r| plan_names.contains(r[0].as_str())));
    for row in rows {
        for cell in row {
            assert_plain(cell, "对照表");
        }
    }
    let mut args = vec!["--format", "markdown"];
    args.extend(base);
    let text = String::from_utf8(report(&args)).expect("UTF-8");
    assert!(text.chars().count() <= GITHUB_LIMIT, "{}", text.len());
    assert_plain_tables(&text);
}

/// Plans of one jurisdiction: the names of their rows and sheets tell them
/// apart, and a sheet's name is one Excel takes.
#[test]
fn plans_that_share_a_jurisdiction_get_names_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rules = dir.path().join("rules");
    let plan_dir = dir.path().join("plans");
    std::fs::create_dir_all(&rules).expect("mkdir");
    std::fs::create_dir_all(&plan_dir).expect("mkdir");
    std::fs::write(
        rules.join("places.plan"),
        "jurisdiction g { name \"总市\"; rank province \"市\"; population 1000 }\n\
         jurisdiction g.x { name \"西城/区\"; rank county \"区\"; parent g; population 100 }\n",
    )
    .expect("write");
    std::fs::write(
        rules.join("outline.plan"),
        "document g.outline {\n  title \"总市纲要\"\n  issued 2020-01-01\n  rank province\n  jurisdiction g\n}\n\
         obligation g.1 { title \"开展科普\"; source 1.1.1 }\n",
    )
    .expect("write");
    for (n, title) in [(0, "实施方案 甲"), (1, "实施方案 乙"), (2, "实施方案 甲")] {
        std::fs::write(
            plan_dir.join(format!("p{n}.plan")),
            format!(
                "document g.p{n} {{\n  title \"{title}\"\n  issued 2021-01-01\n  rank county\n  jurisdiction g.x\n  carries_out g.outline\n}}\n"
            ),
        )
        .expect("write");
    }
    let rules = rules.display().to_string();
    let plans = plan_dir.display().to_string();
    let out = dir.path().join("r.xlsx").display().to_string();
    report(&[
        "--format", "xlsx", "--lang", "zh", "--out", &out, "--rules", &rules, "--plans", &plans,
    ]);
    let sheets = sheets(&std::fs::read(&out).expect("written"));
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "概况",
            "西城_区（实施方案 甲）（g.p0）",
            "西城_区（实施方案 乙）",
            "西城_区（实施方案 甲）（g.p2）",
        ]
    );
    let summary: Vec<&str> = sheets[0].1[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        summary,
        [
            "西城/区（实施方案 甲）（g.p0）",
            "西城/区（实施方案 乙）",
            "西城/区（实施方案 甲）（g.p2）",
        ]
    );
}
