//! Chinese and English on the real cascade: every output format in both
//! languages, the language setting (flag > `planlint.toml` > locale >
//! English), and the drafter's first screen.

use std::path::Path;

use serde_json::Value;

use crate::ci::{AS_OF, fixture, project, root};

/// The real documents, named one by one: the two plans checked (the
/// Xicheng plan and the Beijing outline); their rules come from `rules/`.
const REAL: &[&str] = &["plans/xicheng.plan", "rules/beijing-outline.plan"];

const FORMATS: &[&str] = &[
    "human",
    "plain",
    "concise",
    "json",
    "json-lines",
    "sarif",
    "github",
    "gitlab",
    "junit",
];

/// `planlint ARGS` in `dir` with the locale variables given (and no
/// others); returns stdout, stderr and the exit code.
fn run(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> (String, String, i32) {
    let mut cmd = crate::support::planlint();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.args(args).output().expect("planlint runs");
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code().unwrap_or(-1),
    )
}

fn check_real(lang: &str, format: &str) -> String {
    let mut args = vec![
        "check", "--as-of", AS_OF, "--lang", lang, "--format", format,
    ];
    args.extend(REAL);
    let (out, err, code) = run(&root(), &[], &args);
    assert_eq!(code, 1, "{lang} {format}: {err}");
    if format == "sarif" {
        // The rules' documentation is `docs/diagnostics.md`'s, tested there.
        let mut log: Value = serde_json::from_str(&out).unwrap_or_default();
        log["runs"][0]["tool"]["driver"]["rules"] = Value::Null;
        return serde_json::to_string_pretty(&log).unwrap_or_default();
    }
    out
}

#[test]
fn the_real_cascade_in_every_format_and_both_languages() {
    for lang in ["zh", "en"] {
        for format in FORMATS {
            let out = check_real(lang, format);
            insta::assert_snapshot!(format!("real_{lang}_{format}"), out);
        }
    }
}

/// Under a Chinese locale the graphical report says none of miette's
/// English words: its help and the rules' obligation are introduced in
/// Chinese (the lines are reviewed in the `real_zh_human` snapshot).
#[test]
fn the_graphical_report_in_chinese_has_no_english_words_of_miette() {
    let mut args = vec!["check", "--as-of", AS_OF, "--format", "human"];
    args.extend(REAL);
    let (out, _, code) = run(&root(), &[("LANG", "zh_CN.UTF-8")], &args);
    assert_eq!(code, 1);
    for word in ["help:", "Advice", "Error:", "Warning:"] {
        assert!(!out.contains(word), "{word} in {out}");
    }
    assert!(out.contains("\n  建议："), "{out}");
    assert!(out.contains("\n说明：\n"), "{out}");
    let (en, _, _) = run(&root(), &[("LANG", "C")], &args);
    assert!(
        en.contains("\n  help: ") && en.contains("\nAdvice: \n"),
        "{en}"
    );
    // The whole project, in the default format.
    let (all, _, _) = run(
        &root(),
        &[("LANG", "zh_CN.UTF-8")],
        &["check", "--as-of", AS_OF],
    );
    assert!(!all.contains("help:") && !all.contains("Advice"), "{all}");
    assert!(all.contains("建议："), "{all}");
}

#[test]
fn json_keeps_codes_ids_and_fixes_across_languages() {
    let zh: Value = serde_json::from_str(&check_real("zh", "json")).unwrap_or_default();
    let en: Value = serde_json::from_str(&check_real("en", "json")).unwrap_or_default();
    let findings = |v: &Value| v["findings"].as_array().cloned().unwrap_or_default();
    let (zh, en) = (findings(&zh), findings(&en));
    assert_eq!(zh.len(), en.len());
    assert!(!zh.is_empty());
    for (z, e) in zh.iter().zip(&en) {
        for key in [
            "code",
            "severity",
            "location",
            "plan",
            "obligation",
            "item",
            "fixes",
        ] {
            assert_eq!(z[key], e[key], "{key} differs");
        }
        assert_ne!(
            z["message"], e["message"],
            "the message follows the language"
        );
    }
}

#[test]
fn a_baseline_written_in_chinese_matches_in_english() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let baseline = dir.path().join("baseline.json");
    let baseline = baseline.to_str().unwrap_or_default();
    let mut args = vec!["baseline", "--as-of", AS_OF, "--lang", "zh", "-o", baseline];
    args.extend(REAL);
    let (_, err, code) = run(&root(), &[], &args);
    assert_eq!(code, 0, "{err}");
    let mut args = vec![
        "check",
        "--as-of",
        AS_OF,
        "--lang",
        "en",
        "--format",
        "json",
        "--baseline",
        baseline,
    ];
    args.extend(REAL);
    let (out, err, code) = run(&root(), &[], &args);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(
        report["findings"].as_array().map(Vec::len),
        Some(0),
        "{out}"
    );
}

