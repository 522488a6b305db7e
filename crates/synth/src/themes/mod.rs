//! The nine bulletins as the synthetic feed knows them: class codes (`686 $a FP.1 $2
//! preslib`, and for some subtopics the BBK and GRNTI numbers national catalogues give
//! their articles), subtopic headings and article titles in Azerbaijani, Russian and
//! English, keywords, persons-as-subject, and a few titles for the other languages.

use bulletin::model::{ClassNumber, Record};

/// One subtopic: its class code, its heading (az, ru, en) and article titles.
pub struct Subtopic {
    pub code: &'static str,
    pub heading: [&'static str; 3],
    pub az: &'static [&'static str],
    pub ru: &'static [&'static str],
    pub en: &'static [&'static str],
}

/// A person articles are about (`600`), in az, ru and en forms: surname, initials, forenames.
pub type SubjectPerson = [(&'static str, &'static str, &'static str); 3];

pub const ILHAM_ALIYEV: SubjectPerson = [
    ("Əliyev", "İ.", "İlham"),
    ("Алиев", "И.", "Ильхам"),
    ("Aliyev", "I.", "Ilham"),
];
pub const HEYDAR_ALIYEV: SubjectPerson = [
    ("Əliyev", "H.", "Heydər"),
    ("Алиев", "Г.", "Гейдар"),
    ("Aliyev", "H.", "Heydar"),
];
pub const MEHRIBAN_ALIYEVA: SubjectPerson = [
    ("Əliyeva", "M.", "Mehriban"),
    ("Алиева", "М.", "Мехрибан"),
    ("Aliyeva", "M.", "Mehriban"),
];

/// One bulletin.
pub struct Bulletin {
    pub prefix: &'static str,
    /// The bulletin's subject heading (az, ru, en).
    pub heading: [&'static str; 3],
    /// Keywords (az, ru, en).
    pub keywords: [&'static [&'static str]; 3],
    /// One title each in Turkish, German, French.
    pub other: [&'static str; 3],
    pub persons: &'static [SubjectPerson],
    /// A GRNTI (rugasnti) class number for the theme.
    pub grnti: &'static str,
    pub subtopics: &'static [Subtopic],
}

mod politics;
mod society;

const fn st(
    code: &'static str,
    heading: [&'static str; 3],
    az: &'static [&'static str],
    ru: &'static [&'static str],
    en: &'static [&'static str],
) -> Subtopic {
    Subtopic {
        code,
        heading,
        az,
        ru,
        en,
    }
}

pub const BULLETINS: &[Bulletin] = &[
    politics::FP,
    politics::PA,
    society::RD,
    society::EN,
    politics::NK,
    politics::DI,
    politics::LM,
    society::CE,
    society::EC,
];

/// Pairs of codes an article may carry together (from two bulletins), with its titles.
pub const CROSS: &[([&str; 2], [&str; 3])] = &[
    (
        ["EN.3", "FP.1"],
        [
            "Enerji diplomatiyası: Avropanın Azərbaycan qazına marağı",
            "Энергетическая дипломатия: Европа и азербайджанский газ",
            "Energy diplomacy: Europe and Azerbaijani gas",
        ],
    ),
    (
        ["EN.3", "FP.3"],
        [
            "Bakı–Novorossiysk kəməri və Rusiya ilə münasibətlər",
            "Нефтепровод Баку–Новороссийск и отношения с Россией",
            "The Baku–Novorossiysk pipeline and relations with Russia",
        ],
    ),
    (
        ["NK.2", "FP.2"],
        [
            "BMT kürsüsündən Qarabağ həqiqətləri",
            "Правда о Карабахе с трибуны ООН",
            "Karabakh at the UN rostrum",
        ],
    ),
    (
        ["DI.4", "FP.4"],
        [
            "Vaşinqtonda Azərbaycan diasporunun lobbi fəaliyyəti",
            "Азербайджанская диаспора и лоббизм в Вашингтоне",
            "The diaspora lobby in Washington",
        ],
    ),
    (
        ["RD.2", "EC.2"],
        [
            "Suvarma sistemlərinin yenilənməsi və kənd təsərrüfatı",
            "Модернизация ирригации и сельское хозяйство",
            "Irrigation and agriculture",
        ],
    ),
    (
        ["EN.1", "EC.1"],
        [
            "Neft hasilatı və Xəzərin ekologiyası",
            "Нефтедобыча и экология Каспия",
            "Oil production and the Caspian environment",
        ],
    ),
    (
        ["NK.3", "RD.4"],
        [
            "Məcburi köçkünlərin məşğulluğu",
            "Занятость вынужденных переселенцев",
            "Jobs for displaced persons",
        ],
    ),
    (
        ["LM.3", "PA.3"],
        [
            "Bələdiyyə islahatı və dövlət idarəçiliyi",
            "Муниципальная реформа и госуправление",
            "Municipal reform and public administration",
        ],
    ),
];

/// Codes in the `preslib` scheme that no bulletin uses, with a title each (az, ru, en).
pub const UNUSED: &[(&str, [&str; 3])] = &[
    (
        "TR.1",
        [
            "Bakıda yeni metro stansiyası",
            "Новая станция метро в Баку",
            "New metro station opens in Baku",
        ],
    ),
    (
        "HE.2",
        [
            "Səhiyyədə yeni xidmətlər",
            "Здравоохранение: новые услуги",
            "Health care: new services",
        ],
    ),
    (
        "TU.1",
        [
            "Turizm mövsümü başlayır",
            "Туристический сезон открыт",
            "The tourist season opens",
        ],
    ),
];

/// Total number of subtopics over all bulletins.
pub fn subtopic_count() -> usize {
    BULLETINS.iter().map(|b| b.subtopics.len()).sum()
}

/// The bulletin and subtopic at a flat index `0..subtopic_count()`.
pub fn subtopic(mut index: usize) -> (&'static Bulletin, &'static Subtopic) {
    for b in BULLETINS {
        if index < b.subtopics.len() {
            return (b, &b.subtopics[index]);
        }
        index -= b.subtopics.len();
    }
    let b = &BULLETINS[0];
    (b, &b.subtopics[0])
}

/// BBK and GRNTI class numbers the articles of some subtopics carry, beside or instead of
/// the library's own code: (library code, scheme as 686/084 `$2` names it, class number).
/// `data/bulletins.toml` lists them under the same subtopics.
pub const NATIONAL: &[(&str, &str, &str)] = &[
    // Foreign policy of Azerbaijan (BBK 66.4 international relations, (5Азе) Azerbaijan).
    ("FP.6", "rubbk", "66.4(5Азе)"),
    // Economics of agriculture.
    ("RD.2", "rubbk", "65.32(5Азе)"),
    // GRNTI 44: energy.
    ("EN.4", "rugasnti", "44.37.00"),
    // Education systems.
    ("CE.2", "rubbk", "74.04(5Азе)"),
    // Libraries; GRNTI 13.31 library science.
    ("CE.4", "rubbk", "78.34(5Азе)"),
    ("CE.4", "rugasnti", "13.31.00"),
    // GRNTI 37.23: climatology.
    ("EC.4", "rugasnti", "37.23.00"),
];

/// The national class numbers of a subtopic code.
pub fn national(code: &str) -> impl Iterator<Item = ClassNumber> + '_ {
    NATIONAL
        .iter()
        .filter(move |(c, _, _)| *c == code)
        .map(|(_, scheme, code)| ClassNumber {
            scheme: (*scheme).into(),
            code: (*code).into(),
        })
}

