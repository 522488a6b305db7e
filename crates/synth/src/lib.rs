//! Synthetic catalogue feeds: realistic newspaper and journal articles, as the Presidential
//! Library's IRBIS64 catalogue would export them, for the shipped sample intake, tests and
//! benchmarks. A [`Generator`] is an iterator of [`Record`]s, deterministic from a `u64`
//! seed (its own SplitMix64 generator: the same seed gives the same bytes on every
//! platform), spread over a date span in intake order, in the library's language mix (55%
//! Azerbaijani, 35% Russian, 10% other), classed into the nine bulletins' subtopics. The
//! writers turn records into the three export formats the readers take: MARCXML
//! ([`marcxml`], RUSMARC or MARC 21 tags), ISO 2709 ([`iso2709`], UTF-8 or CP1251) and
//! IRBIS plain text ([`irbis`]); the MARC ones share one field builder per dialect
//! ([`marc`]). Everything streams: [`write_feed`] holds one record at a time.

use std::fmt;
use std::io::{self, BufWriter, Write};
use std::str::FromStr;

use chrono::NaiveDate;

use bulletin::model::{Dialect, Person, Record, Role};

mod generate;
pub mod irbis;
pub mod iso2709;
pub mod marc;
pub mod marcxml;
pub mod pools;
pub mod sample;
pub mod style;
pub mod themes;

pub use generate::Generator;
pub use marc::Charset;
pub use sample::{SampleReport, write_sample};

/// One SplitMix64 step on `state`.
/// The authors with their RUSMARC/IRBIS tags: the first primary author is 700, every
/// other author 701.
pub(crate) fn author_tags(record: &Record) -> impl Iterator<Item = (&'static str, &Person)> {
    let mut primary_written = false;
    record.authors().map(move |p| {
        let tag = if p.role == Role::Primary && !primary_written {
            primary_written = true;
            "700"
        } else {
            "701"
        };
        (tag, p)
    })
}

pub(crate) fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A small deterministic pseudo-random generator (SplitMix64). Integer arithmetic only,
/// except [`Rng::unit`], whose IEEE double result is exact on every platform.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        splitmix(&mut self.state)
    }

    /// A uniform integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A uniform integer in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// A uniform double in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Which languages the generator writes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageMix {
    /// The library's 2012 intake: 55% Azerbaijani, 35% Russian, 10% other (English,
    /// Turkish, German, French).
    Preslib,
    /// Only what CP1251 can hold: Russian (88%) and English (12%), periodicals whose
    /// titles CP1251 can hold. For CP1251 exports.
    Cp1251,
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    pub records: usize,
    /// First publication day of the span.
    pub from: NaiveDate,
    /// Last publication (and cataloguing) day of the span.
    pub to: NaiveDate,
    /// Number of the first record id (`PRESLIB-2012-000001` for 1).
    pub first_id: u64,
    pub languages: LanguageMix,
    /// Share of records that are the same article catalogued again under another id.
    pub duplicate_rate: f64,
    /// Share of records with no class number or one no bulletin uses.
    pub unclassified_rate: f64,
    /// Share of records classed into two bulletins.
    pub cross_rate: f64,
}

impl SynthOptions {
    /// `records` articles published from 1 January of `year_from` to 31 December of `year_to`.
    pub fn years(records: usize, year_from: i32, year_to: i32) -> SynthOptions {
        let from = NaiveDate::from_ymd_opt(year_from, 1, 1).unwrap_or(NaiveDate::MIN);
        let to = NaiveDate::from_ymd_opt(year_to.max(year_from), 12, 31).unwrap_or(from);
        SynthOptions::span(records, from, to)
    }

    /// `records` articles published between `from` and `to` (inclusive).
    pub fn span(records: usize, from: NaiveDate, to: NaiveDate) -> SynthOptions {
        SynthOptions {
            records,
            from,
            to: to.max(from),
            first_id: 1,
            languages: LanguageMix::Preslib,
            duplicate_rate: 0.002,
            unclassified_rate: 0.03,
            cross_rate: 0.05,
        }
    }
}

impl Default for SynthOptions {
    fn default() -> SynthOptions {
        SynthOptions::years(1000, 2012, 2012)
    }
}

/// The export formats the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SynthFormat {
    /// MARCXML with RUSMARC tags (461/463 embedded fields).
    MarcXml,
    /// MARCXML with MARC 21 tags (245, 773).
    MarcXmlMarc21,
    /// ISO 2709, RUSMARC, UTF-8.
    Iso2709,
    /// ISO 2709, RUSMARC, CP1251 (Russian and English records only).
    Iso2709Cp1251,
    /// ISO 2709, MARC 21, UTF-8.
    Iso2709Marc21,
    /// IRBIS64 plain text (ASP worksheet), UTF-8 with a byte-order mark.
    Irbis,
}

