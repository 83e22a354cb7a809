//! The catalogue: every legal tool Creative Commons has published, and the one place where
//! anything about a license is written.
//!
//! The facts come from `data/` (see `data/README.md` for their provenance). They are compiled
//! into the binary with `include_str!` and parsed once, at first use, into tables that answer a
//! lookup by key, SPDX id, unit or (elements, version, jurisdiction) in O(1).

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use super::flags::{Flag, Flags};
use super::jurisdiction;

const TOOLS_TSV: &str = include_str!("../../data/cc_legal_tools.tsv");
const SPDX_TSV: &str = include_str!("../../data/spdx_cc_map.tsv");
const LOCALIZED_TSV: &str = include_str!("../../data/cc_titles_localized.tsv");

/// Index of a legal tool in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ToolId(u16);

impl ToolId {
    /// The position of the tool in [`Catalogue::tools`], for tables indexed by tool.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Index of a unit (`by-sa`, `zero`, …) in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(u16);

impl UnitId {
    /// The position of the unit in [`Catalogue::units`], for tables indexed by unit.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The license elements of the BY/NC/ND/SA family, as a small bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Elements(u8);

impl Elements {
    pub const BY: Elements = Elements(1);
    pub const NC: Elements = Elements(2);
    pub const ND: Elements = Elements(4);
    pub const SA: Elements = Elements(8);

    pub const fn union(self, other: Elements) -> Elements {
        Elements(self.0 | other.0)
    }
    pub const fn contains(self, other: Elements) -> bool {
        self.0 & other.0 == other.0
    }
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// Parses one element code (`by`, `NC`, …).
    pub fn from_code(code: &str) -> Option<Elements> {
        // Compared in place: the code parser calls this for every "by" in a credit line, and a
        // lower-cased copy would be an allocation each time.
        [
            ("by", Elements::BY),
            ("nc", Elements::NC),
            ("nd", Elements::ND),
            ("sa", Elements::SA),
        ]
        .into_iter()
        .find_map(|(name, e)| code.eq_ignore_ascii_case(name).then_some(e))
    }
    /// Parses a unit name made of elements (`by-nc-nd`, `nd-nc`); `None` for `zero`, `mark`, ….
    pub fn from_unit(unit: &str) -> Option<Elements> {
        unit.split('-')
            .try_fold(Elements::default(), |acc, code| {
                let e = Elements::from_code(code)?;
                (!acc.contains(e)).then_some(acc.union(e))
            })
            .filter(|e| !e.is_empty())
    }
}

/// What kind of legal tool this is; the assessment rules depend on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// A license built from BY/NC/ND/SA elements (including the 1.0 tools without BY).
    Elements(Elements),
    /// CC0 1.0 Universal.
    Zero,
    /// The Public Domain Mark 1.0.
    Mark,
    /// The retired Public Domain Dedication and Certification.
    PublicDomainDedication,
    /// Sampling, Sampling Plus, NonCommercial Sampling Plus.
    Sampling,
    /// The Developing Nations license.
    DevelopingNations,
    /// Creative Commons' wrappers of software licenses (CC-GPL, CC-LGPL, BSD, MIT).
    SoftwareWrapper,
}

/// One legal tool.
#[derive(Debug)]
pub struct LegalTool {
    pub id: ToolId,
    /// Canonical key: the creativecommons.org URL path after `/licenses/` or `/publicdomain/`,
    /// without slashes at the ends: `by-nc-nd/2.0`, `by-sa/3.0/de`, `zero/1.0`.
    pub key: &'static str,
    pub unit: UnitId,
    pub version: Option<&'static str>,
    pub jurisdiction: Option<&'static str>,
    /// Official English title.
    pub title: &'static str,
    /// Canonical URL (https, trailing slash).
    pub url: &'static str,
    pub permits: Flags,
    pub requires: Flags,
    pub prohibits: Flags,
    pub deprecated: bool,
    pub spdx: Option<&'static str>,
    pub family: Family,
}

/// A unit: the family of tools that share a name across versions and ports (`by-sa`).
#[derive(Debug)]
pub struct Unit {
    pub id: UnitId,
    pub name: &'static str,
    pub family: Family,
    /// The tool whose flags stand for the unit when a mention names no version: the newest
    /// version, unported where one exists.
    pub representative: ToolId,
    /// Every version of the unit, oldest first, ported or not.
    pub versions: Vec<&'static str>,
}

/// One localized official title.
#[derive(Debug)]
pub struct LocalizedTitle {
    pub tool: ToolId,
    pub title: &'static str,
    /// Comma-separated language tags that use this title.
    pub langs: &'static str,
}

/// The whole catalogue. Get it with [`catalogue()`].
#[derive(Debug)]
pub struct Catalogue {
    tools: Vec<LegalTool>,
    units: Vec<Unit>,
    by_key: HashMap<&'static str, ToolId>,
    by_unit: HashMap<&'static str, UnitId>,
    by_spdx: HashMap<String, ToolId>,
    by_parts: HashMap<(Elements, &'static str, &'static str), ToolId>,
    /// Parsed the first time it is asked for: most runs never need the 34,000 titles.
    localized: OnceLock<Vec<LocalizedTitle>>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    // The data is compiled in and checked by the tests below; a failure here is a build defect,
    // not something input can cause.
    Catalogue::parse(TOOLS_TSV, SPDX_TSV)
        .unwrap_or_else(|e| panic!("compiled-in catalogue is malformed: {e}"))
});

