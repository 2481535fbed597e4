//! The 对照表 as an Excel workbook (`.xlsx`), for reviewers who work in a
//! spreadsheet: a summary sheet (概况) with each plan's verdict and a link
//! to its sheet, then one sheet per plan with its owed obligations (its own
//! rows before its advisory ones): the higher requirement in its document's
//! numbering with its text, the plan's items with theirs, the verdict
//! coloured as in the HTML report, 差异, 建议 and 责任单位, no markup in
//! any cell. Frozen headings, an autofilter, printed on A4 landscape with
//! the heading row on every page. A paged report (more than
//! [`PAGED_PLANS`](crate::coverage::PAGED_PLANS) plans) puts every
//! plan's rows on one 对照表 sheet instead, with a plan column. Returns the
//! bytes; the caller writes them.

use std::borrow::Cow;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Url, Workbook, Worksheet,
    XlsxError,
};

use crate::coverage::{Coverage, Status};
use crate::i18n::Msg;
use crate::report::lang::Lang;
use crate::report::table::{self, ComparisonRow};

/// Column widths, in characters, of 方案 | 结论 | 上位要求 | 本方案条款 |
/// 差异 | 建议 | 责任单位; a plan's sheet has no 方案 column.
const WIDTHS: [f64; 7] = [14.0, 12.0, 55.0, 50.0, 45.0, 40.0, 16.0];

/// Excel's paper size code for A4.
const A4: u8 = 9;

/// The most UTF-16 units of a sheet's name (Excel's limit).
const SHEET_NAME_LIMIT: usize = 31;

/// The background and text colours of a verdict cell: the HTML report's
/// (colour-blind safe, and each verdict also says its name).
fn colours(status: Status) -> (u32, u32) {
    match status {
        Status::Implemented => (0xD1F2E6, 0x00573F),
        Status::Partial => (0xFCEBC4, 0x7A5200),
        Status::Exempted => (0xD6E7F5, 0x004170),
        Status::Omitted => (0xF9D9C7, 0x8A3A00),
        Status::Undercut => (0xF3DCEA, 0x7A2E5C),
        Status::NotApplicable | Status::NotOwed => (0xF3F4F6, 0x6B7280),
    }
}

/// The most a cell of Excel holds, in UTF-16 code units.
const CELL_LIMIT: usize = 32_767;

/// The formats of the workbook.
struct Formats {
    heading: Format,
    wrap: Format,
}

impl Formats {
    fn verdict(&self, status: Status) -> Format {
        let (background, text) = colours(status);
        self.wrap
            .clone()
            .set_background_color(background)
            .set_font_color(text)
            .set_bold()
    }
}

/// The workbook as bytes.
pub fn render(coverage: &Coverage, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // Dated as of the check, not the clock, so the same run gives the same file.
    if let Ok(date) = ExcelDateTime::parse_from_str(&coverage.as_of) {
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&date));
    }
    let formats = Formats {
        heading: Format::new()
            .set_bold()
            .set_background_color(0xF3F4F6)
            .set_border(FormatBorder::Thin),
        wrap: Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin),
    };
    let words = lang.words();
    let names = table::plan_names(coverage);
    let rows = table::rows(coverage, lang);
    let mut taken = vec![words.summary.to_string()];
    let sheets: Vec<String> = if coverage.paged() {
        Vec::new()
    } else {
        names.iter().map(|n| sheet_name(n, &mut taken)).collect()
    };

    let summary = workbook.add_worksheet();
    summary.set_name(words.summary)?;
    let sheet_heading = Msg::TablesSheet {}.render(lang);
    let mut headings = vec![words.plan, words.title, words.verdict];
    if !sheets.is_empty() {
        headings.push(&sheet_heading);
    }
    page(summary, &headings, &[14.0, 40.0, 90.0, 14.0], &formats)?;
    for (i, (p, name)) in coverage.plans.iter().zip(&names).enumerate() {
        let r = i as u32 + 1;
        let mut verdict = p.verdict().render(lang);
        if let Some(advisory) = p.advisory_verdict() {
            verdict.push('\n');
            verdict.push_str(&advisory.render(lang));
        }
        summary.write_string_with_format(r, 0, fit(name, lang), &formats.wrap)?;
        summary.write_string_with_format(r, 1, fit(&p.title, lang), &formats.wrap)?;
        summary.write_string_with_format(r, 2, fit(&verdict, lang), &formats.wrap)?;
        if let Some(sheet) = sheets.get(i) {
            let target = format!("internal:'{}'!A1", sheet.replace('\'', "''"));
            summary.write_url_with_format(r, 3, Url::new(target).set_text(sheet), &formats.wrap)?;
        }
    }

    let headings = table::export_headings(lang);
    if sheets.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(Msg::TablesComparisonSheet {}.render(lang))?;
        let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
        let list: Vec<&ComparisonRow> = rows.iter().collect();
        fill(sheet, &headings, &WIDTHS, &list, 0, lang, &formats)?;
    } else {
        let headings: Vec<&str> = headings[1..].iter().map(String::as_str).collect();
        for (p, sheet_name) in coverage.plans.iter().zip(&sheets) {
            let sheet = workbook.add_worksheet();
            sheet.set_name(sheet_name)?;
            let list: Vec<&ComparisonRow> = rows.iter().filter(|r| r.plan == p.id).collect();
            fill(sheet, &headings, &WIDTHS[1..], &list, 1, lang, &formats)?;
        }
    }
    workbook.save_to_buffer()
}

