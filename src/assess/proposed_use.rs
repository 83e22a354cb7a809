//! The proposed use: what the user means to do with the image.
//!
//! A use is written as a comma-separated list of words, as the CLI's `--use` takes it:
//! `commercial,crop,print`. No words means the default: verbatim, non-commercial, online.

use std::fmt;
use std::str::FromStr;

use crate::license::{License, catalogue};

/// One change made to the image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Edit {
    /// Scaling to another size: a technical modification, not an adaptation.
    Resize,
    /// Changing the file format or compression: a technical modification, not an adaptation.
    Convert,
    Crop,
    /// Colour correction or grading, black and white.
    Color,
    Retouch,
    /// Text or graphics laid over the image.
    Overlay,
    /// Combining the image with others into a new picture (collage, montage).
    Composite,
    /// Translating text in the image.
    Translate,
    /// Any other adaptation.
    Adapt,
}

impl Edit {
    pub const ALL: [Edit; 9] = [
        Edit::Resize,
        Edit::Convert,
        Edit::Crop,
        Edit::Color,
        Edit::Retouch,
        Edit::Overlay,
        Edit::Composite,
        Edit::Translate,
        Edit::Adapt,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Edit::Resize => "resize",
            Edit::Convert => "convert",
            Edit::Crop => "crop",
            Edit::Color => "color",
            Edit::Retouch => "retouch",
            Edit::Overlay => "overlay",
            Edit::Composite => "composite",
            Edit::Translate => "translate",
            Edit::Adapt => "adapt",
        }
    }

    /// Whether the edit makes an adaptation (a derivative work). Resizing and format conversion
    /// are the technical modifications every CC license allows in order to use the work in
    /// another medium or format (4.0 §2(a)(4); 1.0–3.0 §3, last paragraph). Cropping counts as
    /// an adaptation here: it selects and recomposes the picture, and licit errs on the safe side.
    pub const fn is_adaptation(self) -> bool {
        !matches!(self, Edit::Resize | Edit::Convert)
    }
}

impl fmt::Display for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where the image will appear.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Medium {
    #[default]
    Online,
    Print,
    Broadcast,
}

impl Medium {
    pub const ALL: [Medium; 3] = [Medium::Online, Medium::Print, Medium::Broadcast];

    pub const fn name(self) -> &'static str {
        match self {
            Medium::Online => "online",
            Medium::Print => "print",
            Medium::Broadcast => "broadcast",
        }
    }
}

impl fmt::Display for Medium {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where the use takes place, for the one legal tool that cares (the Developing Nations
/// license). Unless the user says, licit does not know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    #[default]
    Unspecified,
    /// A country the World Bank classifies as a high-income economy.
    HighIncome,
    /// A country the World Bank does not classify as high-income.
    Developing,
}

/// A license that is not a Creative Commons legal tool but that an adaptation may carry under
/// the BY-SA 4.0 compatibility list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OtherLicense {
    /// GNU GPL version 3 (`GPL-3.0-only` or `GPL-3.0-or-later`).
    Gpl3 { or_later: bool },
    /// Free Art License 1.3 (Licence Art Libre, SPDX `LAL-1.3`).
    FreeArt13,
}

impl OtherLicense {
    pub const fn spdx(self) -> &'static str {
        match self {
            OtherLicense::Gpl3 { or_later: false } => "GPL-3.0-only",
            OtherLicense::Gpl3 { or_later: true } => "GPL-3.0-or-later",
            OtherLicense::FreeArt13 => "LAL-1.3",
        }
    }

    pub const fn title(self) -> &'static str {
        match self {
            OtherLicense::Gpl3 { .. } => "GNU General Public License v3",
            OtherLicense::FreeArt13 => "Free Art License 1.3",
        }
    }

    fn parse(s: &str) -> Option<OtherLicense> {
        Some(match s.to_ascii_lowercase().as_str() {
            "gpl-3.0" | "gpl-3.0-only" | "gplv3" | "gpl3" => OtherLicense::Gpl3 { or_later: false },
            "gpl-3.0+" | "gpl-3.0-or-later" | "gplv3+" => OtherLicense::Gpl3 { or_later: true },
            "lal-1.3" | "fal-1.3" | "free art license 1.3" => OtherLicense::FreeArt13,
            _ => return None,
        })
    }
}