/// The catalogue, parsed on first use.
pub fn catalogue() -> &'static Catalogue {
    &CATALOGUE
}

fn family_of(unit: &str) -> Result<Family, String> {
    Ok(match unit {
        "zero" => Family::Zero,
        "mark" => Family::Mark,
        "publicdomain" => Family::PublicDomainDedication,
        "sampling" | "sampling+" | "nc-sampling+" => Family::Sampling,
        "devnations" => Family::DevelopingNations,
        "GPL" | "LGPL" | "BSD" | "MIT" => Family::SoftwareWrapper,
        other => Family::Elements(
            Elements::from_unit(other).ok_or_else(|| format!("unknown unit {other:?}"))?,
        ),
    })
}

fn version_rank(v: Option<&str>) -> u32 {
    v.and_then(|v| {
        let (a, b) = v.split_once('.')?;
        Some(a.parse::<u32>().ok()? * 10 + b.parse::<u32>().ok()?)
    })
    .unwrap_or(0)
}

impl Catalogue {
    fn parse(tools_tsv: &'static str, spdx_tsv: &'static str) -> Result<Catalogue, String> {
        let mut cat = Catalogue {
            tools: Vec::new(),
            units: Vec::new(),
            by_key: HashMap::new(),
            by_unit: HashMap::new(),
            by_spdx: HashMap::new(),
            by_parts: HashMap::new(),
            localized: OnceLock::new(),
        };
        for (n, line) in tools_tsv.lines().enumerate().skip(1) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let [
                key,
                url,
                title,
                version,
                jurisdiction,
                permits,
                requires,
                prohibits,
                deprecated,
            ] = f[..]
            else {
                return Err(format!("cc_legal_tools.tsv line {}: want 9 fields", n + 1));
            };
            let unit_name = key.split('/').next().unwrap_or(key);
            let family = family_of(unit_name)?;
            let unit = match cat.by_unit.get(unit_name) {
                Some(&u) => u,
                None => {
                    let u = UnitId(cat.units.len() as u16);
                    cat.units.push(Unit {
                        id: u,
                        name: unit_name,
                        family,
                        representative: ToolId(cat.tools.len() as u16),
                        versions: Vec::new(),
                    });
                    cat.by_unit.insert(unit_name, u);
                    u
                }
            };
            let id = ToolId(cat.tools.len() as u16);
            let opt = |s: &'static str| (!s.is_empty()).then_some(s);
            let tool = LegalTool {
                id,
                key,
                unit,
                version: opt(version),
                jurisdiction: opt(jurisdiction),
                title,
                url,
                permits: Flags::parse_list(permits)?,
                requires: Flags::parse_list(requires)?,
                prohibits: Flags::parse_list(prohibits)?,
                deprecated: match deprecated {
                    "yes" => true,
                    "no" => false,
                    d => return Err(format!("{key}: deprecated is {d:?}")),
                },
                spdx: None,
                family,
            };
            if cat.by_key.insert(key, id).is_some() {
                return Err(format!("duplicate key {key}"));
            }
            cat.tools.push(tool);
            if let Family::Elements(e) = family {
                // `by-nc-nd/2.0/jp` and `by-nd-nc/2.0/jp` both exist; the RDF titles the first
                // "… 2.0 Generic", so the one whose title names the port stands for the parts.
                let slot = cat.by_parts.entry((e, version, jurisdiction)).or_insert(id);
                if !jurisdiction.is_empty() && cat.tools[slot.0 as usize].title.ends_with("Generic")
                {
                    *slot = id;
                }
            }
        }
        // Units: representative = newest version, unported preferred; versions list.
        for u in &mut cat.units {
            let members: Vec<&LegalTool> = cat.tools.iter().filter(|t| t.unit == u.id).collect();
            let best = members
                .iter()
                .max_by_key(|t| (t.jurisdiction.is_none(), version_rank(t.version)))
                .map(|t| t.id);
            if let Some(best) = best {
                u.representative = best;
            }
            let mut versions: Vec<&'static str> =
                members.iter().filter_map(|t| t.version).collect();
            versions.sort_by_key(|v| version_rank(Some(v)));
            versions.dedup();
            u.versions = versions;
        }
        for (n, line) in spdx_tsv.lines().enumerate().skip(1) {
            let (spdx, key) = line
                .split_once('\t')
                .ok_or_else(|| format!("spdx_cc_map.tsv line {}: want 2 fields", n + 1))?;
            let id = *cat
                .by_key
                .get(key)
                .ok_or_else(|| format!("spdx_cc_map.tsv: unknown key {key}"))?;
            cat.tools[id.0 as usize].spdx = Some(spdx);
            cat.by_spdx.insert(spdx.to_ascii_lowercase(), id);
        }
        Ok(cat)
    }

    /// Every legal tool, in catalogue order.
    pub fn tools(&self) -> &[LegalTool] {
        &self.tools
    }

    /// Every unit.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// Every localized title.
    pub fn localized_titles(&self) -> &[LocalizedTitle] {
        self.localized.get_or_init(|| {
            // Compiled-in data, checked by the tests below: a failure is a build defect.
            self.parse_localized(LOCALIZED_TSV)
                .unwrap_or_else(|e| panic!("compiled-in catalogue is malformed: {e}"))
        })
    }

    fn parse_localized(&self, tsv: &'static str) -> Result<Vec<LocalizedTitle>, String> {
        let mut out = Vec::with_capacity(tsv.len() / 64);
        for (n, line) in tsv.lines().enumerate().skip(1) {
            let mut f = line.split('\t');
            let (Some(key), Some(title), Some(langs)) = (f.next(), f.next(), f.next()) else {
                return Err(format!(
                    "cc_titles_localized.tsv line {}: want 3 fields",
                    n + 1
                ));
            };
            let tool = *self
                .by_key
                .get(key)
                .ok_or_else(|| format!("cc_titles_localized.tsv: unknown key {key}"))?;
            out.push(LocalizedTitle { tool, title, langs });
        }
        Ok(out)
    }

    pub fn tool(&self, id: ToolId) -> &LegalTool {
        &self.tools[id.0 as usize]
    }

    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id.0 as usize]
    }

    /// Looks a tool up by its canonical key (`by-nc-nd/2.0`, `zero/1.0`), exactly.
    pub fn by_key(&self, key: &str) -> Option<&LegalTool> {
        self.by_key.get(key).map(|&id| self.tool(id))
    }

    /// Looks a unit up by name (`by-sa`, `zero`), exactly.
    pub fn unit_by_name(&self, name: &str) -> Option<&Unit> {
        self.by_unit.get(name).map(|&id| self.unit(id))
    }

    /// Looks a tool up by SPDX id, case-insensitively (`CC-BY-SA-3.0-DE`, `cc0-1.0`).
    pub fn by_spdx(&self, spdx: &str) -> Option<&LegalTool> {
        self.by_spdx
            .get(&spdx.to_ascii_lowercase())
            .map(|&id| self.tool(id))
    }

    /// The tool of the BY/NC/ND/SA family with these elements, version and jurisdiction (`""`
    /// for none), whatever order its key spells the elements in.
    pub fn by_parts(
        &self,
        elements: Elements,
        version: &str,
        jurisdiction: &str,
    ) -> Option<&LegalTool> {
        self.by_parts
            .get(&(elements, version, jurisdiction))
            .map(|&id| self.tool(id))
    }

    /// The unit of the BY/NC/ND/SA family with these elements.
    pub fn unit_by_elements(&self, elements: Elements) -> Option<&Unit> {
        self.units
            .iter()
            .find(|u| u.family == Family::Elements(elements))
    }

    /// The tool Creative Commons points users to instead of a retired one, or the newest version
    /// of the same unit for an older one; `None` when the tool is current or has no successor.
    pub fn successor(&self, tool: &LegalTool) -> Option<&LegalTool> {
        let newest = |unit: &Unit| Some(self.tool(unit.representative));
        let candidate = match tool.family {
            // The Public Domain Dedication and Certification was retired in favour of CC0.
            Family::PublicDomainDedication => self.by_key("zero/1.0"),
            // The 1.0 tools without BY were retired in 2004 when attribution became standard in
            // every license; their nearest current tool adds BY.
            Family::Elements(e) if !e.contains(Elements::BY) => self
                .unit_by_elements(e.union(Elements::BY))
                .and_then(newest),
            Family::Elements(_) => newest(self.unit(tool.unit)),
            _ => None,
        }?;
        (candidate.id != tool.id && candidate.version != tool.version
            || candidate.unit != tool.unit)
            .then_some(candidate)
    }

    /// The English name of a jurisdiction code used by the catalogue.
    pub fn jurisdiction_name(&self, code: &str) -> Option<&'static str> {
        jurisdiction::name(code)
    }
}

