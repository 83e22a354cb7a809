//! Jurisdiction ports: the codes Creative Commons used in its URLs and their English names.
//!
//! The codes are the last path segment of a ported tool's URL (`by-sa/3.0/de/`); the names are the
//! ones in the tools' English titles ("Attribution-ShareAlike 3.0 Germany"), plus the everyday
//! spellings people write after a short code ("CC BY 2.0 UK").

/// `(code, English name, other names people write)`.
pub const JURISDICTIONS: &[(&str, &str, &[&str])] = &[
    ("ar", "Argentina", &[]),
    ("at", "Austria", &["Österreich"]),
    ("au", "Australia", &[]),
    ("be", "Belgium", &["Belgique", "België"]),
    ("bg", "Bulgaria", &[]),
    ("br", "Brazil", &["Brasil"]),
    ("ca", "Canada", &[]),
    (
        "ch",
        "Switzerland",
        &["Schweiz", "Suisse", "Svizzera", "CH"],
    ),
    ("cl", "Chile", &[]),
    ("cn", "China Mainland", &["China"]),
    ("co", "Colombia", &[]),
    ("cr", "Costa Rica", &[]),
    ("cz", "Czech Republic", &["Czechia"]),
    ("de", "Germany", &["Deutschland"]),
    ("dk", "Denmark", &["Danmark"]),
    ("ec", "Ecuador", &[]),
    ("ee", "Estonia", &[]),
    ("eg", "Egypt", &[]),
    ("es", "Spain", &["España", "Espanya", "Espanha"]),
    ("fi", "Finland", &["Suomi"]),
    ("fr", "France", &[]),
    ("gr", "Greece", &[]),
    ("gt", "Guatemala", &[]),
    ("hk", "Hong Kong", &[]),
    ("hr", "Croatia", &["Hrvatska"]),
    ("hu", "Hungary", &[]),
    ("ie", "Ireland", &[]),
    (
        "igo",
        "IGO",
        &[
            "Intergovernmental Organization",
            "Intergovernmental Organisation",
        ],
    ),
    ("il", "Israel", &[]),
    ("in", "India", &[]),
    ("it", "Italy", &["Italia"]),
    ("jp", "Japan", &["日本"]),
    ("kr", "South Korea", &["Korea", "대한민국"]),
    ("lu", "Luxembourg", &[]),
    ("mk", "Macedonia", &["North Macedonia"]),
    ("mt", "Malta", &[]),
    ("mx", "Mexico", &["México"]),
    ("my", "Malaysia", &[]),
    ("nl", "Netherlands", &["Nederland"]),
    ("no", "Norway", &["Norge"]),
    ("nz", "New Zealand", &[]),
    ("pe", "Peru", &["Perú"]),
    ("ph", "Philippines", &[]),
    ("pl", "Poland", &["Polska"]),
    ("pr", "Puerto Rico", &[]),
    ("pt", "Portugal", &[]),
    ("ro", "Romania", &[]),
    ("rs", "Serbia", &[]),
    ("scotland", "UK: Scotland", &["Scotland"]),
    ("se", "Sweden", &["Sverige"]),
    ("sg", "Singapore", &[]),
    ("si", "Slovenia", &[]),
    ("th", "Thailand", &[]),
    ("tw", "Taiwan", &[]),
    ("ug", "Uganda", &[]),
    (
        "uk",
        "UK: England & Wales",
        &["England & Wales", "England and Wales", "UK", "England"],
    ),
    ("us", "United States", &["US", "USA"]),
    ("ve", "Venezuela", &[]),
    ("vn", "Vietnam", &[]),
    ("za", "South Africa", &[]),
];

/// The English name of a jurisdiction code, if it is one.
pub fn name(code: &str) -> Option<&'static str> {
    JURISDICTIONS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, n, _)| *n)
}

/// The code for a name or code as people write it (case-insensitive): `Germany`, `DE`,
/// `England & Wales`.
pub fn code_for(written: &str) -> Option<&'static str> {
    JURISDICTIONS
        .iter()
        .find(|(c, n, aliases)| {
            c.eq_ignore_ascii_case(written)
                || eq_fold(n, written)
                || aliases.iter().any(|a| eq_fold(a, written))
        })
        .map(|(c, _, _)| *c)
}

fn eq_fold(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_resolve() {
        assert_eq!(code_for("Germany"), Some("de"));
        assert_eq!(code_for("DE"), Some("de"));
        assert_eq!(code_for("deutschland"), Some("de"));
        assert_eq!(code_for("England & Wales"), Some("uk"));
        assert_eq!(code_for("Narnia"), None);
        assert_eq!(name("scotland"), Some("UK: Scotland"));
    }
}