/// The license an adaptation will carry (`--share-as`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShareAs {
    Cc(License),
    Other(OtherLicense),
}

impl ShareAs {
    /// Parses a catalogue key (`by-sa/4.0`, `by-sa/3.0/de`), an SPDX id (`CC-BY-SA-4.0`,
    /// `GPL-3.0-or-later`, `LAL-1.3`) or a license as people write it (`CC BY-SA 4.0`, once the
    /// license parser knows it). A license without a version is refused: compatibility depends
    /// on it.
    pub fn parse(s: &str) -> Result<ShareAs, ShareAsError> {
        let s = s.trim();
        let err = |reason| ShareAsError {
            input: s.to_string(),
            reason,
        };
        if let Some(other) = OtherLicense::parse(s) {
            return Ok(ShareAs::Other(other));
        }
        let cat = catalogue();
        if let Some(t) = cat.by_key(s.trim_matches('/')).or_else(|| cat.by_spdx(s)) {
            return Ok(ShareAs::Cc(License::Tool(t.id)));
        }
        if cat.unit_by_name(s).is_some() {
            return Err(err(ShareAsErrorReason::NoVersion));
        }
        match crate::license::scan(s).licenses()[..] {
            [l @ License::Tool(_)] => Ok(ShareAs::Cc(l)),
            [License::Unit(_)] => Err(err(ShareAsErrorReason::NoVersion)),
            _ => Err(err(ShareAsErrorReason::Unknown)),
        }
    }

    /// The catalogue key or SPDX id, as serialized.
    pub fn key(self) -> &'static str {
        match self {
            ShareAs::Cc(l) => l.key(),
            ShareAs::Other(o) => o.spdx(),
        }
    }

    /// The name a person reads: `CC BY-SA 4.0`, `GNU General Public License v3`.
    pub fn display_name(self) -> String {
        match self {
            ShareAs::Cc(l) => l.short_code(),
            ShareAs::Other(o) => o.title().to_string(),
        }
    }
}

impl FromStr for ShareAs {
    type Err = ShareAsError;
    fn from_str(s: &str) -> Result<ShareAs, ShareAsError> {
        ShareAs::parse(s)
    }
}

impl fmt::Display for ShareAs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl serde::Serialize for ShareAs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// Why a `--share-as` value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareAsErrorReason {
    Unknown,
    NoVersion,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ShareAsError {
    pub input: String,
    pub reason: ShareAsErrorReason,
}

impl fmt::Display for ShareAsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.reason {
            ShareAsErrorReason::Unknown => write!(
                f,
                "unknown license {:?}: give a license key such as by-sa/4.0, an SPDX id such as \
                 CC-BY-SA-4.0, or GPL-3.0-or-later / LAL-1.3",
                self.input
            ),
            ShareAsErrorReason::NoVersion => write!(
                f,
                "license {:?} has no version: ShareAlike compatibility depends on it (e.g. {}/4.0)",
                self.input, self.input
            ),
        }
    }
}

/// Mining the image or training a model on it (`--use ai-training`): a use assessed by its own
/// rules (`training.rs`), from the license and the data-mining signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Training {
    /// Text and data mining that trains no model: analysis, statistics, indexing for research.
    DataMining,
    /// Training a machine-learning model that does not generate content (a classifier, an
    /// embedding); a model that generates images or text is `AiGenerativeTraining`.
    AiTraining,
    /// Training a generative AI model.
    AiGenerativeTraining,
}

