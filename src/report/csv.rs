//! The 对照表 as CSV: UTF-8 with a byte order mark (so that Excel reads
//! the Chinese text correctly), RFC 4180 quoting, one row per plan and owed
//! obligation. Returns the bytes; the caller writes them.

use crate::coverage::Coverage;
use crate::report::lang::Lang;
use crate::report::table;

/// The table as CSV bytes.
pub fn render(coverage: &Coverage, lang: Lang) -> Result<Vec<u8>, ::csv::Error> {
    let mut buffer = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = ::csv::Writer::from_writer(&mut buffer);
        writer.write_record(table::headings(lang))?;
        for row in table::rows(coverage, lang) {
            writer.write_record(table::plain_cells(&row, lang))?;
        }
        writer.flush()?;
    }
    Ok(buffer)
}
