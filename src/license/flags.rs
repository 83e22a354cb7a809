//! The CC REL vocabulary: what a legal tool permits, requires and prohibits.
//!
//! Names are the local names of the `cc:` terms in the Creative Commons Rights Expression
//! Language (<https://creativecommons.org/ns>). They are written here once; the catalogue and
//! every report refer to [`Flag`].

use std::fmt;

/// One CC REL term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flag {
    // permits
    DerivativeWorks,
    Distribution,
    Reproduction,
    Sharing,
    // requires
    Attribution,
    Notice,
    ShareAlike,
    SourceCode,
    // prohibits
    CommercialUse,
    HighIncomeNationUse,
}

impl Flag {
    /// Every term, sorted by name (the order reports list them in).
    pub const ALL: [Flag; 10] = [
        Flag::Attribution,
        Flag::CommercialUse,
        Flag::DerivativeWorks,
        Flag::Distribution,
        Flag::HighIncomeNationUse,
        Flag::Notice,
        Flag::Reproduction,
        Flag::ShareAlike,
        Flag::Sharing,
        Flag::SourceCode,
    ];

    /// The CC REL local name, as in `cc:CommercialUse`.
    pub const fn name(self) -> &'static str {
        match self {
            Flag::DerivativeWorks => "DerivativeWorks",
            Flag::Distribution => "Distribution",
            Flag::Reproduction => "Reproduction",
            Flag::Sharing => "Sharing",
            Flag::Attribution => "Attribution",
            Flag::Notice => "Notice",
            Flag::ShareAlike => "ShareAlike",
            Flag::SourceCode => "SourceCode",
            Flag::CommercialUse => "CommercialUse",
            Flag::HighIncomeNationUse => "HighIncomeNationUse",
        }
    }

    /// What the term means for someone reusing a photo, in plain words. Permits read after
    /// "You may", requires after "You must", prohibits after "You must not".
    pub const fn plain(self) -> &'static str {
        match self {
            Flag::Reproduction => "copy it",
            Flag::Distribution => "share it with others, in any medium or format",
            Flag::Sharing => "share it non-commercially",
            Flag::DerivativeWorks => "adapt it: crop, retouch, remix, translate, build upon it",
            Flag::Notice => "keep the copyright and license notices intact",
            Flag::Attribution => "credit the author (and anyone else named for credit)",
            Flag::ShareAlike => "share adaptations under the same or a compatible license",
            Flag::SourceCode => "provide the source code of what you distribute",
            Flag::CommercialUse => "use it for commercial purposes",
            Flag::HighIncomeNationUse => {
                "use it in a high-income country as defined by the World Bank"
            }
        }
    }

    /// Parses a CC REL local name.
    pub fn from_name(name: &str) -> Option<Flag> {
        Flag::ALL.into_iter().find(|f| f.name() == name)
    }

    const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of [`Flag`]s; iterates in name order.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Flags(u16);

impl Flags {
    pub const EMPTY: Flags = Flags(0);

    pub const fn contains(self, flag: Flag) -> bool {
        self.0 & flag.bit() != 0
    }

    pub const fn with(self, flag: Flag) -> Flags {
        Flags(self.0 | flag.bit())
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Flag> {
        Flag::ALL.into_iter().filter(move |f| self.contains(*f))
    }

    /// Parses a comma-separated list of CC REL names, as in the catalogue's TSV.
    pub fn parse_list(list: &str) -> Result<Flags, String> {
        let mut flags = Flags::EMPTY;
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let flag =
                Flag::from_name(name).ok_or_else(|| format!("unknown CC REL term {name:?}"))?;
            flags = flags.with(flag);
        }
        Ok(flags)
    }
}

impl fmt::Debug for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl FromIterator<Flag> for Flags {
    fn from_iter<I: IntoIterator<Item = Flag>>(iter: I) -> Self {
        iter.into_iter().fold(Flags::EMPTY, Flags::with)
    }
}

impl serde::Serialize for Flags {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Flag::name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_all_is_sorted() {
        for f in Flag::ALL {
            assert_eq!(Flag::from_name(f.name()), Some(f));
        }
        let names: Vec<_> = Flag::ALL.iter().map(|f| f.name()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn parse_list_rejects_unknown_terms() {
        let flags = Flags::parse_list("Notice,Attribution").unwrap();
        assert_eq!(
            flags.iter().collect::<Vec<_>>(),
            [Flag::Attribution, Flag::Notice]
        );
        assert!(Flags::parse_list("Notice,Bogus").is_err());
    }
}
