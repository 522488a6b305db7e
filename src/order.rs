//! Ordering: placed records → one numbered [`Issue`] with its name index and periodicals.
//!
//! Order inside an issue: subtopics in configuration order; inside each, language groups
//! Azerbaijani, Russian, other; inside a group, publication date ascending, ties by host
//! title, issue number, first page and heading (each compared with the collator of the
//! group's language), then record id. Titles (of entries without a heading, of host
//! periodicals, in the list of periodicals) are filed by their filing form
//! ([`crate::model::Title::filing`]): `<<Der>> Rhein` files under `Rhein`. The order is total, so the same records in any
//! input order give the same issue. Indexes ([`Arrangement::Chronological`]) put the date
//! before the language group, so a section runs in date order. Entries are numbered 1…N through the issue. Sort keys
//! (ICU sort keys) are never computed inside a comparison: a host title's once per distinct
//! title, a heading's only for entries that tie on everything before it. Descriptions are
//! written into one reused buffer.

use std::collections::BTreeMap;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use ecow::{EcoString, eco_format};

use crate::collate::{Collators, LanguageGroup};
use crate::config::Separator;
use crate::describe::{self, Apparatus};
use crate::issue::{Entry, Group, NameEntry, Periodical, Section};
use crate::model::{Person, Record, Role};
use crate::names::Written;

/// A record placed under one subtopic of one document.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    /// The record, as read.
    pub record: &'a Record,
    /// Index of the section (subtopic) in the document's order.
    pub section: usize,
    /// The language group the record is filed in (from its language, or inferred).
    pub group: LanguageGroup,
}

/// A section heading of the document being built.
#[derive(Debug, Clone)]
pub struct SectionHead {
    /// Subtopic id, or the heading key in an index; becomes [`Section::subtopic`].
    pub key: String,
    /// The heading as printed.
    pub title: String,
    /// Nesting level: 1 in a bulletin, year → month is 1 → 2 in an index.
    pub level: u8,
}

/// The body and back matter of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// Sections with entries, in heading order, entries numbered 1…N through them.
    pub sections: Vec<Section>,
    /// For each section, the index of the [`SectionHead`] it was made from.
    pub section_heads: Vec<usize>,
    /// Name index: every person of every entry, inverted, in collation order.
    pub names: Vec<NameEntry>,
    /// Periodicals used, by host title in collation order, with their entry numbers.
    pub periodicals: Vec<Periodical>,
}

/// Group headings in the language of the bulletin.
pub fn group_heading(group: LanguageGroup) -> &'static str {
    match group {
        LanguageGroup::Azerbaijani => "Azərbaycan dilində",
        LanguageGroup::Russian => "Rus dilində",
        LanguageGroup::Other => "Digər dillərdə",
    }
}

/// A placed record with the parts of its sort key that are cheap to keep for every entry;
/// the heading's sort key is computed only where the rest ties ([`sort_keyed`]).
#[derive(Debug)]
struct Keyed<'a> {
    placed: Placed<'a>,
    date: (i32, u32, u32),
    /// Rank of the host title's sort key among the document's host titles.
    host: u32,
    issue: (u64, &'a str),
    page: u64,
}

fn leading_number(text: &str) -> u64 {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or(u64::MAX)
}

/// What an entry is filed under: its heading (first of one to three authors) or the
/// filing form of its title (without leading non-filing words).
enum Filing<'a> {
    /// The heading's person, filed under the inverted name.
    Heading(&'a Person),
    /// The filing form of the title.
    Title(&'a str),
}

impl Filing<'_> {
    fn of(record: &Record) -> Filing<'_> {
        if describe::has_heading(record)
            && let Some(first) = record.authors().next()
        {
            return Filing::Heading(first);
        }
        Filing::Title(record.title.filing())
    }
}

/// The text an entry is filed under ([`Filing`]).
pub fn filing_text(record: &Record) -> String {
    match Filing::of(record) {
        Filing::Heading(person) => person.inverted(),
        Filing::Title(title) => title.to_string(),
    }
}

/// The filing form of a record's host title (empty without a host).
fn host_filing(record: &Record) -> &str {
    record.host.as_ref().map_or("", |h| h.title.filing())
}

