//! Turning the bytes of a file into text: UTF-8 (with or without a byte
//! order mark), UTF-16 with a byte order mark, and GBK / GB18030, which
//! Windows machines in China still save by default.
//!
//! Takes bytes, does no IO, so it is tested and fuzzed on its own. The
//! result says which encoding was read, so the caller can tell the user
//! when the file was not UTF-8; anything that is none of these is refused
//! with the byte offset of the first byte that does not read.

use std::borrow::Cow;
use std::sync::Arc;

use encoding_rs::{DecoderResult, Encoding};

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::{Lang, Msg};
use crate::source::{FileId, Span};

/// The code of the note that a file was converted to UTF-8 when read.
pub const CONVERTED_ENCODING: &str = "converted-encoding";

/// The largest file read, in bytes. Real plan files are tens of
/// kilobytes; a larger file is refused before it is read, so that memory
/// stays bounded whatever is handed to planlint.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEncoding {
    Utf8,
    /// UTF-8 starting with a byte order mark, which was dropped.
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// GBK or GB18030 (GB18030 is a superset of GBK and GB2312).
    Gb18030,
}

impl SourceEncoding {
    /// How the encoding is named to users.
    pub fn name(self) -> &'static str {
        match self {
            SourceEncoding::Utf8 => "UTF-8",
            SourceEncoding::Utf8Bom => "UTF-8 with a byte order mark",
            SourceEncoding::Utf16Le => "UTF-16LE",
            SourceEncoding::Utf16Be => "UTF-16BE",
            SourceEncoding::Gb18030 => "GBK/GB18030",
        }
    }

    /// Whether a user should be told the file was converted (anything but
    /// plain UTF-8, which is what the language documents).
    pub fn is_converted(self) -> bool {
        !matches!(self, SourceEncoding::Utf8 | SourceEncoding::Utf8Bom)
    }
}

/// A decoded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Shared, as the model keeps it: the one copy of the file's bytes.
    pub text: Arc<str>,
    pub encoding: SourceEncoding,
}

/// Why the bytes of a file are not text planlint reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Malformed {
        encoding: &'static str,
        /// Byte offset, from the start of the file, of the first byte that
        /// does not read.
        offset: usize,
        /// What the bytes look like instead, when a detector could tell.
        guess: Option<&'static str>,
    },
    NulByte {
        offset: usize,
    },
}

impl DecodeError {
    /// What went wrong, as a catalogue message.
    pub fn message(&self) -> Msg {
        match *self {
            DecodeError::Malformed {
                encoding,
                offset,
                guess: None,
            } => Msg::DecodeMalformed {
                encoding: encoding.to_string(),
                offset,
            },
            DecodeError::Malformed {
                encoding,
                offset,
                guess: Some(guess),
            } => Msg::DecodeMalformedLooksLike {
                encoding: encoding.to_string(),
                offset,
                guess: guess.to_string(),
            },
            DecodeError::NulByte { offset } => Msg::DecodeNulByte { offset },
        }
    }

    /// What to do about it.
    pub fn help(&self) -> Msg {
        Msg::HelpSaveAsUtf8 {}
    }

    /// The message with what to do, as the command line shows it.
    pub fn with_help(&self) -> Msg {
        Msg::DecodeFailed {
            reason: Box::new(self.message()),
            help: Box::new(self.help()),
        }
    }
}

/// The message in English; the command line renders
/// [`DecodeError::with_help`] in the run's language.
impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl std::error::Error for DecodeError {}

/// The note telling the user that `file` was read as `encoding`, not UTF-8.
pub fn note(file: FileId, encoding: SourceEncoding) -> Diagnostic {
    Diagnostic::new(
        CONVERTED_ENCODING,
        Severity::Info,
        Msg::ConvertedEncoding {
            encoding: encoding.name().to_string(),
        },
        Label::new(
            file,
            Span::point(0),
            Msg::LabelReadAs {
                encoding: encoding.name().to_string(),
            },
        ),
    )
    .with_help(Msg::HelpSaveUtf8 {})
}

/// Decodes the bytes of a `.plan` file.
///
/// Order: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE); then
/// valid UTF-8 is UTF-8; then bytes that a detector takes for Chinese in
/// GBK and that decode as GB18030 without error are GB18030; anything else
/// is refused at the first byte that is not UTF-8. Old Mac line ends (CR
/// alone, in a file without LF) are read as line ends, as CRLF is.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_encoding(bytes).map(|(text, encoding)| Decoded {
        text: cr_line_ends(&text),
        encoding,
    })
}

