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
    /// Surname → initials → (forms seen, entries as author, entries as subject).
    people: BTreeMap<String, BTreeMap<Vec<String>, Occurrences>>,
    /// Each name as records write it (surname, initials, forenames) → its place in
    /// `people`: a name is parsed into its form once, however many entries it is in.
    known: HashMap<(&'a str, &'a str, &'a str), (String, Vec<String>)>,
}

#[derive(Debug, Default)]
struct Occurrences {
    forms: BTreeSet<Form>,
    entries: BTreeSet<u32>,
    about: BTreeSet<u32>,
}

impl<'a> NameIndex<'a> {
    /// An empty index.
    pub fn new() -> NameIndex<'a> {
        NameIndex::default()
    }

    /// Notes `person` in entry `number`.
    ///
    /// # Panics
    ///
    /// Never: a name is given its place in the index when it is first seen.
    pub fn add(&mut self, person: &'a Person, number: u32) {
        let written = (
            person.surname.as_str(),
            person.initials.as_str(),
            person.forenames.as_str(),
        );
        let (surname, initials) = self.known.entry(written).or_insert_with(|| {
            let form = Form::of(person);
            let place = (person.surname.trim().to_string(), form.initials.clone());
            self.people
                .entry(place.0.clone())
                .or_default()
                .entry(place.1.clone())
                .or_default()
                .forms
                .insert(form);
            place
        });
        let slot = self
            .people
            .get_mut(surname.as_str())
            .and_then(|by_initials| by_initials.get_mut(initials.as_slice()))
            .expect("a known name has its place");
        if person.role == Role::Subject {
            slot.about.insert(number);
        } else {
            slot.entries.insert(number);
        }
    }

    /// The index: one heading per person, in collation order.
    ///
    /// # Panics
    ///
    /// Not on any input: every heading [`NameIndex::add`] creates holds a form.
    pub fn finish(self, collators: &Collators) -> Vec<NameEntry> {
        let mut out = Vec::new();
        for (_, by_initials) in self.people {
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
                let into = merged.entry(target(key)).or_default();
                into.forms.extend(occ.forms.iter().cloned());
                into.entries.extend(&occ.entries);
                into.about.extend(&occ.about);
            }
            for (_, occ) in merged {
                let fullest = occ
                    .forms
                    .iter()
                    // Among equally full forms the first in code-point order, for stability.
                    .min_by(|a, b| b.fullness().cmp(&a.fullness()).then(a.cmp(b)))
                    .expect("a heading has at least one form");
                out.push(NameEntry {
                    name: fullest.printed.clone(),
                    about: occ.about.difference(&occ.entries).copied().collect(),
                    entries: occ.entries.into_iter().collect(),
                });
            }
        }
        out.sort_by(|a, b| {
            collators
                .compare_names(&a.name, &b.name)
                .then_with(|| a.name.cmp(&b.name))
        });
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
