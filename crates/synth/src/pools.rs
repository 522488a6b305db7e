//! Word pools for the synthetic feed: personal names by language and the periodicals the
//! library receives. Titles, headings and class codes of the nine bulletins are in
//! [`super::themes`].

/// The language of an article (and of its periodical), as the generator knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Aze,
    Rus,
    Eng,
    Tur,
    Ger,
    Fre,
}

impl Lang {
    pub const ALL: [Lang; 6] = [
        Lang::Aze,
        Lang::Rus,
        Lang::Eng,
        Lang::Tur,
        Lang::Ger,
        Lang::Fre,
    ];

    /// The MARC bibliographic language code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Aze => "aze",
            Lang::Rus => "rus",
            Lang::Eng => "eng",
            Lang::Tur => "tur",
            Lang::Ger => "ger",
            Lang::Fre => "fre",
        }
    }

    /// The canonical BCP 47 language subtag.
    pub fn bcp47(self) -> &'static str {
        match self {
            Lang::Aze => "az",
            Lang::Rus => "ru",
            Lang::Eng => "en",
            Lang::Tur => "tr",
            Lang::Ger => "de",
            Lang::Fre => "fr",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Surnames and forenames of one language. Surnames are masculine; `feminine` derives the
/// feminine form where the language inflects it.
pub struct NamePool {
    pub surnames: &'static [&'static str],
    /// Surnames that do not inflect for gender (Çələbi, Smith).
    pub invariant: &'static [&'static str],
    pub male: &'static [&'static str],
    pub female: &'static [&'static str],
    /// Patronymics as (masculine, feminine) pairs; empty when the language has none.
    pub patronymics: &'static [(&'static str, &'static str)],
}

pub const AZE_NAMES: NamePool = NamePool {
    surnames: &[
        "Əliyev",
        "Məmmədov",
        "Hüseynov",
        "Qasımov",
        "Xələfov",
        "Şükürov",
        "Ağayev",
        "İsmayılov",
        "Cəfərov",
        "Eyvazov",
        "Kərimov",
        "Sadıqov",
        "Abbasov",
        "Xəlilov",
        "Quliyev",
        "Rüstəmov",
        "Nəsibov",
        "Vəliyev",
        "Bağırov",
        "Həsənov",
        "Süleymanov",
        "Novruzov",
        "Qurbanov",
        "Mustafayev",
        "Hacıyev",
        "Orucov",
        "Zeynalov",
        "Şirinov",
        "Babayev",
        "Əhmədov",
    ],
    invariant: &["Çələbi", "Şıxlı", "Sarıcalı", "Gəncəli", "Ordubadlı"],
    male: &[
        "Abuzər",
        "Ramiz",
        "Şahin",
        "İlham",
        "Xəyal",
        "Elçin",
        "Rəşad",
        "Tofiq",
        "Vüqar",
        "Əli",
        "Fuad",
        "Qəşəm",
        "Nizami",
        "Elnur",
        "Orxan",
        "Ceyhun",
        "Zaur",
        "Rövşən",
        "Ağasəlim",
        "İsmayıl",
    ],
    female: &[
        "Elmira",
        "Gülnarə",
        "Ülviyyə",
        "Qənirə",
        "Səbinə",
        "Aynur",
        "Könül",
        "Nərmin",
        "Şəlalə",
        "Xədicə",
        "Günel",
        "Zəhra",
        "İradə",
        "Rəna",
        "Ülkər",
    ],
    patronymics: &[
        ("Məmməd oğlu", "Məmməd qızı"),
        ("Əli oğlu", "Əli qızı"),
        ("Həsən oğlu", "Həsən qızı"),
        ("Qasım oğlu", "Qasım qızı"),
    ],
};

/// Azerbaijanis writing in Russian (most authors of Baku's Russian-language press).
pub const RUS_NAMES: NamePool = NamePool {
    surnames: &[
        "Алиев",
        "Мамедов",
        "Гусейнов",
        "Кулиев",
        "Рзаев",
        "Гасанов",
        "Аббасов",
        "Джафаров",
        "Исмайлов",
        "Керимов",
        "Ахмедов",
        "Велиев",
        "Багиров",
    ],
    invariant: &["Челеби", "Шихлы"],
    male: &[
        "Рамиз",
        "Эльдар",
        "Фуад",
        "Вугар",
        "Тофик",
        "Ильхам",
        "Эльчин",
        "Рауф",
    ],
    female: &["Эльмира", "Гюльнара", "Севиндж", "Айнур", "Лейла", "Нигяр"],
    patronymics: &[
        ("Гасан оглы", "Гасан кызы"),
        ("Мамед оглы", "Мамед кызы"),
        ("Алиевич", "Алиевна"),
        ("Гасанович", "Гасановна"),
    ],
};

