//! Creative Commons legal tools: the catalogue, their flags, and finding them in text.
//!
//! - [`catalogue()`] is the one table of every legal tool.
//! - [`scan`] finds every mention of a legal tool, and every non-CC rights statement, in a string.
//! - [`License`] is what a mention names: one tool, or a unit when no version was given.

pub mod agency;
mod catalogue;
mod flags;
pub mod jurisdiction;
mod parse;
mod statement;

use std::fmt;

pub use catalogue::{
    Catalogue, Elements, Family, LegalTool, LocalizedTitle, ToolId, Unit, UnitId, catalogue,
};
pub use flags::{Flag, Flags};
pub use parse::{Form, MAX_MENTIONS, Mention, Scan, scan};
pub use statement::{Statement, StatementKind};

/// What a mention names: a precise legal tool, or only its unit when no version was given
/// (`CC BY-SA`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum License {
    Tool(ToolId),
    Unit(UnitId),
}

impl License {
    /// Looks a license up by canonical key (`by-sa/4.0`) or unit name (`by-sa`).
    pub fn from_key(key: &str) -> Option<License> {
        let cat = catalogue();
        cat.by_key(key)
            .map(|t| License::Tool(t.id))
            .or_else(|| cat.unit_by_name(key).map(|u| License::Unit(u.id)))
    }

    /// The tool, when the version is known.
    pub fn tool(self) -> Option<&'static LegalTool> {
        match self {
            License::Tool(id) => Some(catalogue().tool(id)),
            License::Unit(_) => None,
        }
    }

    pub fn unit(self) -> &'static Unit {
        let cat = catalogue();
        match self {
            License::Tool(id) => cat.unit(cat.tool(id).unit),
            License::Unit(id) => cat.unit(id),
        }
    }

    /// The tool whose terms apply: the named one, or for a unit its newest version.
    pub fn effective_tool(self) -> &'static LegalTool {
        self.tool()
            .unwrap_or_else(|| catalogue().tool(self.unit().representative))
    }

    /// `by-nc-nd/2.0`, or the unit name (`by-sa`) when the version is unknown.
    pub fn key(self) -> &'static str {
        match self.tool() {
            Some(t) => t.key,
            None => self.unit().name,
        }
    }

    pub fn version(self) -> Option<&'static str> {
        self.tool().and_then(|t| t.version)
    }

    pub fn family(self) -> Family {
        self.unit().family
    }

    /// The official English title; for a unit, the title without version and jurisdiction
    /// (`Attribution-ShareAlike`).
    pub fn title(self) -> &'static str {
        match self.tool() {
            Some(t) => t.title,
            None => {
                let rep = self.effective_tool();
                match rep.version.and_then(|v| rep.title.find(&format!(" {v}"))) {
                    Some(i) => &rep.title[..i],
                    None => rep.title,
                }
            }
        }
    }

    /// The short code (`CC BY-NC-ND 2.0`; `CC BY-SA` for a unit).
    pub fn short_code(self) -> String {
        match self.tool() {
            Some(t) => t.short_code(),
            None => {
                let rep = self.effective_tool().short_code();
                match self
                    .effective_tool()
                    .version
                    .and_then(|v| rep.find(&format!(" {v}")))
                {
                    Some(i) => rep[..i].to_string(),
                    None => rep,
                }
            }
        }
    }

    pub fn url(self) -> Option<&'static str> {
        self.tool().map(|t| t.url)
    }

    pub fn permits(self) -> Flags {
        self.effective_tool().permits
    }
    pub fn requires(self) -> Flags {
        self.effective_tool().requires
    }
    pub fn prohibits(self) -> Flags {
        self.effective_tool().prohibits
    }
    pub fn deprecated(self) -> bool {
        self.effective_tool().deprecated
    }

    /// How much the license restricts reuse, for choosing the most restrictive of several
    /// readings: NonCommercial and the Developing Nations limit weigh most, then NoDerivs, then
    /// ShareAlike, then attribution. Public-domain tools are 0.
    pub fn restrictiveness(self) -> u8 {
        let t = self.effective_tool();
        let mut score = 0;
        if t.prohibits.contains(Flag::CommercialUse)
            || t.prohibits.contains(Flag::HighIncomeNationUse)
        {
            score += 8;
        }
        if !t.permits.contains(Flag::DerivativeWorks) {
            score += 4;
        }
        if t.requires.contains(Flag::ShareAlike) {
            score += 2;
        }
        if t.requires.contains(Flag::Attribution) {
            score += 1;
        }
        score
    }

    /// Whether two mentions can name the same tool: equal, or a unit and a tool of that unit.
    pub fn agrees_with(self, other: License) -> bool {
        self == other
            || (self.unit().id == other.unit().id
                && (self.tool().is_none() || other.tool().is_none()))
    }
}

impl fmt::Display for License {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The license object of the JSON contract.
impl serde::Serialize for License {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let tool = self.tool();
        let mut st = s.serialize_struct("License", 12)?;
        st.serialize_field("key", self.key())?;
        st.serialize_field("unit", self.unit().name)?;
        st.serialize_field("version", &self.version())?;
        st.serialize_field("jurisdiction", &tool.and_then(|t| t.jurisdiction))?;
        st.serialize_field("title", self.title())?;
        st.serialize_field("url", &self.url())?;
        st.serialize_field("permits", &self.permits())?;
        st.serialize_field("requires", &self.requires())?;
        st.serialize_field("prohibits", &self.prohibits())?;
        st.serialize_field("deprecated", &self.deprecated())?;
        st.serialize_field("short", &self.short_code())?;
        st.serialize_field("spdx", &tool.and_then(|t| t.spdx))?;
        st.end()
    }
}

/// What a text says about rights overall; the `rights` field of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rights {
    /// A Creative Commons legal tool is named (CC0 and the Public Domain Mark included).
    Cc,
    /// A public-domain statement that is not a CC tool.
    PublicDomain,
    AllRightsReserved,
    /// Another named license or terms (GFDL, Unsplash License, "courtesy of", "handout"…).
    Other,
    None,
}

impl Rights {
    pub fn as_str(self) -> &'static str {
        match self {
            Rights::Cc => "cc",
            Rights::PublicDomain => "public-domain",
            Rights::AllRightsReserved => "all-rights-reserved",
            Rights::Other => "other",
            Rights::None => "none",
        }
    }
}

impl fmt::Display for Rights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_license_serializes_without_version() {
        let l = License::from_key("by-sa").unwrap();
        let v = serde_json::to_value(l).unwrap();
        assert_eq!(v["key"], "by-sa");
        assert_eq!(v["version"], serde_json::Value::Null);
        assert_eq!(v["url"], serde_json::Value::Null);
        assert_eq!(v["title"], "Attribution-ShareAlike");
        assert_eq!(
            v["requires"],
            serde_json::json!(["Attribution", "Notice", "ShareAlike"])
        );
        assert_eq!(l.short_code(), "CC BY-SA");
    }

    #[test]
    fn tool_license_serializes_contract_fields() {
        let v = serde_json::to_value(License::from_key("by-sa/3.0/de").unwrap()).unwrap();
        assert_eq!(v["key"], "by-sa/3.0/de");
        assert_eq!(v["unit"], "by-sa");
        assert_eq!(v["version"], "3.0");
        assert_eq!(v["jurisdiction"], "de");
        assert_eq!(v["deprecated"], false);
        assert_eq!(v["spdx"], "CC-BY-SA-3.0-DE");
    }
}
