//! The 对照表 as an Excel workbook (`.xlsx`), for reviewers who work in a
//! spreadsheet: a summary sheet with each plan's verdict, then one sheet
//! with every plan's owed obligations (a plan's own rows before its
//! advisory ones), frozen headings, an autofilter, verdicts coloured, and
//! printed on A4 landscape with the heading row on every page. Returns the
//! bytes; the caller writes them.

use std::borrow::Cow;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use crate::coverage::{Coverage, Status};
use crate::report::lang::Lang;
use crate::report::table;

/// Column widths, in characters, of 方案 | 结论 | 上位要求 | 本方案条款 | 差异 | 建议.
const WIDTHS: [f64; 6] = [14.0, 12.0, 60.0, 40.0, 50.0, 50.0];

/// Excel's paper size code for A4.
const A4: u8 = 9;

/// The background of a verdict cell: the report's colours (colour-blind
/// safe, and each verdict also says its name).
fn colour(status: Status) -> u32 {
    match status {
        Status::Implemented => 0xD1F2E6,
        Status::Partial => 0xFCEBC4,
        Status::Exempted => 0xD6E7F5,
        Status::Omitted => 0xF9D9C7,
        Status::Undercut => 0xF3DCEA,
        Status::NotApplicable | Status::NotOwed => 0xF3F4F6,
    }
}

/// The most a cell of Excel holds, in UTF-16 code units.
const CELL_LIMIT: usize = 32_767;

/// The workbook as bytes.
pub fn render(coverage: &Coverage, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // Dated as of the check, not the clock, so the same run gives the same file.
    if let Ok(date) = ExcelDateTime::parse_from_str(&coverage.as_of) {
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&date));
    }
    let heading = Format::new()
        .set_bold()
        .set_background_color(0xF3F4F6)
        .set_border(FormatBorder::Thin);
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let words = lang.words();
    let summary = workbook.add_worksheet();
    summary.set_name(words.summary)?;
    summary.set_landscape().set_paper_size(A4);
    for (col, (title, width)) in [words.plan, words.jurisdiction, words.verdict]
        .into_iter()
        .zip([14.0, 12.0, 120.0])
        .enumerate()
    {
        summary.write_string_with_format(0, col as u16, title, &heading)?;
        summary.set_column_width(col as u16, width)?;
    }
    for (i, p) in coverage.plans.iter().enumerate() {
        let r = i as u32 + 1;
        let mut verdict = p.verdict().render(lang);
        if let Some(advisory) = p.advisory_verdict() {
            verdict.push('\n');
            verdict.push_str(&advisory.render(lang));
        }
        summary.write_string_with_format(r, 0, &p.id, &wrap)?;
        summary.write_string_with_format(r, 1, p.jurisdiction.as_deref().unwrap_or(""), &wrap)?;
        summary.write_string_with_format(r, 2, fit(&verdict, lang), &wrap)?;
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name("对照表")?;
    sheet
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    for (col, (title, width)) in table::headings(lang).iter().zip(WIDTHS).enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *title, &heading)?;
        sheet.set_column_width(col, width)?;
    }
    let rows = table::rows(coverage, lang);
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (col, text) in table::plain_cells(row, lang).iter().enumerate() {
            let format = if col == 1 {
                &wrap.clone().set_background_color(colour(row.status))
            } else {
                &wrap
            };
            sheet.write_string_with_format(r, col as u16, fit(text, lang), format)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, 5)?;
    workbook.save_to_buffer()
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
