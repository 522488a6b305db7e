//! Azerbaijani case mapping for texts set in capitals (running heads, title lines).
//!
//! Typst's `upper()` ignores the language and turns `i` into `I`, which in Azerbaijani is
//! a different letter (dotless). Capitals are therefore made in Rust with ICU's case
//! mapper under the `az` locale (`i` → `İ`, `ı` → `I`) and handed to the template ready.
//! Invariant: the mapping never changes the letters' identity, only their case.

use icu_casemap::CaseMapper;
use icu_locale_core::langid;

/// Upper-case `s` by the Azerbaijani rules (`"iş"` → `"İŞ"`, `"ıldırım"` → `"ILDIRIM"`).
pub fn upper_az(s: &str) -> String {
    CaseMapper::new()
        .uppercase_to_string(s, &langid!("az"))
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::upper_az;

    #[test]
    fn dotted_and_dotless_i() {
        assert_eq!(upper_az("iş"), "İŞ");
        assert_eq!(upper_az("ıldırım"), "ILDIRIM");
        assert_eq!(upper_az("Prezident Kitabxanası"), "PREZİDENT KİTABXANASI");
        assert_eq!(
            upper_az("mədəniyyət, çağ, göz, üz"),
            "MƏDƏNİYYƏT, ÇAĞ, GÖZ, ÜZ"
        );
    }

    #[test]
    fn idempotent_and_other_scripts() {
        assert_eq!(upper_az("İŞ"), "İŞ");
        assert_eq!(upper_az("ёлка"), "ЁЛКА");
        assert_eq!(upper_az("әғҝһҹј"), "ӘҒҜҺҸЈ");
    }
}