impl SynthFormat {
    pub const ALL: [SynthFormat; 6] = [
        SynthFormat::MarcXml,
        SynthFormat::MarcXmlMarc21,
        SynthFormat::Iso2709,
        SynthFormat::Iso2709Cp1251,
        SynthFormat::Iso2709Marc21,
        SynthFormat::Irbis,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SynthFormat::MarcXml => "marcxml",
            SynthFormat::MarcXmlMarc21 => "marcxml-marc21",
            SynthFormat::Iso2709 => "iso2709",
            SynthFormat::Iso2709Cp1251 => "iso2709-cp1251",
            SynthFormat::Iso2709Marc21 => "iso2709-marc21",
            SynthFormat::Irbis => "irbis",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            SynthFormat::MarcXml | SynthFormat::MarcXmlMarc21 => "xml",
            SynthFormat::Iso2709 | SynthFormat::Iso2709Cp1251 => "iso",
            SynthFormat::Iso2709Marc21 => "mrc",
            SynthFormat::Irbis => "txt",
        }
    }

    pub fn dialect(self) -> Dialect {
        match self {
            SynthFormat::MarcXmlMarc21 | SynthFormat::Iso2709Marc21 => Dialect::Marc21,
            _ => Dialect::Rusmarc,
        }
    }
}

impl fmt::Display for SynthFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SynthFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<SynthFormat, String> {
        SynthFormat::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = SynthFormat::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "unknown format {s:?} (expected one of {})",
                    names.join(", ")
                )
            })
    }
}

/// A writer of one export format: header on creation, one record at a time, footer on
/// [`FeedWriter::finish`].
pub enum FeedWriter<W: Write> {
    MarcXml(marcxml::MarcXmlWriter<W>, Dialect),
    Iso2709(iso2709::Iso2709Writer<W>, Dialect),
    Irbis(irbis::IrbisWriter<W>),
}

impl<W: Write> FeedWriter<W> {
    pub fn new(format: SynthFormat, out: W) -> io::Result<FeedWriter<W>> {
        Ok(match format {
            SynthFormat::MarcXml | SynthFormat::MarcXmlMarc21 => {
                FeedWriter::MarcXml(marcxml::MarcXmlWriter::new(out)?, format.dialect())
            }
            SynthFormat::Iso2709 | SynthFormat::Iso2709Marc21 => FeedWriter::Iso2709(
                iso2709::Iso2709Writer::new(out, Charset::Utf8),
                format.dialect(),
            ),
            SynthFormat::Iso2709Cp1251 => FeedWriter::Iso2709(
                iso2709::Iso2709Writer::new(out, Charset::Cp1251),
                Dialect::Rusmarc,
            ),
            SynthFormat::Irbis => FeedWriter::Irbis(irbis::IrbisWriter::new(out, true)?),
        })
    }

    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        match self {
            FeedWriter::MarcXml(w, dialect) => {
                w.write_record(&marc::build(record, *dialect, Charset::Utf8))
            }
            FeedWriter::Iso2709(w, dialect) => {
                let fields = marc::build(record, *dialect, w.charset());
                w.write_record(&fields)
            }
            FeedWriter::Irbis(w) => w.write_record(record),
        }
    }

    /// Writes the footer and returns the underlying writer.
    pub fn finish(self) -> io::Result<W> {
        match self {
            FeedWriter::MarcXml(w, _) => w.finish(),
            FeedWriter::Iso2709(w, _) => w.finish(),
            FeedWriter::Irbis(w) => w.finish(),
        }
    }
}

/// Counts the bytes passed through.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Generates `options.records` articles from `seed` and writes them to `out` in `format`,
/// streaming (one record in memory at a time). Returns the number of bytes written.
/// [`SynthFormat::Iso2709Cp1251`] generates with [`LanguageMix::Cp1251`].
pub fn write_feed(
    format: SynthFormat,
    options: &SynthOptions,
    seed: u64,
    out: &mut dyn Write,
) -> io::Result<u64> {
    let mut options = options.clone();
    if format == SynthFormat::Iso2709Cp1251 {
        options.languages = LanguageMix::Cp1251;
    }
    let counting = Counting {
        inner: out,
        bytes: 0,
    };
    let mut writer = FeedWriter::new(format, BufWriter::with_capacity(1 << 16, counting))?;
    for record in Generator::new(options, seed) {
        writer.write(&record)?;
    }
    let buffered = writer.finish()?;
    let mut counting = buffered.into_inner().map_err(|e| e.into_error())?;
    counting.flush()?;
    Ok(counting.bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(format: SynthFormat, records: usize, seed: u64) -> Vec<u8> {
        let mut out = Vec::new();
        let n = write_feed(
            format,
            &SynthOptions::years(records, 2012, 2012),
            seed,
            &mut out,
        )
        .unwrap();
        assert_eq!(n, out.len() as u64);
        out
    }

    #[test]
    fn same_seed_same_bytes_in_every_format() {
        for format in SynthFormat::ALL {
            let a = feed(format, 300, 42);
            let b = feed(format, 300, 42);
            let c = feed(format, 300, 43);
            assert!(!a.is_empty());
            assert_eq!(a, b, "{format}");
            assert_ne!(a, c, "{format}");
        }
    }

    #[test]
    fn formats_parse_from_their_names() {
        for format in SynthFormat::ALL {
            assert_eq!(format.name().parse::<SynthFormat>(), Ok(format));
        }
        assert!("pdf".parse::<SynthFormat>().is_err());
    }

    #[test]
    fn rng_is_uniform_enough_and_stable() {
        let mut rng = Rng::new(7);
        let first = rng.next_u64();
        assert_eq!(first, Rng::new(7).next_u64());
        let mut counts = [0usize; 10];
        for _ in 0..100_000 {
            counts[rng.below(10)] += 1;
        }
        for c in counts {
            assert!((9_000..11_000).contains(&c), "{counts:?}");
        }
    }
}