#[test]
fn the_locale_alone_chooses_chinese_and_the_flag_overrides_it() {
    let args = ["check", "--as-of", AS_OF, "--format", "plain"];
    let zh = [("LANG", "zh_CN.UTF-8")];
    let (out, _, _) = run(&fixture(), &zh, &args);
    assert!(out.contains("个错误"), "{out}");
    assert!(
        out.contains("错误[omitted-obligation]") || out.contains("警告["),
        "{out}"
    );

    let mut with_flag = args.to_vec();
    with_flag.extend(["--lang", "en"]);
    let (out, _, _) = run(&fixture(), &zh, &with_flag);
    assert!(
        out.contains(" errors, ") || out.contains(" error, "),
        "{out}"
    );
    assert!(!out.contains("个错误"), "{out}");

    // The first locale variable that is set decides: LC_ALL=C is English.
    let (out, _, _) = run(
        &fixture(),
        &[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")],
        &args,
    );
    assert!(!out.contains("个错误"), "{out}");
    let (out, _, _) = run(&fixture(), &[("LC_MESSAGES", "zh_CN.UTF-8")], &args);
    assert!(out.contains("个错误"), "{out}");
    // No locale: English.
    let (out, _, _) = run(&fixture(), &[], &args);
    assert!(!out.contains("个错误"), "{out}");
}

#[test]
fn planlint_toml_sets_the_language_below_the_flag_and_above_the_locale() {
    let dir = project(Some("lang = \"zh\"\n"));
    let args = ["check", "--as-of", AS_OF, "--format", "plain"];
    let (out, _, _) = run(dir.path(), &[("LANG", "en_US.UTF-8")], &args);
    assert!(out.contains("个错误"), "{out}");
    let mut with_flag = args.to_vec();
    with_flag.extend(["--lang", "en"]);
    let (out, _, _) = run(dir.path(), &[], &with_flag);
    assert!(!out.contains("个错误"), "{out}");

    let bad = project(Some("lang = \"fr\"\n"));
    let (_, err, code) = run(bad.path(), &[], &args);
    assert_eq!(code, 2);
    assert!(err.contains("unknown language `fr`"), "{err}");
}

#[test]
fn the_first_screen_in_chinese_shows_xichengs_errors() {
    let mut args = vec!["check", "--as-of", AS_OF, "--format", "plain"];
    args.extend(REAL);
    let (out, _, code) = run(&root(), &[("LANG", "zh_CN.UTF-8")], &args);
    assert_eq!(code, 1);
    let screen: Vec<&str> = out.lines().take(24).collect();
    assert!(screen[0].starts_with("── `xc.plan`"), "{screen:#?}");
    assert!(screen[0].contains("16 个错误"), "{screen:#?}");
    let errors: Vec<&&str> = screen
        .iter()
        .filter(|l| l.starts_with("错误[omitted-obligation]：本方案未落实"))
        .collect();
    assert!(errors.len() >= 3, "{screen:#?}");
    // Each names the Beijing requirement by the outline's own numbering,
    // and quotes what it asks.
    assert!(
        screen.iter().any(|l| l.contains("三、(四)第3项第2句「")),
        "{screen:#?}"
    );
    assert!(
        screen.iter().any(|l| l.starts_with("  上位要求原文：「")),
        "{screen:#?}"
    );
    // No `document … {` line is repeated under omissions.
    assert!(!out.contains("| document xc.plan {"), "{out}");
    // Advisory findings are one line per code, after Xicheng's.
    assert_eq!(out.matches("条参考性问题").count(), 2, "{out}");
}

#[test]
fn show_advisory_lists_them_one_by_one() {
    let mut args = vec![
        "check",
        "--as-of",
        AS_OF,
        "--format",
        "plain",
        "--show-advisory",
    ];
    args.extend(REAL);
    let (out, _, _) = run(&root(), &[], &args);
    assert!(!out.contains("advisory findings:"), "{out}");
    assert_eq!(
        out.matches("(advisory: `nat.opinions` was issued after the plan)")
            .count(),
        13,
        "{out}"
    );
}

/// A committed file equals what the code generates; `UPDATE_DOCS=1`
/// rewrites it.
fn assert_generated(path: &str, fresh: &str) {
    let path = root().join(path);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, fresh).expect("update docs");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "`{}` is out of date: run `UPDATE_DOCS=1 cargo test --test it zh::`",
        path.display()
    );
}

#[test]
fn the_catalogue_doc_is_generated_from_the_catalogue() {
    assert_generated(
        "docs/catalogue.md",
        &planlint::i18n::catalogue::markdown(planlint::check::registry::all_codes()),
    );
}