/// Russians, with Ё where the name has it.
pub const RUS_RU_NAMES: NamePool = NamePool {
    surnames: &[
        "Ковалёв",
        "Фёдоров",
        "Щербаков",
        "Королёв",
        "Соловьёв",
        "Никитин",
        "Орлов",
        "Семёнов",
    ],
    invariant: &["Черных"],
    male: &["Игорь", "Сергей", "Алексей", "Пётр", "Фёдор", "Артём"],
    female: &["Наталья", "Ольга", "Алёна", "Елена", "Татьяна"],
    patronymics: &[
        ("Сергеевич", "Сергеевна"),
        ("Фёдорович", "Фёдоровна"),
        ("Петрович", "Петровна"),
        ("Алексеевич", "Алексеевна"),
    ],
};

pub const ENG_NAMES: NamePool = NamePool {
    surnames: &[],
    invariant: &[
        "Smith", "Johnson", "Brown", "Cornell", "Goltz", "de Waal", "O'Neill", "Wilson", "Taylor",
        "Harris", "Bryza",
    ],
    male: &[
        "Thomas", "Svante", "James", "Richard", "Michael", "Matthew", "Paul",
    ],
    female: &["Anna", "Emily", "Sarah", "Rachel", "Laura"],
    patronymics: &[],
};

pub const TUR_NAMES: NamePool = NamePool {
    surnames: &[],
    invariant: &[
        "Yılmaz", "Öztürk", "Kaya", "Demir", "Çelik", "Şahin", "Aydın", "Arslan", "Doğan",
    ],
    male: &["Mehmet", "Hasan", "Mustafa", "Ömer", "İbrahim", "Cengiz"],
    female: &["Ayşe", "Elif", "Zeynep", "Gülşen", "Şule"],
    patronymics: &[],
};

pub const GER_NAMES: NamePool = NamePool {
    surnames: &[],
    invariant: &[
        "Müller", "Schmidt", "Weber", "Halbach", "Fischer", "Schäfer", "Krüger",
    ],
    male: &["Uwe", "Jörg", "Stefan", "Matthias", "Klaus"],
    female: &["Katrin", "Sabine", "Jördis", "Ute"],
    patronymics: &[],
};

pub const FRE_NAMES: NamePool = NamePool {
    surnames: &[],
    invariant: &[
        "Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Mérieux",
    ],
    male: &["Jean-Pierre", "François", "Michel", "Stéphane", "Gérard"],
    female: &["Élodie", "Claire", "Hélène", "Sophie"],
    patronymics: &[],
};

pub fn names(lang: Lang) -> &'static NamePool {
    match lang {
        Lang::Aze => &AZE_NAMES,
        Lang::Rus => &RUS_NAMES,
        Lang::Eng => &ENG_NAMES,
        Lang::Tur => &TUR_NAMES,
        Lang::Ger => &GER_NAMES,
        Lang::Fre => &FRE_NAMES,
    }
}

/// The feminine form of a masculine surname: `Əliyev` → `Əliyeva`, `Ковалёв` → `Ковалёва`.
pub fn feminine(surname: &str) -> String {
    let cyrillic = surname
        .chars()
        .last()
        .is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    format!("{surname}{}", if cyrillic { 'а' } else { 'a' })
}

/// How often a periodical appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    /// Six issues a week.
    Daily,
    /// Two or three issues a week.
    SemiWeekly,
    Weekly,
    Monthly,
    Bimonthly,
    Quarterly,
}

impl Frequency {
    pub fn is_newspaper(self) -> bool {
        matches!(
            self,
            Frequency::Daily | Frequency::SemiWeekly | Frequency::Weekly
        )
    }
}

/// A periodical the library receives.
pub struct Periodical {
    pub title: &'static str,
    pub lang: Lang,
    pub frequency: Frequency,
    pub city: &'static str,
    /// Bulletin prefixes this periodical writes about (`""`: all).
    pub themes: &'static str,
    /// Relative weight within its language.
    pub weight: u32,
}

const fn p(
    title: &'static str,
    lang: Lang,
    frequency: Frequency,
    city: &'static str,
    themes: &'static str,
    weight: u32,
) -> Periodical {
    Periodical {
        title,
        lang,
        frequency,
        city,
        themes,
        weight,
    }
}

use Frequency::*;
use Lang::*;