impl Training {
    pub const ALL: [Training; 3] = [
        Training::DataMining,
        Training::AiTraining,
        Training::AiGenerativeTraining,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Training::DataMining => "data-mining",
            Training::AiTraining => "ai-training",
            Training::AiGenerativeTraining => "ai-generative-training",
        }
    }

    /// In words, for reasons.
    pub const fn describe(self) -> &'static str {
        match self {
            Training::DataMining => "data mining",
            Training::AiTraining => "AI training",
            Training::AiGenerativeTraining => "generative AI training",
        }
    }
}

impl fmt::Display for Training {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A proposed use of an image.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Use {
    /// Primarily intended for or directed towards commercial advantage or monetary compensation.
    pub commercial: bool,
    /// The changes made, sorted, without repeats; empty for a verbatim copy.
    pub edits: Vec<Edit>,
    pub medium: Medium,
    /// The license an adaptation will carry, when the original is under ShareAlike.
    pub share_as: Option<ShareAs>,
    /// Where the use takes place; only the Developing Nations license depends on it.
    #[serde(skip_serializing_if = "is_unspecified")]
    pub region: Region,
    /// Mining or AI training, when that is the use (`ai-training`, `ai-generative-training`,
    /// `data-mining`); serialized only then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub training: Option<Training>,
}

fn is_unspecified(r: &Region) -> bool {
    *r == Region::Unspecified
}

/// The words [`Use::parse`] accepts besides edits and media.
const PURPOSE_WORDS: [&str; 5] = [
    "commercial",
    "noncommercial",
    "verbatim",
    "high-income",
    "developing",
];

impl Use {
    /// Parses `--use` words: `commercial`/`noncommercial`, edits (`resize`, `convert`, `crop`,
    /// `color`, `retouch`, `overlay`, `composite`, `translate`, `adapt`; `verbatim` for none),
    /// a medium (`online`, `print`, `broadcast`), and where (`high-income`, `developing`).
    /// Words are separated by commas or spaces and are case-insensitive.
    ///
    /// ```
    /// use licit::assess::{Edit, Medium, Use};
    /// let u = Use::parse("commercial,crop,print").unwrap();
    /// assert!(u.commercial && u.adapts());
    /// assert_eq!((u.edits, u.medium), (vec![Edit::Crop], Medium::Print));
    /// assert!(Use::parse("comercial").unwrap_err().to_string().contains("comercial"));
    /// ```
    pub fn parse(s: &str) -> Result<Use, UseError> {
        let mut u = Use::default();
        let mut medium: Option<Medium> = None;
        let mut commercial: Option<bool> = None;
        let mut region: Option<Region> = None;
        let mut training: Option<Training> = None;
        let mut verbatim = false;
        for raw in s.split([',', ' ', '\t']).filter(|w| !w.is_empty()) {
            let word = raw.to_ascii_lowercase();
            let err = |kind| UseError {
                word: raw.to_string(),
                kind,
            };
            let set = |slot: &mut Option<_>, v, what| match *slot {
                Some(old) if old != v => Err(err(UseErrorKind::Conflict(what))),
                _ => {
                    *slot = Some(v);
                    Ok(())
                }
            };
            match word.as_str() {
                "commercial" => set(&mut commercial, true, "commercial")?,
                "noncommercial" | "non-commercial" => set(&mut commercial, false, "commercial")?,
                "verbatim" => verbatim = true,
                "high-income" => set_region(&mut region, Region::HighIncome, raw)?,
                "developing" => set_region(&mut region, Region::Developing, raw)?,
                w if training_word(w).is_some() => {
                    let t = training_word(w);
                    if training.is_some_and(|old| Some(old) != t) {
                        return Err(err(UseErrorKind::Conflict("training")));
                    }
                    training = t;
                }
                w => {
                    if let Some(m) = Medium::ALL.into_iter().find(|m| m.name() == w) {
                        if medium.is_some_and(|old| old != m) {
                            return Err(err(UseErrorKind::Conflict("medium")));
                        }
                        medium = Some(m);
                    } else if let Some(e) = Edit::ALL
                        .into_iter()
                        .find(|e| e.name() == w || (w == "colour" && *e == Edit::Color))
                    {
                        u.edits.push(e);
                    } else {
                        return Err(err(UseErrorKind::Unknown));
                    }
                }
            }
        }
        u.edits.sort();
        u.edits.dedup();
        if verbatim && !u.edits.is_empty() {
            return Err(UseError {
                word: "verbatim".to_string(),
                kind: UseErrorKind::Conflict("edits"),
            });
        }
        u.commercial = commercial.unwrap_or(false);
        u.medium = medium.unwrap_or_default();
        u.region = region.unwrap_or_default();
        u.training = training;
        Ok(u)
    }