/// `docs/diagnostics.md` and `docs/diagnostics.zh.md` are generated from
/// the explain pages of `src/i18n/explain.rs`.
#[test]
fn the_diagnostics_docs_are_generated_from_the_explain_pages() {
    use planlint::i18n::{Lang, explain};
    let codes: Vec<_> = planlint::check::registry::all_codes().collect();
    assert_generated("docs/diagnostics.md", &explain::markdown(Lang::En, &codes));
    assert_generated(
        "docs/diagnostics.zh.md",
        &explain::markdown(Lang::Zh, &codes),
    );
}

/// `explain CODE` prints the whole page in the run's language.
#[test]
fn explain_prints_the_page_in_the_language() {
    let (zh, _, code) = run(
        &root(),
        &[],
        &["explain", "omitted-obligation", "--lang", "zh"],
    );
    assert_eq!(code, 0);
    assert!(
        zh.starts_with("## `omitted-obligation`\n\n方案应落实的上位要求"),
        "{zh}"
    );
    assert!(zh.contains("**修改方法：**"), "{zh}");
    assert!(!zh.contains("How to fix"), "{zh}");
    let (en, _, _) = run(
        &root(),
        &[("LANG", "zh_CN.UTF-8")],
        &["explain", "omitted-obligation", "--lang", "en"],
    );
    assert!(en.contains("**How to fix:**"), "{en}");
    assert!(!en.contains("修改方法"), "{en}");
    let (by_locale, _, _) = run(&root(), &[("LANG", "zh_CN.UTF-8")], &["explain", "cycle"]);
    assert!(
        by_locale.contains("细化、落实关系或地区隶属关系构成循环"),
        "{by_locale}"
    );
}

/// `codes --lang zh` lists every code with its Chinese summary and
/// severity.
#[test]
fn codes_lists_every_code_in_chinese() {
    use planlint::check::registry;
    use planlint::i18n::catalogue::code_entry;
    let (out, _, code) = run(&root(), &[], &["codes", "--lang", "zh"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), registry::all_codes().count(), "{out}");
    for (line, info) in lines.iter().zip(registry::all_codes()) {
        let zh = code_entry(info.code).expect("a summary").zh;
        assert!(line.starts_with(info.code), "{line}");
        assert!(line.ends_with(zh), "{line}");
        assert!(
            ["错误", "警告", "提示"].iter().any(|w| line.contains(w)),
            "{line}"
        );
    }
}