impl LegalTool {
    /// The short code people write: `CC BY-NC-ND 2.0`, `CC BY-SA 3.0 DE`, `CC0 1.0`, `PDM 1.0`.
    pub fn short_code(&self) -> String {
        let unit = catalogue().unit(self.unit);
        let mut s = match self.family {
            Family::Zero => "CC0".to_string(),
            Family::Mark => "PDM".to_string(),
            Family::Elements(_) => format!("CC {}", unit.name.to_ascii_uppercase()),
            Family::Sampling => match unit.name {
                "sampling" => "CC Sampling".to_string(),
                "sampling+" => "CC Sampling+".to_string(),
                _ => "CC NC-Sampling+".to_string(),
            },
            Family::DevelopingNations => "CC DevNations".to_string(),
            Family::PublicDomainDedication => return "CC-PDDC".to_string(),
            Family::SoftwareWrapper => format!("CC-{}", unit.name),
        };
        if let Some(v) = self.version {
            s.push(' ');
            s.push_str(v);
        }
        if let Some(j) = self.jurisdiction {
            s.push(' ');
            s.push_str(&j.to_ascii_uppercase());
        }
        s
    }

    /// Whether the tool requires attribution of the author (CC REL `Attribution`).
    pub fn requires(&self, flag: Flag) -> bool {
        self.requires.contains(flag)
    }

