//! The name index of a document (GOST 7.78): authors and persons as subjects in one
//! alphabet, one heading per person.
//!
//! Records write one person in several forms (`Əliyev, İ. H.`, `Əliyev, İlham`). Forms
//! of one surname merge when one's initials begin the other's (`İ.` begins `İ. H.`) and
//! that longer form is the only one they begin, so two different people sharing a
//! surname and a first initial are never merged by guesswork. A heading prints the
//! fullest form its records give: full forenames before initials, more initials before
//! fewer. A person's entries as author (or editor, translator …) are `entries`; the
//! entries about the person (subject, RUSMARC 600) that they did not also write are
//! `about`. Headings are in collation order ([`Collators::compare_names`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::marker::PhantomData;

use rustc_hash::FxHashMap;

use crate::collate::Collators;
use crate::issue::NameEntry;
use crate::model::{Person, Role};

/// One form of a name as a record writes it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Form {
    /// Initial letters (`["İ", "H"]`), from the catalogued initials or the forenames.
    initials: Vec<String>,
    /// The form as printed: `Surname, Forenames` when forenames are catalogued, else
    /// `Surname, I. O.`.
    printed: String,
    has_forenames: bool,
}

impl Form {
    fn of(person: &Person) -> Form {
        let initials: Vec<String> = person
            .initials_or_derived()
            .split(['.', ' '])
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        let forenames = person.forenames.trim();
        let surname = person.surname.trim();
        let printed = if forenames.is_empty() {
            person.inverted()
        } else {
            format!("{surname}, {forenames}")
        };
        Form {
            initials,
            printed,
            has_forenames: !forenames.is_empty(),
        }
    }

    /// How full a form is: forenames, then the number of initials, then length.
    fn fullness(&self) -> (bool, usize, usize) {
        (
            self.has_forenames,
            self.initials.len(),
            self.printed.chars().count(),
        )
    }
}

/// Collects the persons of a document's entries, then gives its name index.
#[derive(Debug, Default)]
pub struct NameIndex<'a> {
    /// Each place of the index as first seen: surname, initials and what is there.
    places: Vec<(String, Vec<String>, Occurrences)>,
    /// Surname and initials → the place in `places`.
    by_place: HashMap<(String, Vec<String>), usize>,
    /// Each name as records write it (surname, initials, forenames) → its place: a name is
    /// parsed into its form once, however many entries it is in.
    known: FxHashMap<Written, usize>,
    /// The persons noted outlive the index, so no address in `known` is reused.
    persons: PhantomData<&'a Person>,
}

/// A name as records write it, known by where its three texts are held: the readers keep
/// one copy of each distinct text, so a name written in many records is one key, hashed
/// by three addresses rather than three texts. A name whose texts are held twice has two
/// keys, which lead to the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Written(*const str, *const str, *const str);

impl Written {
    /// The name `person` is written as.
    pub(crate) fn of(person: &Person) -> Written {
        Written(
            person.surname.as_str(),
            person.initials.as_str(),
            person.forenames.as_str(),
        )
    }
}

#[derive(Debug, Default)]
struct Occurrences {
    forms: BTreeSet<Form>,
    /// Entry numbers as added (sorted and deduplicated by [`NameIndex::finish`]).
    entries: Vec<u32>,
    about: Vec<u32>,
}

impl Occurrences {
    fn merge(&mut self, other: &Occurrences) {
        self.forms.extend(other.forms.iter().cloned());
        self.entries.extend(&other.entries);
        self.about.extend(&other.about);
    }
}

