//! The 对照表 as CSV, one file for every plan: UTF-8 with a byte order
//! mark (without it Excel opens the file in the system's code page and
//! garbles the Chinese; other readers skip it), RFC 4180 quoting, one row
//! per plan and owed obligation, the cells of the xlsx export with the plan's
//! name in the first column (a plan's own rows before its advisory ones),
//! no markup. Returns the bytes; the caller writes them.

use crate::coverage::Coverage;
use crate::report::lang::Lang;
use crate::report::table;

/// The table as CSV bytes.
pub fn render(coverage: &Coverage, lang: Lang) -> Result<Vec<u8>, ::csv::Error> {
    let mut buffer = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = ::csv::Writer::from_writer(&mut buffer);
        writer.write_record(table::export_headings(lang))?;
        for row in table::rows(coverage, lang) {
            writer.write_record(table::export_cells(&row, lang))?;
        }
        writer.flush()?;
    }
    Ok(buffer)
}