/// The rank of each host title's sort key in a group's language: a few hundred periodicals
/// carry a quarter's many entries, so each title's key is computed once per group language
/// and entries compare ranks.
fn host_ranks<'a>(
    placed: &[Placed<'a>],
    collators: &Collators,
) -> FxHashMap<(LanguageGroup, &'a str), u32> {
    let mut keys: FxHashMap<(LanguageGroup, &'a str), Vec<u8>> = FxHashMap::default();
    for p in placed {
        let host = host_filing(p.record);
        keys.entry((p.group, host))
            .or_insert_with(|| collators.sort_key(p.group, host));
    }
    let mut sorted: Vec<&[u8]> = keys.values().map(Vec::as_slice).collect();
    sorted.sort_unstable();
    sorted.dedup();
    keys.iter()
        .map(|(&title, key)| {
            let rank = sorted.partition_point(|k| *k < key.as_slice());
            (title, u32::try_from(rank).unwrap_or(u32::MAX))
        })
        .collect()
}

fn keyed<'a>(placed: Placed<'a>, hosts: &FxHashMap<(LanguageGroup, &'a str), u32>) -> Keyed<'a> {
    let r = placed.record;
    let p = &r.published;
    let date = match p.date {
        Some(d) => {
            use chrono::Datelike;
            (d.year(), d.month(), d.day())
        }
        None => (p.year().unwrap_or(i32::MAX), p.month.unwrap_or(13), 0),
    };
    let issue = r.issue.as_deref().unwrap_or("");
    Keyed {
        placed,
        date,
        host: hosts
            .get(&(placed.group, host_filing(r)))
            .copied()
            .unwrap_or(u32::MAX),
        issue: (leading_number(issue), issue),
        page: r.pages.as_deref().map_or(u64::MAX, leading_number),
    }
}

/// How entries are arranged inside a section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Arrangement {
    /// Bulletins: language groups (Azerbaijani, Russian, other), each headed and
    /// chronological inside.
    #[default]
    Grouped,
    /// Indexes: chronological through the section, within a day by language group; a group
    /// is a run of entries of one language and has no heading.
    Chronological,
}

/// Orders placed records into numbered sections with the name index and periodicals.
/// Sections without entries and empty groups are left out.
pub fn build_body(
    heads: &[SectionHead],
    placed: Vec<Placed<'_>>,
    collators: &Collators,
    separator: Separator,
) -> Body {
    arrange(heads, placed, collators, separator, Arrangement::Grouped)
}

/// The order of entries in a body: by section, then by language group and date (grouped)
/// or date and language group (chronological), then host, issue, first page, heading and
/// record id. The heading's sort key is computed only for entries that tie on everything
/// before it.
fn sort_keyed(keyed: &mut [Keyed<'_>], collators: &Collators, arrangement: Arrangement) {
    let before_heading =
        |a: &Keyed<'_>, b: &Keyed<'_>| {
            let order =
                match arrangement {
                    Arrangement::Grouped => (a.placed.section, a.placed.group, a.date).cmp(&(
                        b.placed.section,
                        b.placed.group,
                        b.date,
                    )),
                    Arrangement::Chronological => (a.placed.section, a.date, a.placed.group)
                        .cmp(&(b.placed.section, b.date, b.placed.group)),
                };
            order
                .then_with(|| a.host.cmp(&b.host))
                .then_with(|| a.issue.cmp(&b.issue))
                .then_with(|| a.page.cmp(&b.page))
        };
    keyed.sort_by(before_heading);
    // A heading's key once per written name and group: an author's entries often tie.
    let mut headings: FxHashMap<(LanguageGroup, Written), Rc<[u8]>> = FxHashMap::default();
    for tied in keyed.chunk_by_mut(|a, b| before_heading(a, b).is_eq()) {
        if tied.len() > 1 {
            // Each key once per entry (a stable sort): heading, then record id.
            tied.sort_by_cached_key(|k| {
                let (record, group) = (k.placed.record, k.placed.group);
                let filing = match Filing::of(record) {
                    Filing::Heading(person) => {
                        Rc::clone(headings.entry((group, Written::of(person))).or_insert_with(
                            || collators.sort_key(group, &person.inverted()).into(),
                        ))
                    }
                    Filing::Title(title) => collators.sort_key(group, title).into(),
                };
                (filing, record.id.clone())
            });
        }
    }
}

/// [`build_body`] with a choice of [`Arrangement`].
pub fn arrange(
    heads: &[SectionHead],
    placed: Vec<Placed<'_>>,
    collators: &Collators,
    separator: Separator,
    arrangement: Arrangement,
) -> Body {
    let hosts = host_ranks(&placed, collators);
    let mut keyed: Vec<Keyed> = placed.into_iter().map(|p| keyed(p, &hosts)).collect();
    drop(hosts);
    sort_keyed(&mut keyed, collators, arrangement);
    let mut sections: Vec<Section> = Vec::new();
    let mut section_heads: Vec<usize> = Vec::new();
    let mut names = crate::names::NameIndex::new();
    // Each periodical's printed title, with its filing form and its entries.
    let mut periodicals: BTreeMap<&str, (&str, Vec<u32>)> = BTreeMap::new();
    let mut number: u32 = 0;
    let mut describer = describe::Describer::new();
    for in_section in keyed.chunk_by(|a, b| a.placed.section == b.placed.section) {
        let head_index = in_section[0].placed.section;
        let head = &heads[head_index];
        let mut groups = Vec::new();
        for in_group in in_section.chunk_by(|a, b| a.placed.group == b.placed.group) {
            let group = in_group[0].placed.group;
            let mut entries = Vec::with_capacity(in_group.len());
            for k in in_group {
                number += 1;
                let record = k.placed.record;
                entries.push(entry(&mut describer, record, group, number, separator));
                for person in &record.persons {
                    if matches!(
                        person.role,
                        Role::Primary | Role::Coauthor | Role::Secondary | Role::Subject
                    ) {
                        names.add(person, number);
                    }
                }
                if let Some(host) = &record.host {
                    periodicals
                        .entry(host.title.as_str())
                        .or_insert_with(|| (host.title.filing(), Vec::new()))
                        .1
                        .push(number);
                }
            }
            groups.push(Group {
                language: group,
                heading: match arrangement {
                    Arrangement::Grouped => group_heading(group).into(),
                    Arrangement::Chronological => String::new(),
                },
                entries,
            });
        }
        section_heads.push(head_index);
        sections.push(Section {
            subtopic: head.key.clone(),
            title: head.title.clone(),
            level: head.level,
            groups,
            see_also: Vec::new(),
        });
    }
    let names = names.finish(collators);
    let mut periodicals: Vec<(&str, Periodical)> = periodicals
        .into_iter()
        .map(|(title, (filing, numbers))| {
            let periodical = Periodical {
                title: title.to_string(),
                entries: numbers.len(),
                numbers,
            };
            (filing, periodical)
        })
        .collect();
    // Filed by the filing form of the title; the printed titles break ties.
    periodicals.sort_by(|(fa, a), (fb, b)| {
        collators
            .compare_names(fa, fb)
            .then_with(|| collators.compare_names(&a.title, &b.title))
    });
    let periodicals = periodicals.into_iter().map(|(_, p)| p).collect();
    Body {
        sections,
        section_heads,
        names,
        periodicals,
    }
}

/// The numbered entry of one record in a group: its description in the group's apparatus,
/// the language it is catalogued in and the tag it is typeset in.
fn entry(
    describer: &mut describe::Describer,
    record: &Record,
    group: LanguageGroup,
    number: u32,
    separator: Separator,
) -> Entry {
    let description = describer.describe(record, Apparatus::of_record(record, group), separator);
    let language = record
        .main_language()
        .map_or_else(|| group.key().into(), |l| l.code.as_ref().into());
    let lang = record
        .main_language()
        .and_then(|l| l.primary())
        .map_or(
            match group {
                LanguageGroup::Azerbaijani => "az",
                LanguageGroup::Russian => "ru",
                LanguageGroup::Other => "en",
            },
            |primary| primary,
        )
        .into();
    let date = match record.published.date {
        Some(d) => eco_format!("{d}"),
        None => match (record.published.year(), record.published.month) {
            (Some(y), Some(m)) => eco_format!("{y}-{m:02}"),
            (Some(y), None) => eco_format!("{y}"),
            _ => EcoString::new(),
        },
    };
    Entry {
        number,
        record: record.id.clone(),
        date,
        language,
        lang,
        description,
        annotation: record.supplement().annotation.as_deref().map(Box::from),
        issn: record
            .host
            .as_ref()
            .and_then(|h| h.issn.as_deref())
            .map(EcoString::from),
    }
}

/// Adds cross-references to a bulletin's body: `refs` holds, for each record described
/// under one subtopic that also belongs to others, its entry's record id and the other
/// subtopics (indexes into `heads`). Each of those sections gets the entry's number in its
/// `see_also`; a subtopic with no entries of its own gets a section with only its
/// references, in its configured place.
pub fn add_see_also(body: &mut Body, heads: &[SectionHead], refs: &[(&str, Vec<usize>)]) {
    if refs.is_empty() {
        return;
    }
    let numbers: std::collections::HashMap<&str, u32> = body
        .sections
        .iter()
        .flat_map(|s| s.groups.iter().flat_map(|g| g.entries.iter()))
        .map(|e| (e.record.as_str(), e.number))
        .collect();
    let mut wanted: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for (record, others) in refs {
        let Some(&number) = numbers.get(record) else {
            continue;
        };
        for &head in others {
            wanted.entry(head).or_default().push(number);
        }
    }
    for (head, mut list) in wanted {
        list.sort_unstable();
        list.dedup();
        let at = body.section_heads.partition_point(|&h| h < head);
        if body.section_heads.get(at) != Some(&head) {
            let h = &heads[head];
            body.section_heads.insert(at, head);
            body.sections.insert(
                at,
                Section {
                    subtopic: h.key.clone(),
                    title: h.title.clone(),
                    level: h.level,
                    groups: Vec::new(),
                    see_also: Vec::new(),
                },
            );
        }
        body.sections[at].see_also = list;
    }
}