    /// Whether any edit makes an adaptation.
    pub fn adapts(&self) -> bool {
        self.edits.iter().any(|e| e.is_adaptation())
    }

    /// The edits that make an adaptation.
    pub fn adaptations(&self) -> impl Iterator<Item = Edit> + '_ {
        self.edits.iter().copied().filter(|e| e.is_adaptation())
    }

    /// Sets the license the adaptation will carry.
    pub fn with_share_as(mut self, share_as: ShareAs) -> Use {
        self.share_as = Some(share_as);
        self
    }

    /// Every word [`Use::parse`] accepts.
    pub fn valid_words() -> Vec<&'static str> {
        let mut w: Vec<&'static str> = PURPOSE_WORDS.to_vec();
        w.extend(Edit::ALL.iter().map(|e| e.name()));
        w.extend(Medium::ALL.iter().map(|m| m.name()));
        w.extend(Training::ALL.iter().map(|t| t.name()));
        w
    }

    /// A short description: `commercial, crop, print`.
    pub fn describe(&self) -> String {
        let mut parts: Vec<&str> = vec![if self.commercial {
            "commercial"
        } else {
            "non-commercial"
        }];
        if self.edits.is_empty() {
            parts.push("verbatim");
        }
        parts.extend(self.edits.iter().map(|e| e.name()));
        parts.push(self.medium.name());
        if let Some(t) = self.training {
            parts.push(t.name());
        }
        parts.join(", ")
    }
}

/// The training use a word names (`generative-ai-training` is accepted for the generative one).
fn training_word(w: &str) -> Option<Training> {
    match w {
        "generative-ai-training" => Some(Training::AiGenerativeTraining),
        w => Training::ALL.into_iter().find(|t| t.name() == w),
    }
}

fn set_region(slot: &mut Option<Region>, r: Region, raw: &str) -> Result<(), UseError> {
    match *slot {
        Some(old) if old != r => Err(UseError {
            word: raw.to_string(),
            kind: UseErrorKind::Conflict("region"),
        }),
        _ => {
            *slot = Some(r);
            Ok(())
        }
    }
}

