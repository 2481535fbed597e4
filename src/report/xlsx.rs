//! The 对照表 as an Excel workbook (`.xlsx`), for reviewers who work in a
//! spreadsheet: one sheet with every plan's owed obligations, frozen
//! headings and an autofilter. Returns the bytes; the caller writes them.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use crate::report::coverage::Coverage;
use crate::report::lang::Lang;
use crate::report::table;

/// Column widths, in characters, of 方案 | 结论 | 上位要求 | 本方案条款 | 差异 | 建议.
const WIDTHS: [f64; 6] = [14.0, 12.0, 60.0, 40.0, 50.0, 50.0];

/// The workbook as bytes.
pub fn render(coverage: &Coverage, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // Dated as of the check, not the clock, so the same run gives the same file.
    if let Ok(date) = ExcelDateTime::parse_from_str(&coverage.as_of) {
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&date));
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name("对照表")?;
    let heading = Format::new()
        .set_bold()
        .set_background_color(0xF3F4F6)
        .set_border(FormatBorder::Thin);
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    for (col, (title, width)) in table::headings(lang).iter().zip(WIDTHS).enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *title, &heading)?;
        sheet.set_column_width(col, width)?;
    }
    let rows = table::rows(coverage, lang);
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (col, text) in table::cells(row, lang).iter().enumerate() {
            sheet.write_string_with_format(r, col as u16, text, &wrap)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, 5)?;
    workbook.save_to_buffer()
}