/// Numbers in ascending order, each once.
fn ascending(mut numbers: Vec<u32>) -> Vec<u32> {
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

impl<'a> NameIndex<'a> {
    /// An empty index.
    pub fn new() -> NameIndex<'a> {
        NameIndex::default()
    }

    /// Notes `person` in entry `number`.
    pub fn add(&mut self, person: &'a Person, number: u32) {
        let written = Written::of(person);
        let places = &mut self.places;
        let by_place = &mut self.by_place;
        let at = *self.known.entry(written).or_insert_with(|| {
            let form = Form::of(person);
            let place = (person.surname.trim().to_string(), form.initials.clone());
            let at = *by_place
                .entry(place)
                .or_insert_with_key(|(surname, initials)| {
                    places.push((surname.clone(), initials.clone(), Occurrences::default()));
                    places.len() - 1
                });
            places[at].2.forms.insert(form);
            at
        });
        let slot = &mut self.places[at].2;
        let numbers = if person.role == Role::Subject {
            &mut slot.about
        } else {
            &mut slot.entries
        };
        if numbers.last() != Some(&number) {
            numbers.push(number);
        }
    }

    /// The index: one heading per person, in collation order.
    ///
    /// # Panics
    ///
    /// Not on any input: every heading [`NameIndex::add`] creates holds a form.
    pub fn finish(self, collators: &Collators) -> Vec<NameEntry> {
        let mut people: BTreeMap<String, BTreeMap<Vec<String>, Occurrences>> = BTreeMap::new();
        for (surname, initials, occurrences) in self.places {
            people
                .entry(surname)
                .or_default()
                .insert(initials, occurrences);
        }
        let mut out = Vec::new();
        for (_, by_initials) in people {
            let keys: Vec<&Vec<String>> = by_initials.keys().collect();
            // Each form goes to the one longest form its initials begin, if there is one.
            let target = |key: &Vec<String>| -> Vec<String> {
                let longest: Vec<&&Vec<String>> = keys
                    .iter()
                    .filter(|k| k.starts_with(key))
                    .filter(|k| !keys.iter().any(|o| o.len() > k.len() && o.starts_with(k)))
                    .collect();
                match longest.as_slice() {
                    [one] => (**one).clone(),
                    _ => key.clone(),
                }
            };
            let mut merged: BTreeMap<Vec<String>, Occurrences> = BTreeMap::new();
            for (key, occ) in &by_initials {
                merged.entry(target(key)).or_default().merge(occ);
            }
            for (_, occ) in merged {
                let fullest = occ
                    .forms
                    .iter()
                    // Among equally full forms the first in code-point order, for stability.
                    .min_by(|a, b| b.fullness().cmp(&a.fullness()).then(a.cmp(b)))
                    .expect("a heading has at least one form");
                let entries = ascending(occ.entries);
                let mut about = ascending(occ.about);
                about.retain(|n| entries.binary_search(n).is_err());
                out.push(NameEntry {
                    name: fullest.printed.clone(),
                    about,
                    entries,
                });
            }
        }
        // Each heading's key for [`Collators::compare_names`], computed once.
        out.sort_by_cached_key(|n| (collators.name_key(&n.name), n.name.clone()));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(surname: &str, initials: &str, forenames: &str, role: Role) -> Person {
        Person {
            surname: surname.into(),
            initials: initials.into(),
            forenames: forenames.into(),
            role,
            relator: None,
        }
    }

    #[test]
    fn forms_of_one_person_merge_under_the_fullest() {
        let collators = Collators::new();
        let people = [
            (person("Əliyev", "İ. H.", "", Role::Primary), 3),
            (person("Əliyev", "", "İlham", Role::Subject), 7),
            (person("Əliyev", "İ.", "", Role::Subject), 3),
            (person("Məmmədov", "Q.", "", Role::Primary), 5),
            // The same name again in another entry.
            (person("Məmmədov", "Q.", "", Role::Primary), 9),
        ];
        let mut index = NameIndex::new();
        for (p, number) in &people {
            index.add(p, *number);
        }
        let names = index.finish(&collators);
        assert_eq!(names.len(), 2, "{names:?}");
        assert_eq!(names[0].name, "Əliyev, İlham");
        assert_eq!(names[0].entries, vec![3]);
        assert_eq!(
            names[0].about,
            vec![7],
            "3 is written by him, so not 'about'"
        );
        assert_eq!(names[1].name, "Məmmədov, Q.");
        assert_eq!(names[1].entries, vec![5, 9]);
    }

    #[test]
    fn an_ambiguous_initial_is_not_merged() {
        let collators = Collators::new();
        let people = [
            person("Əliyev", "İ. H.", "", Role::Primary),
            person("Əliyev", "İ. A.", "", Role::Primary),
            person("Əliyev", "İ.", "", Role::Primary),
        ];
        let mut index = NameIndex::new();
        for (number, p) in (1..).zip(&people) {
            index.add(p, number);
        }
        let names: Vec<String> = index
            .finish(&collators)
            .into_iter()
            .map(|n| n.name)
            .collect();
        assert_eq!(names.len(), 3, "{names:?}");
    }
}