/// Lays out a sheet for print (A4 landscape, one page wide, the heading
/// row on every page, frozen) and writes its heading row.
fn page(
    sheet: &mut Worksheet,
    headings: &[&str],
    widths: &[f64],
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_freeze_panes(1, 0)?;
    for (col, (title, width)) in headings.iter().zip(widths).enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *title, &formats.heading)?;
        sheet.set_column_width(col, *width)?;
    }
    Ok(())
}

/// Writes `rows` under `headings`, each row's [`table::export_cells`] from
/// the `skip`th on, the verdict coloured, with an autofilter.
fn fill(
    sheet: &mut Worksheet,
    headings: &[&str],
    widths: &[f64],
    rows: &[&ComparisonRow],
    skip: usize,
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    page(sheet, headings, widths, formats)?;
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let verdict = formats.verdict(row.status);
        for (col, text) in table::export_cells(row, lang)[skip..].iter().enumerate() {
            let format = if col + skip == 1 {
                &verdict
            } else {
                &formats.wrap
            };
            sheet.write_string_with_format(r, col as u16, fit(text, lang), format)?;
        }
    }
    sheet.autofilter(0, 0, rows.len() as u32, (headings.len() - 1) as u16)?;
    Ok(())
}

/// A sheet name Excel takes for `name`, not in `taken` (compared without
/// case, as Excel does), which it joins: the characters Excel refuses
/// (`[]:*?/\`) become `_`, no apostrophe at either end, cut to 31 UTF-16
/// units, and a name taken already gets `(2)`, `(3)`… in the room left.
fn sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cut = |room: usize| {
        let mut used = 0;
        let text: String = clean
            .chars()
            .take_while(|c| {
                used += c.len_utf16();
                used <= room
            })
            .collect();
        let text = text.trim_matches('\'').trim().to_string();
        if text.is_empty() {
            "_".to_string()
        } else {
            text
        }
    };
    let free = |candidate: &str, taken: &[String]| {
        let lower = candidate.to_lowercase();
        lower != "history" && !taken.iter().any(|t| t.to_lowercase() == lower)
    };
    let mut candidate = cut(SHEET_NAME_LIMIT);
    let mut n = 2;
    while !free(&candidate, taken) {
        let suffix = format!("({n})");
        candidate = format!("{}{suffix}", cut(SHEET_NAME_LIMIT - suffix.len()));
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// `text`, or as much of it as fits a cell followed by a note that says it
/// was cut and how long it was (the CSV export keeps the whole text).
fn fit(text: &str, lang: Lang) -> Cow<'_, str> {
    let units = text.encode_utf16().count();
    if units <= CELL_LIMIT {
        return Cow::Borrowed(text);
    }
    let chars = text.chars().count();
    let note = match lang {
        Lang::Zh => {
            format!("……〔超出 Excel 单元格上限，已截断；全文 {chars} 字，见 CSV 导出或报告〕")
        }
        Lang::En => format!(
            "… [cut at Excel's cell limit; the full text is {chars} characters, see the CSV export or the report]"
        ),
    };
    let room = CELL_LIMIT - note.encode_utf16().count();
    let mut used = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            used += c.len_utf16();
            used > room
        })
        .map_or(text.len(), |(i, _)| i);
    Cow::Owned(format!("{}{note}", &text[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_ones_excel_takes() {
        let mut taken = vec!["概况".to_string()];
        assert_eq!(sheet_name("西城区", &mut taken), "西城区");
        assert_eq!(sheet_name("西城区", &mut taken), "西城区(2)");
        assert_eq!(sheet_name("概况", &mut taken), "概况(2)");
        assert_eq!(sheet_name("a/b:c*d?[e]\\f", &mut taken), "a_b_c_d__e__f");
        assert_eq!(sheet_name("'引号'", &mut taken), "引号");
        assert_eq!(sheet_name("History", &mut taken), "History(2)");
        assert_eq!(sheet_name("", &mut taken), "_");
        let long = "北京市西城区落实全民科学素质行动规划纲要实施方案（2021—2025年）";
        let first = sheet_name(long, &mut taken);
        let second = sheet_name(long, &mut taken);
        let third = sheet_name(&"𠀀".repeat(20), &mut taken);
        for name in [&first, &second, &third] {
            assert!(name.encode_utf16().count() <= SHEET_NAME_LIMIT, "{name}");
            rust_xlsxwriter::utility::check_sheet_name(name).expect("Excel takes it");
        }
        assert_ne!(first.to_lowercase(), second.to_lowercase());
        assert!(second.ends_with("(2)"), "{second}");
        assert_eq!(third.encode_utf16().count(), 30);
    }

    #[test]
    fn a_long_cell_is_cut_with_a_note() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(fit("短", lang), "短");
            // Characters outside the basic plane take two UTF-16 units each.
            for unit in ["字", "a", "𠀀"] {
                let long = unit.repeat(40_000);
                let cut = fit(&long, lang);
                let units = cut.encode_utf16().count();
                assert!(units <= CELL_LIMIT, "{units} units");
                assert!(units > CELL_LIMIT - 2, "{units} units: cut too short");
                assert!(cut.starts_with(&unit.repeat(100)));
                assert!(cut.contains("40000"), "{}", &cut[cut.len() - 200..]);
            }
            let exact = "a".repeat(CELL_LIMIT);
            assert_eq!(fit(&exact, lang), exact);
        }
    }
}
