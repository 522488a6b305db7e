//! ISO 2709 serialiser: 24-byte leader (record length, base address), directory of 12-byte
//! entries (tag, field length, start), fields ended by 0x1E, subfields opened by 0x1F, the
//! record ended by 0x1D. Lengths and offsets count bytes of the chosen encoding (UTF-8 or
//! CP1251). Text CP1251 cannot hold is an error, not a silent `?`.

use std::io::{self, Write};

use super::marc::{Charset, FieldBody, MarcRecord};

pub const RECORD_END: u8 = 0x1D;
pub const FIELD_END: u8 = 0x1E;
pub const SUBFIELD: u8 = 0x1F;

pub struct Iso2709Writer<W: Write> {
    out: W,
    charset: Charset,
    buf: Vec<u8>,
}

impl<W: Write> Iso2709Writer<W> {
    pub fn new(out: W, charset: Charset) -> Iso2709Writer<W> {
        Iso2709Writer {
            out,
            charset,
            buf: Vec::with_capacity(4096),
        }
    }

    pub fn charset(&self) -> Charset {
        self.charset
    }

    pub fn write_record(&mut self, record: &MarcRecord) -> io::Result<()> {
        encode_record(record, self.charset, &mut self.buf)?;
        self.out.write_all(&self.buf)
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// Appends `value` as `width` decimal digits, zero-padded (the caller checks it fits).
fn push_digits(out: &mut Vec<u8>, value: usize, width: u32) {
    let mut div = 10usize.pow(width - 1);
    for _ in 0..width {
        out.push(b'0' + ((value / div) % 10) as u8);
        div /= 10;
    }
}

/// Encodes one record into `out` (cleared first).
pub fn encode_record(record: &MarcRecord, charset: Charset, out: &mut Vec<u8>) -> io::Result<()> {
    let id = record
        .fields
        .iter()
        .find_map(|f| match (&f.body, f.tag) {
            (FieldBody::Control(v), "001") => Some(v.as_str()),
            _ => None,
        })
        .unwrap_or("?");
    if record.leader.len() != 24 || !record.leader.is_ascii() {
        return Err(invalid(format!("{id}: leader must be 24 ASCII bytes")));
    }
    let mut data: Vec<u8> = Vec::with_capacity(2048);
    let mut directory: Vec<u8> = Vec::with_capacity(record.fields.len() * 12 + 1);
    let mut text = String::with_capacity(256);
    for field in &record.fields {
        text.clear();
        match &field.body {
            FieldBody::Control(value) => text.push_str(value),
            FieldBody::Data {
                ind1,
                ind2,
                subfields,
            } => {
                text.push(*ind1);
                text.push(*ind2);
                for s in subfields {
                    text.push(SUBFIELD as char);
                    text.push(s.code);
                    text.push_str(&s.value);
                }
            }
        }
        text.push(FIELD_END as char);
        if text[..text.len() - 1]
            .bytes()
            .any(|b| b == RECORD_END || b == FIELD_END)
        {
            return Err(invalid(format!(
                "{id}: field {} holds a separator byte",
                field.tag
            )));
        }
        let start = data.len();
        match charset {
            Charset::Utf8 => data.extend_from_slice(text.as_bytes()),
            Charset::Cp1251 => {
                let (bytes, _, errors) = encoding_rs::WINDOWS_1251.encode(&text);
                if errors {
                    let bad = text
                        .chars()
                        .find(|c| encoding_rs::WINDOWS_1251.encode(&c.to_string()).2)
                        .unwrap_or('?');
                    return Err(invalid(format!(
                        "{id}: field {} has {bad:?}, which CP1251 cannot hold",
                        field.tag
                    )));
                }
                data.extend_from_slice(&bytes);
            }
        }
        let length = data.len() - start;
        if length > 9_999 || start > 99_999 || field.tag.len() != 3 {
            return Err(invalid(format!(
                "{id}: field {} does not fit ISO 2709",
                field.tag
            )));
        }
        directory.extend_from_slice(field.tag.as_bytes());
        push_digits(&mut directory, length, 4);
        push_digits(&mut directory, start, 5);
    }
    directory.push(FIELD_END);
    let base = 24 + directory.len();
    let total = base + data.len() + 1;
    if total > 99_999 {
        return Err(invalid(format!("{id}: record longer than 99999 bytes")));
    }
    out.clear();
    push_digits(out, total, 5);
    out.extend_from_slice(&record.leader.as_bytes()[5..12]);
    push_digits(out, base, 5);
    out.extend_from_slice(&record.leader.as_bytes()[17..24]);
    out.extend_from_slice(&directory);
    out.extend_from_slice(&data);
    out.push(RECORD_END);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marc;
    use crate::{Generator, LanguageMix, SynthOptions};
    use bulletin::model::Dialect;

    #[test]
    fn digits_are_zero_padded() {
        let mut v = Vec::new();
        push_digits(&mut v, 42, 5);
        push_digits(&mut v, 9_999, 4);
        assert_eq!(v, b"000429999");
    }

    fn parse_number(bytes: &[u8]) -> usize {
        std::str::from_utf8(bytes).unwrap().parse().unwrap()
    }

    /// Checks one encoded record's lengths and directory; returns its fields as text.
    fn check(rec: &[u8], charset: Charset) -> Vec<(String, String)> {
        assert_eq!(parse_number(&rec[0..5]), rec.len());
        assert_eq!(*rec.last().unwrap(), RECORD_END);
        let base = parse_number(&rec[12..17]);
        assert_eq!(rec[base - 1], FIELD_END);
        assert_eq!((base - 24 - 1) % 12, 0);
        let mut fields = Vec::new();
        let mut expected_start = 0;
        for entry in rec[24..base - 1].chunks(12) {
            let tag = std::str::from_utf8(&entry[0..3]).unwrap().to_string();
            let len = parse_number(&entry[3..7]);
            let start = parse_number(&entry[7..12]);
            assert_eq!(start, expected_start);
            expected_start += len;
            let bytes = &rec[base + start..base + start + len];
            assert_eq!(*bytes.last().unwrap(), FIELD_END);
            let text = match charset {
                Charset::Utf8 => String::from_utf8(bytes.to_vec()).unwrap(),
                Charset::Cp1251 => encoding_rs::WINDOWS_1251.decode(bytes).0.into_owned(),
            };
            fields.push((tag, text));
        }
        assert_eq!(base + expected_start + 1, rec.len());
        fields
    }

    #[test]
    fn lengths_and_directory_are_consistent() {
        for (charset, languages) in [
            (Charset::Utf8, LanguageMix::Preslib),
            (Charset::Cp1251, LanguageMix::Cp1251),
        ] {
            let mut options = SynthOptions::years(300, 2012, 2012);
            options.languages = languages;
            for dialect in [Dialect::Rusmarc, Dialect::Marc21] {
                let mut buf = Vec::new();
                for r in Generator::new(options.clone(), 21) {
                    let m = marc::build(&r, dialect, charset);
                    encode_record(&m, charset, &mut buf).unwrap();
                    let fields = check(&buf, charset);
                    assert_eq!(fields.len(), m.fields.len());
                    assert_eq!(fields[0], ("001".to_string(), format!("{}\u{1e}", r.id)));
                    let title = fields
                        .iter()
                        .find(|(t, _)| t == "200" || t == "245")
                        .unwrap();
                    assert!(title.1.contains(r.title.as_str()), "{title:?}");
                }
            }
        }
    }

    #[test]
    fn cp1251_refuses_what_it_cannot_hold() {
        let r = Generator::new(SynthOptions::years(50, 2012, 2012), 1)
            .find(|r| r.languages[0].code == "aze")
            .unwrap();
        let m = marc::build(&r, Dialect::Rusmarc, Charset::Cp1251);
        let err = encode_record(&m, Charset::Cp1251, &mut Vec::new()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(err.to_string().contains(r.id.as_str()));
    }
}