/// The command line's own errors follow the language too: outside a
/// project, a directory that does not exist, a document `import` refuses.
#[test]
fn command_line_errors_are_in_chinese() {
    let empty = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(empty.path().join("a.pdf"), "%PDF").expect("write");
    let (_, err, code) = run(empty.path(), &[], &["check", "--lang", "zh"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("planlint: 不在项目中："), "{err}");
    let (_, err, _) = run(empty.path(), &[], &["check", "--lang", "en"]);
    assert!(
        err.starts_with("planlint: not inside a planlint project"),
        "{err}"
    );

    let (_, err, code) = run(
        empty.path(),
        &[],
        &["check", "--lang", "zh", "--rules", "nowhere"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "错误[read-error]：无法读取 `nowhere`：上位文件目录（由 `--rules` 指定）不存在"
        ),
        "{err}"
    );

    let (_, err, code) = run(empty.path(), &[], &["import", "--lang", "zh", "a.pdf"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("无法导入 `a.pdf`：不读取 `PDF` 文件"), "{err}");
}

/// The library's refusals follow the language: `owed` of a jurisdiction
/// that does not exist, a baseline of another version, a file that does
/// not decode, a document with no text; in English they read as before.
#[test]
fn library_errors_are_in_chinese() {
    let (_, err, code) = run(&root(), &[], &["owed", "--lang", "zh", "nowhere"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("planlint: 错误：未知的地区 `nowhere`\n  建议："),
        "{err}"
    );
    let (_, err, _) = run(&root(), &[], &["owed", "--lang", "en", "nowhere"]);
    assert!(
        err.starts_with("planlint: error: unknown jurisdiction `nowhere`\n  help: "),
        "{err}"
    );

    let dir = tempfile::tempdir().expect("a temporary directory");
    let baseline = dir.path().join("b.json");
    std::fs::write(&baseline, r#"{"version": 0, "entries": []}"#).expect("write");
    let baseline = baseline.to_string_lossy().into_owned();
    let mut args = vec![
        "check",
        "--as-of",
        AS_OF,
        "--lang",
        "zh",
        "--baseline",
        &baseline,
    ];
    args.extend(REAL);
    let (_, err, code) = run(&root(), &[], &args);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("不支持第 0 版基线（本工具写出的是第 1 版）"),
        "{err}"
    );

    std::fs::write(dir.path().join("nul.txt"), b"text\0more").expect("write");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    let (_, err, code) = run(dir.path(), &[], &["import", "--lang", "zh", "nul.txt"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("第 4 字节处有 `NUL` 字节"), "{err}");
    assert!(err.contains("请将文件另存为 `UTF-8` 编码"), "{err}");
    let (_, err, code) = run(dir.path(), &[], &["import", "--lang", "zh", "empty.txt"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("该文件没有正文"), "{err}");

    std::fs::write(dir.path().join("bad.docx"), "not a zip").expect("write");
    let (_, err, code) = run(dir.path(), &[], &["import", "--lang", "zh", "bad.docx"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("不是 `.docx` 文件（不是 `zip` 压缩包："),
        "{err}"
    );
}

/// `owed` in both languages on the real documents: what Dongcheng owes
/// (its population shares) and what the Xicheng plan owes, as text and as
/// a starter plan. The plan language and the documents' text stay as
/// written; the English is the output before the catalogue, unchanged.
#[test]
fn owed_in_both_languages_on_the_real_documents() {
    for lang in ["zh", "en"] {
        for (name, subject) in [
            ("dongcheng", "cn.bj.dongcheng"),
            ("xicheng", "plans/xicheng.plan"),
        ] {
            let args = ["owed", subject, "--as-of", AS_OF, "--lang", lang];
            let (out, err, code) = run(&root(), &[], &args);
            assert_eq!(code, 0, "{err}");
            insta::assert_snapshot!(format!("owed_{name}_{lang}"), out);
        }
        let args = [
            "owed",
            "plans/xicheng.plan",
            "--as-of",
            AS_OF,
            "--lang",
            lang,
            "--format",
            "plan",
        ];
        let (out, err, code) = run(&root(), &[], &args);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("owed_xicheng_plan_{lang}"), out);
    }
}

/// The operating system's reason for a file that cannot be read is said
/// in Chinese for the common kinds; English keeps the system's words.
#[test]
fn io_reasons_in_chinese() {
    let args = ["check", "--lang", "zh", "plans/nowhere.plan"];
    let (_, err, code) = run(&root(), &[], &args);
    assert_eq!(code, 2);
    assert!(
        err.contains("无法读取 `plans/nowhere.plan`：文件或目录不存在"),
        "{err}"
    );
    assert!(!err.contains("No such file"), "{err}");
    let args = ["check", "--lang", "en", "plans/nowhere.plan"];
    let (_, err, _) = run(&root(), &[], &args);
    assert!(err.contains("No such file or directory"), "{err}");
    let out = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(out.path().join("file"), "").expect("write");
    let target = format!("json={}/file/x.json", out.path().display());
    let mut args = vec![
        "check",
        "--lang",
        "zh",
        "--as-of",
        AS_OF,
        "--output-file",
        &target,
    ];
    args.extend(REAL);
    let (_, err, code) = run(&root(), &[], &args);
    assert_eq!(code, 2);
    assert!(err.contains("：路径中有一部分不是目录"), "{err}");
}

/// `import` of the real Xicheng plan in both languages: the draft's
/// comments for the drafter follow the language; the plan language and
/// the source text stay as written, and the English is the output before
/// the catalogue, unchanged.
#[test]
fn import_in_both_languages_on_the_real_documents() {
    for lang in ["zh", "en"] {
        let args = [
            "import",
            "rules/sources/004_dbb92a8177a5e85b.txt",
            "--lang",
            lang,
        ];
        let (out, err, code) = run(&root(), &[], &args);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(format!("import_xicheng_{lang}"), out);
    }
    let args = [
        "import",
        "rules/sources/004_dbb92a8177a5e85b.txt",
        "--lang",
        "zh",
    ];
    let (out, _, _) = run(&root(), &[], &args);
    for english in ["# line ", "score ", "candidate", "Imported by", "inherited"] {
        assert!(!out.contains(english), "{english}");
    }
}

/// SARIF's rules carry the codes' summaries and explain pages in the
/// run's language.
#[test]
fn sarif_rules_follow_the_language() {
    for (lang, summary, fix) in [
        (
            "zh",
            "方案应落实的要求，既未落实也未说明理由",
            "**修改方法：**",
        ),
        (
            "en",
            "an obligation the plan must carry out is neither implemented nor exempted",
            "**How to fix:**",
        ),
    ] {
        let mut args = vec![
            "check", "--as-of", AS_OF, "--format", "sarif", "--lang", lang,
        ];
        args.extend(REAL);
        let (out, _, _) = run(&root(), &[], &args);
        let log: Value = serde_json::from_str(&out).expect("sarif");
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules");
        let rule = rules
            .iter()
            .find(|r| r["id"] == "omitted-obligation")
            .expect("the rule");
        assert_eq!(rule["shortDescription"]["text"], summary);
        let help = rule["help"]["text"].as_str().expect("help");
        assert!(help.contains(fix), "{help}");
    }
}