/// A text whose lines end with CR alone (classic Mac OS, some exports from
/// old word processors) with LF instead; any other text as it is. Same
/// length, so byte offsets stay those of the file.
fn cr_line_ends(text: &str) -> Arc<str> {
    let has = |byte| memchr::memchr(byte, text.as_bytes()).is_some();
    if has(b'\r') && !has(b'\n') {
        text.replace('\r', "\n").into()
    } else {
        text.into()
    }
}

/// The text and its encoding; UTF-8 is borrowed from the bytes, so that
/// it is copied once, into the shared text.
fn decode_encoding(bytes: &[u8]) -> Result<(Cow<'_, str>, SourceEncoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, 3).map(|text| (text.into(), SourceEncoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return strict(encoding_rs::UTF_16LE, rest, 2)
            .map(|text| (text.into(), SourceEncoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return strict(encoding_rs::UTF_16BE, rest, 2)
            .map(|text| (text.into(), SourceEncoding::Utf16Be));
    }
    let utf8_error = match validate(bytes) {
        Ok(text) => {
            return no_nul(text, 0).map(|()| (text.into(), SourceEncoding::Utf8));
        }
        Err(e) => e.valid_up_to(),
    };
    // No legacy text encoding has NUL bytes; UTF-16 without a byte order
    // mark is full of them (its ASCII), and so are binary files. Said
    // before a guess, which would name some 8-bit encoding.
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(DecodeError::NulByte { offset });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    if guess == encoding_rs::GBK || guess == encoding_rs::GB18030 {
        let text = strict(encoding_rs::GB18030, bytes, 0)?;
        return Ok((text.into(), SourceEncoding::Gb18030));
    }
    // A guess helps when the file is in some other legacy encoding; when
    // most of its non-ASCII text is valid UTF-8, the file is damaged UTF-8
    // and a guess would mislead.
    let lossy = String::from_utf8_lossy(bytes);
    let valid = lossy
        .chars()
        .filter(|c| !c.is_ascii() && *c != char::REPLACEMENT_CHARACTER)
        .count();
    let bad = lossy
        .chars()
        .filter(|c| *c == char::REPLACEMENT_CHARACTER)
        .count();
    let looks_like_utf8 = valid > bad;
    Err(DecodeError::Malformed {
        encoding: "UTF-8",
        offset: utf8_error,
        guess: (!looks_like_utf8).then(|| guess.name()),
    })
}

fn utf8(bytes: &[u8], base: usize) -> Result<&str, DecodeError> {
    let text = validate(bytes).map_err(|e| DecodeError::Malformed {
        encoding: "UTF-8",
        offset: base + e.valid_up_to(),
        guess: None,
    })?;
    no_nul(text, base)?;
    Ok(text)
}

/// UTF-8 validation: SIMD first (`simdutf8`: std's validation was 8% of
/// the instructions of a national check), std's again only for the offset
/// of an error.
fn validate(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

fn no_nul(text: &str, base: usize) -> Result<(), DecodeError> {
    match memchr::memchr(0, text.as_bytes()) {
        Some(offset) => Err(DecodeError::NulByte {
            offset: base + offset,
        }),
        None => Ok(()),
    }
}

/// Decodes `bytes` (which start at `base` in the file) in `encoding`,
/// refusing malformed input with the offset of the first bad byte.
fn strict(encoding: &'static Encoding, bytes: &[u8], base: usize) -> Result<String, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => {
            no_nul(&text, base).map_err(|_| DecodeError::NulByte {
                // The offset of a NUL in the decoded text is not a byte
                // offset of the file; find the NUL in the bytes instead.
                offset: base + nul_offset(encoding, bytes),
            })?;
            Ok(text)
        }
        DecoderResult::Malformed(bad, unread) => Err(DecodeError::Malformed {
            encoding: encoding.name(),
            offset: base + read.saturating_sub(usize::from(bad) + usize::from(unread)),
            guess: None,
        }),
        // The buffer was sized for the worst case, so this does not happen;
        // should it, the bytes decoded so far are refused at their end.
        DecoderResult::OutputFull => Err(DecodeError::Malformed {
            encoding: encoding.name(),
            offset: base + read,
            guess: None,
        }),
    }
}