impl FromStr for Use {
    type Err = UseError;
    fn from_str(s: &str) -> Result<Use, UseError> {
        Use::parse(s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UseErrorKind {
    /// Not a word `--use` knows.
    Unknown,
    /// Contradicts an earlier word (`online,print`, `commercial,noncommercial`, `verbatim,crop`).
    Conflict(&'static str),
}

/// The valid word nearest to a mistyped one, when it is near enough to be what was meant: at
/// most a third of its letters wrong (Levenshtein distance).
pub fn nearest_word(typed: &str) -> Option<&'static str> {
    let typed = typed.to_ascii_lowercase();
    let (d, w) = Use::valid_words()
        .into_iter()
        .map(|w| (edit_distance(&typed, w), w))
        .min()?;
    (d > 0 && d * 3 <= typed.chars().count().max(w.len())).then_some(w)
}

/// Levenshtein distance by characters, in O(len(a) × len(b)) time and O(len(b)) memory (words
/// are short; the typed word is capped at 64 characters).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(row[j] + 1).min(up + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// A `--use` word that could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct UseError {
    pub word: String,
    pub kind: UseErrorKind,
}

impl fmt::Display for UseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            UseErrorKind::Unknown => {
                write!(f, "unknown use {:?}; ", self.word)?;
                if let Some(near) = nearest_word(&self.word) {
                    write!(f, "did you mean {near:?}? ")?;
                }
                write!(f, "valid words: {}", Use::valid_words().join(", "))
            }
            UseErrorKind::Conflict(what) => {
                write!(f, "{:?} contradicts an earlier word ({what})", self.word)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_suggests_the_nearest_word() {
        assert_eq!(nearest_word("comercial"), Some("commercial"));
        assert_eq!(nearest_word("croop"), Some("crop"));
        assert_eq!(nearest_word("sell"), None);
        let e = Use::parse("prnt").unwrap_err().to_string();
        assert!(e.contains("did you mean \"print\""), "{e}");
    }

    #[test]
    fn default_is_verbatim_noncommercial_online() {
        let u = Use::parse("").unwrap();
        assert_eq!(u, Use::default());
        assert!(!u.commercial && !u.adapts() && u.medium == Medium::Online);
        assert_eq!(
            serde_json::to_value(&u).unwrap(),
            serde_json::json!({"commercial": false, "edits": [], "medium": "online", "share_as": null})
        );
    }

    #[test]
    fn words_parse_in_any_order_and_case() {
        let u = Use::parse("Print, CROP,commercial,resize,crop").unwrap();
        assert!(u.commercial);
        assert_eq!(u.edits, [Edit::Resize, Edit::Crop]);
        assert_eq!(u.medium, Medium::Print);
        assert!(u.adapts());
        assert_eq!(u.adaptations().collect::<Vec<_>>(), [Edit::Crop]);
    }

    #[test]
    fn technical_modifications_are_not_adaptations() {
        let u = Use::parse("resize,convert").unwrap();
        assert!(!u.adapts());
        for e in Edit::ALL {
            assert_eq!(
                e.is_adaptation(),
                !matches!(e, Edit::Resize | Edit::Convert)
            );
        }
    }

    #[test]
    fn unknown_word_names_it_and_lists_valid_ones() {
        let e = Use::parse("commercial,crpo").unwrap_err();
        assert_eq!(e.word, "crpo");
        let msg = e.to_string();
        assert!(msg.contains("\"crpo\""), "{msg}");
        for w in [
            "commercial",
            "crop",
            "resize",
            "print",
            "broadcast",
            "adapt",
        ] {
            assert!(msg.contains(w), "{msg} lacks {w}");
        }
    }

    #[test]
    fn contradictions_are_errors() {
        assert_eq!(
            Use::parse("online,print").unwrap_err().kind,
            UseErrorKind::Conflict("medium")
        );
        assert!(Use::parse("commercial,noncommercial").is_err());
        assert!(Use::parse("verbatim,crop").is_err());
        assert!(Use::parse("verbatim,print").is_ok());
    }

    #[test]
    fn share_as_parses_keys_spdx_and_gpl() {
        let u = Use::parse("crop")
            .unwrap()
            .with_share_as(ShareAs::parse("by-sa/4.0").unwrap());
        assert_eq!(serde_json::to_value(&u).unwrap()["share_as"], "by-sa/4.0");
        assert_eq!(
            ShareAs::parse("CC-BY-SA-3.0-DE").unwrap().key(),
            "by-sa/3.0/de"
        );
        assert_eq!(
            ShareAs::parse("GPL-3.0-or-later").unwrap(),
            ShareAs::Other(OtherLicense::Gpl3 { or_later: true })
        );
        assert_eq!(
            ShareAs::parse("by-sa").unwrap_err().reason,
            ShareAsErrorReason::NoVersion
        );
        assert_eq!(
            ShareAs::parse("nonsense").unwrap_err().reason,
            ShareAsErrorReason::Unknown
        );
    }
}
