//! MARCXML serialiser (`<collection xmlns="http://www.loc.gov/MARC21/slim">`), streaming:
//! the header on creation, one `<record>` per call, the footer on [`MarcXmlWriter::finish`].
//! The same wrapper carries RUSMARC or MARC 21 field lists.

use std::io::{self, Write};

use super::marc::{FieldBody, MarcRecord};

pub const NAMESPACE: &str = "http://www.loc.gov/MARC21/slim";

pub struct MarcXmlWriter<W: Write> {
    out: W,
    buf: String,
}

impl<W: Write> MarcXmlWriter<W> {
    /// Writes the XML declaration and opens the collection.
    pub fn new(mut out: W) -> io::Result<MarcXmlWriter<W>> {
        write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"{NAMESPACE}\">\n"
        )?;
        Ok(MarcXmlWriter {
            out,
            buf: String::with_capacity(4096),
        })
    }

    pub fn write_record(&mut self, record: &MarcRecord) -> io::Result<()> {
        let b = &mut self.buf;
        b.clear();
        b.push_str("  <record>\n    <leader>");
        escape_into(b, &record.leader);
        b.push_str("</leader>\n");
        for field in &record.fields {
            match &field.body {
                FieldBody::Control(value) => {
                    b.push_str("    <controlfield tag=\"");
                    b.push_str(field.tag);
                    b.push_str("\">");
                    escape_into(b, value);
                    b.push_str("</controlfield>\n");
                }
                FieldBody::Data {
                    ind1,
                    ind2,
                    subfields,
                } => {
                    b.push_str("    <datafield tag=\"");
                    b.push_str(field.tag);
                    b.push_str("\" ind1=\"");
                    escape_char_into(b, *ind1);
                    b.push_str("\" ind2=\"");
                    escape_char_into(b, *ind2);
                    b.push_str("\">\n");
                    for s in subfields {
                        b.push_str("      <subfield code=\"");
                        escape_char_into(b, s.code);
                        b.push_str("\">");
                        escape_into(b, &s.value);
                        b.push_str("</subfield>\n");
                    }
                    b.push_str("    </datafield>\n");
                }
            }
        }
        b.push_str("  </record>\n");
        self.out.write_all(b.as_bytes())
    }

    /// Closes the collection and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(b"</collection>\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

fn escape_char_into(out: &mut String, c: char) {
    let mut tmp = [0u8; 4];
    escape_into(out, c.encode_utf8(&mut tmp));
}

/// XML-escapes `& < > "`; characters XML 1.0 cannot carry (C0 controls other than tab,
/// newline, carriage return) become U+FFFD.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(|c: char| matches!(c, '&' | '<' | '>' | '"') || is_bad(c)) {
        out.push_str(&rest[..i]);
        let c = rest[i..].chars().next().unwrap_or(' ');
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push('\u{FFFD}'),
        }
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
}

fn is_bad(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marc::{self, Charset, MarcField, Subfield};
    use crate::{Generator, SynthOptions};
    use bulletin::model::Dialect;
    use quick_xml::events::Event;

    #[test]
    fn escapes_the_markup_characters() {
        let mut s = String::new();
        escape_into(&mut s, "BP & SOCAR <\"TANAP\"> \u{1}ok");
        assert_eq!(s, "BP &amp; SOCAR &lt;&quot;TANAP&quot;&gt; \u{FFFD}ok");
    }

    /// Parses a collection back into (leader, [(tag, ind1, ind2, [(code, value)])]).
    type Parsed = Vec<(String, Vec<(String, String, Vec<(String, String)>)>)>;

    fn parse(xml: &[u8]) -> Parsed {
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut out: Parsed = Vec::new();
        let mut text = String::new();
        let mut buf = Vec::new();
        let attr = |e: &quick_xml::events::BytesStart, name: &str| {
            e.attributes()
                .filter_map(Result::ok)
                .find(|a| a.key.as_ref() == name)
                .map(|a| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned()
                })
                .unwrap_or_default()
        };
        loop {
            match reader.read_event_into(&mut buf).expect("well-formed XML") {
                Event::Eof => break,
                Event::Start(e) => {
                    text.clear();
                    match e.local_name().as_ref() {
                        "record" => out.push((String::new(), Vec::new())),
                        "controlfield" | "datafield" => {
                            let tag = attr(&e, "tag");
                            let ind = format!("{}{}", attr(&e, "ind1"), attr(&e, "ind2"));
                            out.last_mut().unwrap().1.push((tag, ind, Vec::new()));
                        }
                        "subfield" => {
                            let code = attr(&e, "code");
                            let field = out.last_mut().unwrap().1.last_mut().unwrap();
                            field.2.push((code, String::new()));
                        }
                        _ => {}
                    }
                }
                Event::Text(t) => text.push_str(&t.into_inner()),
                Event::GeneralRef(r) => {
                    let name = r.into_inner();
                    text.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unexpected entity {other}"),
                    });
                }
                Event::End(e) => {
                    let rec = out.last_mut();
                    match (e.local_name().as_ref(), rec) {
                        ("leader", Some(r)) => r.0 = text.clone(),
                        ("controlfield", Some(r)) => {
                            r.1.last_mut()
                                .unwrap()
                                .2
                                .push((String::new(), text.clone()))
                        }
                        ("subfield", Some(r)) => {
                            r.1.last_mut().unwrap().2.last_mut().unwrap().1 = text.clone()
                        }
                        _ => {}
                    }
                    text.clear();
                }
                _ => {}
            }
            buf.clear();
        }
        out
    }

    #[test]
    fn round_trips_through_an_xml_parser() {
        for dialect in [Dialect::Rusmarc, Dialect::Marc21] {
            let mut records: Vec<MarcRecord> =
                Generator::new(SynthOptions::years(200, 2012, 2012), 8)
                    .map(|r| marc::build(&r, dialect, Charset::Utf8))
                    .collect();
            records[0].fields.push(MarcField {
                tag: "500",
                body: FieldBody::Data {
                    ind1: ' ',
                    ind2: ' ',
                    subfields: vec![Subfield {
                        code: 'a',
                        value: "A & B <c> \"d\" 'e'".into(),
                    }],
                },
            });
            let mut w = MarcXmlWriter::new(Vec::new()).unwrap();
            for r in &records {
                w.write_record(r).unwrap();
            }
            let xml = w.finish().unwrap();
            let parsed = parse(&xml);
            assert_eq!(parsed.len(), records.len());
            for (r, (leader, fields)) in records.iter().zip(&parsed) {
                assert_eq!(&r.leader, leader);
                assert_eq!(r.fields.len(), fields.len());
                for (f, (tag, ind, subs)) in r.fields.iter().zip(fields) {
                    assert_eq!(f.tag, tag);
                    match &f.body {
                        FieldBody::Control(v) => assert_eq!(&subs[0].1, v),
                        FieldBody::Data {
                            ind1,
                            ind2,
                            subfields,
                        } => {
                            assert_eq!(&format!("{ind1}{ind2}"), ind);
                            let got: Vec<(String, String)> = subfields
                                .iter()
                                .map(|s| (s.code.to_string(), s.value.clone()))
                                .collect();
                            assert_eq!(&got, subs);
                        }
                    }
                }
            }
        }
    }
}