    pub fn permits(&self, flag: Flag) -> bool {
        self.permits.contains(flag)
    }

    pub fn prohibits(&self, flag: Flag) -> bool {
        self.prohibits.contains(flag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_codes_in_any_case() {
        assert_eq!(Elements::from_code("BY"), Some(Elements::BY));
        assert_eq!(Elements::from_code("nC"), Some(Elements::NC));
        assert_eq!(Elements::from_code("Nd"), Some(Elements::ND));
        assert_eq!(Elements::from_code("sa"), Some(Elements::SA));
        assert_eq!(Elements::from_code("b"), None);
        assert_eq!(Elements::from_code("bye"), None);
        assert_eq!(
            Elements::from_unit("BY-nc-SA"),
            Some(Elements::BY.union(Elements::NC).union(Elements::SA))
        );
    }

    #[test]
    fn every_row_of_the_data_is_in_the_catalogue() {
        let cat = catalogue();
        assert_eq!(cat.tools().len(), TOOLS_TSV.lines().count() - 1);
        assert_eq!(
            cat.tools().iter().filter(|t| t.spdx.is_some()).count(),
            SPDX_TSV.lines().count() - 1
        );
        assert_eq!(
            cat.localized_titles().len(),
            LOCALIZED_TSV.lines().count() - 1
        );
    }

    #[test]
    fn the_seed_license_has_its_flags() {
        let t = catalogue().by_key("by-nc-nd/2.0").unwrap();
        assert_eq!(t.title, "Attribution-NonCommercial-NoDerivs 2.0 Generic");
        assert_eq!(t.url, "https://creativecommons.org/licenses/by-nc-nd/2.0/");
        assert_eq!(
            t.permits.iter().map(Flag::name).collect::<Vec<_>>(),
            ["Distribution", "Reproduction"]
        );
        assert_eq!(
            t.requires.iter().map(Flag::name).collect::<Vec<_>>(),
            ["Attribution", "Notice"]
        );
        assert_eq!(
            t.prohibits.iter().map(Flag::name).collect::<Vec<_>>(),
            ["CommercialUse"]
        );
        assert_eq!(t.short_code(), "CC BY-NC-ND 2.0");
    }

    #[test]
    fn elements_find_the_1_0_spelling() {
        let cat = catalogue();
        let e = Elements::from_unit("by-nc-nd").unwrap();
        assert_eq!(cat.by_parts(e, "1.0", "").unwrap().key, "by-nd-nc/1.0");
        assert_eq!(cat.by_parts(e, "2.0", "").unwrap().key, "by-nc-nd/2.0");
        assert_eq!(
            cat.by_parts(Elements::from_unit("sa").unwrap(), "1.0", "")
                .unwrap()
                .key,
            "sa/1.0"
        );
        assert!(Elements::from_unit("by-by").is_none());
        assert!(Elements::from_unit("zero").is_none());
    }

    #[test]
    fn units_stand_for_their_newest_unported_version() {
        let cat = catalogue();
        let rep = |u: &str| cat.tool(cat.unit_by_name(u).unwrap().representative).key;
        assert_eq!(rep("by-sa"), "by-sa/4.0");
        assert_eq!(rep("nd-nc"), "nd-nc/1.0");
        assert_eq!(rep("sampling+"), "sampling+/1.0");
        assert_eq!(rep("zero"), "zero/1.0");
        assert_eq!(
            cat.unit_by_name("by").unwrap().versions,
            ["1.0", "2.0", "2.1", "2.5", "3.0", "4.0"]
        );
    }

    #[test]
    fn spdx_ids_are_case_insensitive() {
        let cat = catalogue();
        assert_eq!(cat.by_spdx("cc-by-sa-3.0-de").unwrap().key, "by-sa/3.0/de");
        assert_eq!(cat.by_spdx("CC0-1.0").unwrap().key, "zero/1.0");
        assert_eq!(cat.by_spdx("CC-PDDC").unwrap().key, "publicdomain");
    }

    #[test]
    fn successors() {
        let cat = catalogue();
        let succ = |k: &str| cat.successor(cat.by_key(k).unwrap()).map(|t| t.key);
        assert_eq!(succ("publicdomain"), Some("zero/1.0"));
        assert_eq!(succ("nd-nc/1.0"), Some("by-nc-nd/4.0"));
        assert_eq!(succ("by-sa/2.0"), Some("by-sa/4.0"));
        assert_eq!(succ("by-sa/4.0"), None);
        assert_eq!(succ("zero/1.0"), None);
    }

    #[test]
    fn every_jurisdiction_in_the_data_has_a_name() {
        for t in catalogue().tools() {
            if let Some(j) = t.jurisdiction {
                assert!(jurisdiction::name(j).is_some(), "{j} ({})", t.key);
            }
        }
    }
}