/// The subtopic codes a record is classed under, by the library's codes or the national
/// class numbers of [`NATIONAL`], in first-seen order without repeats.
pub fn subtopic_codes(record: &Record) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::new();
    for c in &record.classes {
        let code = if c.scheme == "preslib" {
            by_code(&c.code).map(|(_, s)| s.code)
        } else {
            NATIONAL
                .iter()
                .find(|(_, scheme, code)| *scheme == c.scheme && *code == c.code)
                .map(|(s, _, _)| *s)
        };
        if let Some(code) = code.filter(|c| !codes.contains(c)) {
            codes.push(code);
        }
    }
    codes
}

/// The bulletin and subtopic of a code (`EN.3`).
pub fn by_code(code: &str) -> Option<(&'static Bulletin, &'static Subtopic)> {
    BULLETINS
        .iter()
        .find_map(|b| b.subtopics.iter().find(|s| s.code == code).map(|s| (b, s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_nine_bulletins_and_45_subtopics() {
        assert_eq!(BULLETINS.len(), 9);
        assert_eq!(subtopic_count(), 45);
        for b in BULLETINS {
            for s in b.subtopics {
                assert!(s.code.starts_with(b.prefix));
                assert!(!s.az.is_empty() && !s.ru.is_empty() && !s.en.is_empty());
            }
        }
        for (codes, _) in CROSS {
            assert!(by_code(codes[0]).is_some() && by_code(codes[1]).is_some());
        }
        for (code, _) in UNUSED {
            assert!(by_code(code).is_none());
        }
        for (code, _, _) in NATIONAL {
            assert!(by_code(code).is_some(), "{code}");
        }
    }
}