/// The byte offset of the first NUL character in `bytes` read as `encoding`.
fn nul_offset(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let unit = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        2
    } else {
        1
    };
    bytes
        .chunks(unit)
        .position(|c| c.iter().all(|&b| b == 0))
        .map_or(0, |i| i * unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_without_a_byte_order_mark_is_named() {
        let text = "document xc {\n  title \"北京市西城区\"\n}\n";
        for bytes in [
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ] {
            let err = decode(&bytes).expect_err("refused");
            assert!(matches!(err, DecodeError::NulByte { .. }), "{err}");
            assert!(err.to_string().contains("UTF-16 without a byte order mark"));
        }
        // Chinese first: the first byte that is not UTF-8 comes before
        // the first NUL, which still decides.
        let chinese = "北京 document"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>();
        assert_eq!(
            decode(&chinese).expect_err("refused"),
            DecodeError::NulByte { offset: 5 }
        );
    }

    #[test]
    fn old_mac_line_ends_are_line_ends() {
        let decoded = decode(b"document xc {\r  title \"x\"\r}\r").expect("decoded");
        assert_eq!(&*decoded.text, "document xc {\n  title \"x\"\n}\n");
        // CRLF and lone CRs inside a LF file are left alone.
        let crlf = decode(b"a\r\nb\r\n").expect("decoded");
        assert_eq!(&*crlf.text, "a\r\nb\r\n");
    }

    const PLAN: &str = "document xc {\r\n  title \"北京市西城区全民科学素质行动规划\"\r\n}\r\n";

    #[test]
    fn utf8_with_and_without_a_byte_order_mark() {
        let plain = decode(PLAN.as_bytes()).unwrap();
        assert_eq!(plain.encoding, SourceEncoding::Utf8);
        assert_eq!(&*plain.text, PLAN);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(PLAN.as_bytes());
        let with_bom = decode(&bom).unwrap();
        assert_eq!(with_bom.encoding, SourceEncoding::Utf8Bom);
        assert_eq!(&*with_bom.text, PLAN);
        assert!(!with_bom.encoding.is_converted());
    }

    #[test]
    fn utf16_with_a_byte_order_mark() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in PLAN.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(
            decode(&le).unwrap(),
            Decoded {
                text: PLAN.into(),
                encoding: SourceEncoding::Utf16Le
            }
        );
        assert_eq!(&*decode(&be).unwrap().text, PLAN);
        assert_eq!(decode(&be).unwrap().encoding, SourceEncoding::Utf16Be);
    }

    #[test]
    fn a_lone_surrogate_in_utf16_is_refused_at_its_offset() {
        // BOM, `a`, then an unpaired high surrogate, then `b`.
        let bytes = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        let err = decode(&bytes).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Malformed {
                encoding: "UTF-16LE",
                offset: 4,
                guess: None
            }
        );
    }

    #[test]
    fn gbk_is_detected_and_decoded() {
        let (bytes, _, lossy) = encoding_rs::GBK.encode(PLAN);
        assert!(!lossy);
        assert!(std::str::from_utf8(&bytes).is_err());
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, SourceEncoding::Gb18030);
        assert_eq!(&*decoded.text, PLAN);
        assert!(decoded.encoding.is_converted());
    }

    #[test]
    fn gb18030_four_byte_characters_are_decoded() {
        // `𠀀` (U+20000) exists only in GB18030's four-byte range.
        let text = format!("{PLAN}# 规划说明：𠀀\n");
        let (bytes, _, lossy) = encoding_rs::GB18030.encode(&text);
        assert!(!lossy);
        assert_eq!(&*decode(&bytes).unwrap().text, text);
    }

    #[test]
    fn other_bytes_are_refused_at_the_first_bad_byte() {
        let mut bytes = b"document xc {\n  title \"".to_vec();
        let offset = bytes.len();
        bytes.extend_from_slice(&[0xFF, 0xFF, 0x80, 0x80]);
        let err = decode(&bytes).unwrap_err();
        match &err {
            DecodeError::Malformed {
                encoding,
                offset: o,
                ..
            } => {
                assert_eq!(*encoding, "UTF-8");
                assert_eq!(*o, offset);
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(err.to_string().contains(&format!("at byte {offset}")));
    }

    #[test]
    fn invalid_utf8_after_a_bom_counts_the_bom_in_its_offset() {
        let err = decode(b"\xEF\xBB\xBFab\xFF").unwrap_err();
        assert_eq!(
            err,
            DecodeError::Malformed {
                encoding: "UTF-8",
                offset: 5,
                guess: None
            }
        );
    }

    #[test]
    fn nul_bytes_are_refused() {
        assert_eq!(
            decode(b"document\0 x").unwrap_err(),
            DecodeError::NulByte { offset: 8 }
        );
        // UTF-16LE without a byte order mark is full of NULs.
        let bytes: Vec<u8> = "document x"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(&bytes).unwrap_err(),
            DecodeError::NulByte { offset: 1 }
        );
        let bom_nul = [0xFF, 0xFE, b'a', 0, 0, 0];
        assert_eq!(
            decode(&bom_nul).unwrap_err(),
            DecodeError::NulByte { offset: 4 }
        );
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(&*decode(b"").unwrap().text, "");
    }
}