/// The periodicals. Real titles; frequencies approximate.
pub const PERIODICALS: &[Periodical] = &[
    p("Azərbaycan", Aze, Daily, "Bakı", "", 14),
    p("Xalq qəzeti", Aze, Daily, "Bakı", "", 14),
    p("Respublika", Aze, Daily, "Bakı", "", 12),
    p("Səs", Aze, Daily, "Bakı", "", 10),
    p("Yeni Azərbaycan", Aze, Daily, "Bakı", "", 10),
    p("Mədəniyyət", Aze, SemiWeekly, "Bakı", "CE DI", 6),
    p("Bakı xəbər", Aze, Daily, "Bakı", "", 6),
    p("Ekspress", Aze, Daily, "Bakı", "", 5),
    p("525-ci qəzet", Aze, Daily, "Bakı", "", 6),
    p("Kaspi", Aze, Daily, "Bakı", "", 4),
    p("Dirçəliş – XXI əsr", Aze, Monthly, "Bakı", "", 3),
    p("Azərbaycan jurnalı", Aze, Monthly, "Bakı", "CE", 3),
    p("Diplomatiya aləmi", Aze, Quarterly, "Bakı", "FP NK DI", 3),
    p("Azərbaycan məktəbi", Aze, Bimonthly, "Bakı", "CE", 2),
    p(
        "Kitabxanaşünaslıq və biblioqrafiya",
        Aze,
        Quarterly,
        "Bakı",
        "CE",
        2,
    ),
    p(
        "Azərbaycan neft təsərrüfatı",
        Aze,
        Monthly,
        "Bakı",
        "EN EC",
        3,
    ),
    p("Бакинский рабочий", Rus, Daily, "Баку", "", 14),
    p("Каспий", Rus, Daily, "Баку", "", 10),
    p("Зеркало", Rus, Daily, "Баку", "", 10),
    p("Эхо", Rus, Daily, "Баку", "", 9),
    p("Новое время", Rus, Weekly, "Баку", "", 5),
    p("Region Plus", Rus, Bimonthly, "Баку", "RD PA EN", 3),
    p("IRS-Наследие", Rus, Bimonthly, "Баку", "CE DI NK", 3),
    p(
        "Азербайджанское нефтяное хозяйство",
        Rus,
        Monthly,
        "Баку",
        "EN EC",
        2,
    ),
    p("Azernews", Eng, SemiWeekly, "Baku", "", 10),
    p("AZƏRTAC", Eng, Daily, "Baku", "", 6),
    p(
        "Caucasus International",
        Eng,
        Quarterly,
        "Baku",
        "FP EN NK",
        3,
    ),
    p(
        "Visions of Azerbaijan",
        Eng,
        Bimonthly,
        "Baku",
        "CE DI EC",
        3,
    ),
    p("Avrasya Dosyası", Tur, Quarterly, "Ankara", "", 3),
    p("Yeni Türkiye", Tur, Bimonthly, "Ankara", "", 2),
    p("Osteuropa", Ger, Monthly, "Berlin", "", 3),
    p("Kaukasus-Analysen", Ger, Monthly, "Bremen", "", 2),
    p("Politique étrangère", Fre, Quarterly, "Paris", "", 3),
    p("Questions internationales", Fre, Bimonthly, "Paris", "", 2),
];

/// A synthetic ISSN for a periodical (valid check digit; not the title's real ISSN).
pub fn synthetic_issn(index: usize) -> String {
    let base = 1_560_000 + (index as u32) * 7_919 % 400_000;
    let digits: Vec<u32> = format!("{base:07}")
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| d * (8 - i as u32))
        .sum();
    let check = (11 - sum % 11) % 11;
    let check = if check == 10 {
        'X'
    } else {
        char::from_digit(check, 10).unwrap_or('0')
    };
    let s = format!("{base:07}{check}");
    format!("{}-{}", &s[..4], &s[4..])
}

/// Cataloguers' logins as IRBIS writes them in 907 ^B.
pub const CATALOGUERS: &[&str] = &[
    "HüseynovaL",
    "QasımovaN",
    "İsmayılovaR",
    "BağırovaA",
    "МамедоваС",
    "ƏliyevaK",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feminine_forms_keep_the_script() {
        assert_eq!(feminine("Əliyev"), "Əliyeva");
        assert_eq!(feminine("Ковалёв"), "Ковалёва");
        assert!(!feminine("Фёдоров").chars().any(|c| c.is_ascii()));
    }

    #[test]
    fn issn_check_digit_is_valid() {
        for i in 0..50 {
            let issn = synthetic_issn(i);
            let chars: Vec<char> = issn.chars().filter(|c| *c != '-').collect();
            assert_eq!(chars.len(), 8);
            let sum: u32 = chars
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let v = if *c == 'X' {
                        10
                    } else {
                        c.to_digit(10).unwrap()
                    };
                    v * (8 - k as u32)
                })
                .sum();
            assert_eq!(sum % 11, 0, "{issn}");
        }
    }

    #[test]
    fn every_language_has_a_newspaper_or_journal() {
        for lang in Lang::ALL {
            assert!(PERIODICALS.iter().any(|p| p.lang == lang), "{lang:?}");
        }
    }
}
