//! How cataloguers write dates, issues and pages, by language; and the per-record variant
//! hash the writers use to vary the form deterministically (the same record is always
//! written the same way).

use chrono::{Datelike, NaiveDate};

use super::pools::Lang;

// The month names the describing stage prints are the ones cataloguers write.
pub use bulletin::describe::{
    AZ_MONTHS, EN_MONTHS as EN_MONTHS_ABBR, EN_MONTHS_FULL as EN_MONTHS,
    RU_MONTHS_FULL as RU_NOMINATIVE, RU_MONTHS_GENITIVE as RU_GENITIVE_ABBR,
};

/// Russian genitive, full (`17 января`).
pub const RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A 64-bit hash of a record id and a salt: picks a writing variant deterministically.
pub fn variant(id: &str, salt: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    super::splitmix(&mut h)
}

/// The language a record's dates and labels are written in (the main language).
pub fn lang_of(code: Option<&str>) -> Lang {
    code.and_then(Lang::from_code).unwrap_or(Lang::Aze)
}

/// Day and month in the language of the periodical: `17 yanvar`, `17 янв.`, `17 января`,
/// `17 Jan.`. `full` chooses the full Russian genitive over the abbreviation.
pub fn day_month(lang: Lang, date: NaiveDate, full: bool) -> String {
    let m = date.month0() as usize;
    let d = date.day();
    match lang {
        Lang::Aze => format!("{d} {}", AZ_MONTHS[m]),
        Lang::Rus if full => format!("{d} {}", RU_GENITIVE[m]),
        Lang::Rus => format!("{d} {}", RU_GENITIVE_ABBR[m]),
        _ => format!("{d} {}", EN_MONTHS_ABBR[m]),
    }
}

/// A journal's month in the language of the periodical (`mart`, `март`, `March`).
pub fn month_name(lang: Lang, month: u32) -> &'static str {
    let m = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Aze => AZ_MONTHS[m],
        Lang::Rus => RU_NOMINATIVE[m],
        _ => EN_MONTHS[m],
    }
}

/// The page label: `S.` (Azerbaijani), `С.` (Russian), `P.` (others).
pub fn page_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Aze => "S.",
        Lang::Rus => "С.",
        _ => "P.",
    }
}

/// Pages as a cataloguer types them: the model's en dash, or a hyphen.
pub fn pages_as_typed(pages: &str, hyphen: bool) -> String {
    if hyphen {
        pages.replace('–', "-")
    } else {
        pages.to_string()
    }
}

/// The issue designation with the date or month, as written in RUSMARC 463 (embedded
/// 200 `$a`) or IRBIS 463 `^H`: `№ 14 (17 yanvar)`, `№ 5 (17 янв.)`, `17 января`,
/// `№ 3 (mart)`, `№ 14 (17.01.2012)`. `None` when there is nothing to write.
pub fn issue_text(
    lang: Lang,
    issue: Option<&str>,
    date: Option<NaiveDate>,
    month: Option<u32>,
    v: u64,
) -> Option<String> {
    let when = match (date, month) {
        (Some(d), _) if v.is_multiple_of(25) => Some(d.format("%d.%m.%Y").to_string()),
        (Some(d), _) => Some(day_month(lang, d, v.is_multiple_of(3))),
        (None, Some(m)) => Some(month_name(lang, m).to_string()),
        (None, None) => None,
    };
    match (issue, when) {
        (Some(n), Some(w)) => Some(format!("№ {n} ({w})")),
        (Some(n), None) => Some(format!("№ {n}")),
        (None, Some(w)) => Some(w),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_in_the_periodicals_language() {
        let d = NaiveDate::from_ymd_opt(2012, 1, 17).unwrap();
        assert_eq!(day_month(Lang::Aze, d, false), "17 yanvar");
        assert_eq!(day_month(Lang::Rus, d, false), "17 янв.");
        assert_eq!(day_month(Lang::Rus, d, true), "17 января");
        assert_eq!(day_month(Lang::Eng, d, true), "17 Jan.");
        assert_eq!(
            issue_text(Lang::Aze, Some("14"), Some(d), None, 1).as_deref(),
            Some("№ 14 (17 yanvar)")
        );
        assert_eq!(
            issue_text(Lang::Rus, Some("5"), Some(d), None, 25).as_deref(),
            Some("№ 5 (17.01.2012)")
        );
        assert_eq!(
            issue_text(Lang::Rus, Some("3"), None, Some(3), 1).as_deref(),
            Some("№ 3 (март)")
        );
        assert_eq!(issue_text(Lang::Eng, None, None, None, 1), None);
    }

    #[test]
    fn variants_are_stable() {
        assert_eq!(
            variant("PRESLIB-2012-000001", 1),
            variant("PRESLIB-2012-000001", 1)
        );
        assert_ne!(
            variant("PRESLIB-2012-000001", 1),
            variant("PRESLIB-2012-000001", 2)
        );
    }
}
