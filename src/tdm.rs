//! Text-and-data-mining signals: what an image's metadata or the site serving it says about
//! mining it and training AI models on it, read from the evidence.
//!
//! The readers (`metadata`, `web`) keep the values verbatim as evidence; this module says what
//! each value means, once, for the credit (which carries the signals) and the assessment
//! (`assess::training`, which turns them into reasons). Three sources:
//!
//! - IPTC Photo Metadata 2023.1 "Data Mining" (`plus:DataMining`, the PLUS `DMI-…` codes of
//!   `metadata::vocab::dmi`) and "Other Constraints" (`plus:OtherConstraints`);
//! - W3C TDMRep (Final Community Group Report, <https://www.w3.org/community/reports/tdmrep/CG-FINAL-tdmrep-20240510/>):
//!   `tdm-reservation` (`1`: rights reserved, `0`: not) and `tdm-policy` (a policy's URL), as
//!   HTTP headers, `<meta>` tags or the site's `/.well-known/tdmrep.json`;
//! - the `noai` / `noimageai` values of `X-Robots-Tag` and `<meta name="robots">`: a convention
//!   some sites follow, not a standard.
//!
//! A signal keeps its origin and verbatim value, never where it was read: the credit (and its
//! memo) depends only on origins and values; the evidence list says where.

use crate::evidence::{Evidence, Origin, origin as o};
use crate::metadata::vocab::dmi;

/// What a signal says, in the terms of the standard it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    /// `DMI-UNSPECIFIED`: the rights holder says nothing either way.
    Unspecified,
    /// `DMI-ALLOWED`: data mining, AI training included, is allowed by the rights holder.
    Allowed,
    /// `DMI-PROHIBITED-AIMLTRAINING`, or `noai` / `noimageai`: no AI/ML training.
    ProhibitedAiTraining,
    /// `DMI-PROHIBITED-GENAIMLTRAINING`: no training of generative AI/ML models.
    ProhibitedGenerativeTraining,
    /// `DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING`: no data mining but search-engine indexing.
    ProhibitedExceptSearchIndexing,
    /// `DMI-PROHIBITED`, or a TDMRep reservation without a policy: no data mining at all.
    Prohibited,
    /// `DMI-PROHIBITED-SEECONSTRAINT`: prohibited except as "Other Constraints" say.
    SeeConstraint,
    /// `DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR`: see the rights expression embedded in the file.
    SeeEmbedded,
    /// `DMI-PROHIBITED-SEELINKEDRIGHTSEXPR`: see the rights expression linked from the file.
    SeeLinked,
    /// TDMRep `tdm-reservation: 1` with a `tdm-policy`: reserved, a license may be offered there.
    ReservedWithPolicy,
    /// TDMRep `tdm-reservation: 0`: rights are not reserved (an exception may be relied on).
    NotReserved,
    /// "Other Constraints" text: conditions in words.
    Constraint,
    /// A value licit does not recognise, kept verbatim.
    Unrecognised,
    /// A C2PA manifest says the image was made by generative AI (IPTC digital source type
    /// `trainedAlgorithmicMedia` or `compositeWithTrainedAlgorithmicMedia`).
    AiGenerated,
    /// A C2PA training-and-mining claim in a manifest that fails validation: not a fact.
    Unvalidated,
}

impl Reading {
    /// A few words for people.
    pub const fn describe(self) -> &'static str {
        match self {
            Reading::Unspecified => "data mining: unspecified",
            Reading::Allowed => "data mining allowed",
            Reading::ProhibitedAiTraining => "prohibited for AI/ML training",
            Reading::ProhibitedGenerativeTraining => "prohibited for generative AI/ML training",
            Reading::ProhibitedExceptSearchIndexing => {
                "data mining prohibited except for search-engine indexing"
            }
            Reading::Prohibited => "data mining prohibited",
            Reading::SeeConstraint => "data mining prohibited, except as the constraints say",
            Reading::SeeEmbedded => {
                "data mining prohibited, except as the embedded rights expression says"
            }
            Reading::SeeLinked => {
                "data mining prohibited, except as the linked rights expression says"
            }
            Reading::ReservedWithPolicy => {
                "data-mining rights reserved; a policy says on what terms"
            }
            Reading::NotReserved => "data-mining rights not reserved",
            Reading::Constraint => "other constraints",
            Reading::Unrecognised => "an unrecognised data-mining value",
            Reading::AiGenerated => "made with generative AI",
            Reading::Unvalidated => "a claim in a C2PA manifest that fails validation",
        }
    }

    /// Whether it prohibits something outright (for findings: a license that allows reuse and a
    /// signal that prohibits mining disagree).
    pub const fn prohibits(self) -> bool {
        matches!(
            self,
            Reading::ProhibitedAiTraining
                | Reading::ProhibitedGenerativeTraining
                | Reading::ProhibitedExceptSearchIndexing
                | Reading::Prohibited
        )
    }
}

/// The standard (or convention) a signal follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standard {
    /// IPTC Photo Metadata Standard 2023.1 (PLUS Data Mining).
    Iptc,
    /// W3C TDM Reservation Protocol.
    Tdmrep,
    /// `noai` / `noimageai` robots values: a convention, not a standard.
    RobotsConvention,
    /// C2PA content credentials (training-and-mining assertion, digital source type).
    C2pa,
}

impl Standard {
    pub const fn describe(self) -> &'static str {
        match self {
            Standard::Iptc => "IPTC Photo Metadata 2023.1",
            Standard::Tdmrep => "W3C TDMRep",
            Standard::RobotsConvention => "the noai/noimageai convention (not a standard)",
            Standard::C2pa => "C2PA content credentials",
        }
    }
}

/// One data-mining signal.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Signal {
    pub origin: Origin,
    /// The value as read.
    pub value: String,
    pub reading: Reading,
    pub standard: Standard,
    /// The constraint's text, or the policy's or rights expression's link, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// For C2PA values: the manifest's validation state (`trusted`, `valid`, `untrusted`,
    /// `invalid: …`), which says how far the value can be believed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validation: Option<String>,
}

/// At most this many signals are kept per image (a page could repeat its meta tags).
pub const MAX_SIGNALS: usize = 32;

/// The longest value kept in a signal; longer values are cut at a char boundary.
const MAX_VALUE: usize = 2048;

fn cut(s: &str) -> String {
    let mut end = s.len().min(MAX_VALUE);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// The PLUS code of a `plus:DataMining` value: the full URI, `plus:`/`ldf:`-prefixed or bare
/// code, any case, surrounding space ignored.
pub fn dmi_code(value: &str) -> Option<&'static str> {
    let v = value.trim();
    let v = strip_prefix_ci(v, dmi::VOCAB)
        .or_else(|| strip_prefix_ci(v, "https://ns.useplus.org/ldf/vocab/"))
        .unwrap_or(v);
    let v = v.rsplit([':', '/', '#']).next().unwrap_or(v).trim();
    dmi::ALL.into_iter().find(|c| c.eq_ignore_ascii_case(v))
}

/// The words `licit stamp --data-mining` takes, each with the PLUS code it writes.
pub const DMI_WORDS: [(&str, &str); 9] = [
    ("unspecified", dmi::UNSPECIFIED),
    ("allowed", dmi::ALLOWED),
    ("prohibited-ai-training", dmi::PROHIBITED_AI_ML_TRAINING),
    (
        "prohibited-generative-ai-training",
        dmi::PROHIBITED_GEN_AI_ML_TRAINING,
    ),
    (
        "prohibited-except-search-indexing",
        dmi::PROHIBITED_EXCEPT_SEARCH_ENGINE_INDEXING,
    ),
    ("prohibited", dmi::PROHIBITED),
    ("see-constraint", dmi::PROHIBITED_SEE_CONSTRAINT),
    ("see-embedded", dmi::PROHIBITED_SEE_EMBEDDED),
    ("see-linked", dmi::PROHIBITED_SEE_LINKED),
];

/// The PLUS code a `--data-mining` value names: one of [`DMI_WORDS`], or a code or URI.
pub fn dmi_from_word(word: &str) -> Option<&'static str> {
    let w = word.trim();
    DMI_WORDS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(w))
        .map(|&(_, code)| code)
        .or_else(|| dmi_code(w))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix))
    .then(|| &s[prefix.len()..])
}

fn dmi_reading(value: &str) -> Reading {
    match dmi_code(value) {
        Some(dmi::UNSPECIFIED) => Reading::Unspecified,
        Some(dmi::ALLOWED) => Reading::Allowed,
        Some(dmi::PROHIBITED_AI_ML_TRAINING) => Reading::ProhibitedAiTraining,
        Some(dmi::PROHIBITED_GEN_AI_ML_TRAINING) => Reading::ProhibitedGenerativeTraining,
        Some(dmi::PROHIBITED_EXCEPT_SEARCH_ENGINE_INDEXING) => {
            Reading::ProhibitedExceptSearchIndexing
        }
        Some(dmi::PROHIBITED) => Reading::Prohibited,
        Some(dmi::PROHIBITED_SEE_CONSTRAINT) => Reading::SeeConstraint,
        Some(dmi::PROHIBITED_SEE_EMBEDDED) => Reading::SeeEmbedded,
        Some(dmi::PROHIBITED_SEE_LINKED) => Reading::SeeLinked,
        _ => Reading::Unrecognised,
    }
}

/// The `noai` / `noimageai` directives of a robots value (`X-Robots-Tag` may name a user agent
/// first: `otherbot: noindex, noai`).
pub fn robots_no_ai(value: &str) -> bool {
    value.split([',', ' ', ':', ';']).any(|d| {
        let d = d.trim();
        d.eq_ignore_ascii_case("noai") || d.eq_ignore_ascii_case("noimageai")
    })
}

/// Which TDMRep channel a reservation or policy origin belongs to: a policy goes with the
/// reservation of its own channel.
fn tdmrep_pair(origin: Origin) -> Option<(Origin, Origin)> {
    [
        (o::HTTP_TDM_RESERVATION, o::HTTP_TDM_POLICY),
        (o::HTML_META_TDM_RESERVATION, o::HTML_META_TDM_POLICY),
        (o::TDMREP_RESERVATION, o::TDMREP_POLICY),
    ]
    .into_iter()
    .find(|(r, p)| *r == origin || *p == origin)
}

/// What a C2PA training-and-mining entry (`c2pa.ai_training: notAllowed`, `cawg.data_mining:
/// constrained — text`) says for licit's uses; `allowed` entries and inference are not
/// signals (they stay in the evidence).
fn c2pa_entry(value: &str) -> Option<(Reading, Option<String>)> {
    let (entry, rest) = value.split_once(':')?;
    let entry = entry.trim().rsplit('.').next().unwrap_or("");
    let (usage, info) = match rest.split_once(" — ") {
        Some((u, i)) => (u.trim(), Some(cut(i.trim()))),
        None => (rest.trim(), None),
    };
    let prohibited = match entry {
        "ai_training" => Reading::ProhibitedAiTraining,
        "ai_generative_training" => Reading::ProhibitedGenerativeTraining,
        "data_mining" => Reading::Prohibited,
        _ => return None,
    };
    match usage {
        "notAllowed" => Some((prohibited, None)),
        "constrained" => Some((Reading::SeeConstraint, info)),
        _ => None,
    }
}

/// A C2PA signal, read in the light of its manifest's validation: a claim in a manifest that
/// fails validation (or was not validated) is not a fact.
fn c2pa_signal(
    e: &Evidence,
    reading: Reading,
    detail: Option<String>,
    state: Option<&str>,
) -> Signal {
    let valid = state.is_some_and(|s| matches!(s, "trusted" | "valid" | "untrusted"));
    let (reading, detail) = if valid {
        (reading, detail)
    } else {
        (Reading::Unvalidated, Some(reading.describe().to_string()))
    };
    Signal {
        origin: e.origin,
        value: cut(e.value.trim()),
        reading,
        standard: Standard::C2pa,
        detail,
        validation: Some(state.unwrap_or("not validated").to_string()),
    }
}

/// The signals in an image's evidence, in evidence order, without repeats.
pub fn signals(evidence: &[Evidence]) -> Vec<Signal> {
    let mut out: Vec<Signal> = Vec::new();
    let constraints: Vec<&str> = evidence
        .iter()
        .filter(|e| e.origin == o::XMP_PLUS_OTHER_CONSTRAINTS && !e.value.trim().is_empty())
        .map(|e| e.value.trim())
        .collect();
    let first_of = |origin: Origin| {
        evidence
            .iter()
            .find(|e| e.origin == origin && !e.value.trim().is_empty())
            .map(|e| cut(e.value.trim()))
    };
    let c2pa_state = first_of(o::C2PA_VALIDATION);
    for e in evidence {
        let value = e.value.trim();
        if value.is_empty() {
            continue;
        }
        let signal = match e.origin {
            x if x == o::XMP_PLUS_DATA_MINING => {
                let reading = dmi_reading(value);
                let detail = match reading {
                    Reading::SeeConstraint => constraints.first().map(|c| cut(c)),
                    Reading::SeeLinked => first_of(o::XMP_RIGHTS_WEB_STATEMENT)
                        .or_else(|| first_of(o::XMP_PLUS_LICENSOR_URL)),
                    _ => None,
                };
                Signal {
                    origin: e.origin,
                    value: cut(value),
                    reading,
                    standard: Standard::Iptc,
                    detail,
                    validation: None,
                }
            }
            x if x == o::XMP_PLUS_OTHER_CONSTRAINTS => Signal {
                origin: e.origin,
                value: cut(value),
                reading: Reading::Constraint,
                standard: Standard::Iptc,
                detail: Some(cut(value)),
                validation: None,
            },
            x if x == o::HTTP_X_ROBOTS_TAG || x == o::HTML_META_ROBOTS => {
                if !robots_no_ai(value) {
                    continue;
                }
                Signal {
                    origin: e.origin,
                    value: cut(value),
                    reading: Reading::ProhibitedAiTraining,
                    standard: Standard::RobotsConvention,
                    detail: None,
                    validation: None,
                }
            }
            x if x == o::C2PA_TRAINING_MINING => {
                let Some((reading, detail)) = c2pa_entry(value) else {
                    continue;
                };
                c2pa_signal(e, reading, detail, c2pa_state.as_deref())
            }
            x if x == o::C2PA_DIGITAL_SOURCE_TYPE => {
                let generated = value.ends_with("/trainedAlgorithmicMedia")
                    || value.ends_with("/compositeWithTrainedAlgorithmicMedia");
                if !generated {
                    continue;
                }
                c2pa_signal(e, Reading::AiGenerated, None, c2pa_state.as_deref())
            }
            x => {
                let Some((reservation, policy)) = tdmrep_pair(x) else {
                    continue;
                };
                if x == policy {
                    // A policy counts only with its reservation (TDMRep §3: a policy without
                    // `tdm-reservation: 1` has no effect); it is shown as that signal's detail.
                    continue;
                }
                let policy = first_of(policy);
                let reading = match (value, &policy) {
                    ("1", Some(_)) => Reading::ReservedWithPolicy,
                    ("1", None) => Reading::Prohibited,
                    ("0", _) => Reading::NotReserved,
                    _ => Reading::Unrecognised,
                };
                Signal {
                    origin: reservation,
                    value: cut(value),
                    reading,
                    standard: Standard::Tdmrep,
                    detail: if reading == Reading::ReservedWithPolicy {
                        policy
                    } else {
                        None
                    },
                    validation: None,
                }
            }
        };
        if out.len() >= MAX_SIGNALS {
            break;
        }
        if !out
            .iter()
            .any(|s| s.origin == signal.origin && s.value == signal.value)
        {
            out.push(signal);
        }
    }
    // "Other Constraints" are the detail of a see-constraint signal; alone they are shown too.
    if out.iter().any(|s| s.reading == Reading::SeeConstraint) {
        out.retain(|s| s.reading != Reading::Constraint);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(origin: Origin, v: &str) -> Evidence {
        Evidence::new(origin, v)
    }

    #[test]
    fn dmi_values_with_or_without_the_vocabulary_prefix() {
        for code in dmi::ALL {
            for v in [
                format!("{}{code}", dmi::VOCAB),
                code.to_string(),
                code.to_ascii_lowercase(),
                format!(" plus:{code} "),
                format!("https://ns.useplus.org/ldf/vocab/{code}"),
            ] {
                assert_eq!(dmi_code(&v), Some(code), "{v}");
            }
        }
        assert_eq!(dmi_code("DMI-PROHIBITED-SOMETHING"), None);
        assert_eq!(dmi_code(""), None);
        let s = signals(&[ev(o::XMP_PLUS_DATA_MINING, "DMI-NEW-VALUE")]);
        assert_eq!(s[0].reading, Reading::Unrecognised);
        assert_eq!(s[0].value, "DMI-NEW-VALUE");
    }

    #[test]
    fn stamp_words_name_every_code_once() {
        for (word, code) in DMI_WORDS {
            assert_eq!(dmi_from_word(word), Some(code));
            assert_eq!(dmi_from_word(code), Some(code));
        }
        let codes: std::collections::HashSet<_> = DMI_WORDS.iter().map(|(_, c)| c).collect();
        assert_eq!(codes.len(), dmi::ALL.len());
        assert_eq!(dmi_from_word("maybe"), None);
    }

    #[test]
    fn every_code_has_its_own_reading() {
        let mut seen = std::collections::HashSet::new();
        for code in dmi::ALL {
            let r = dmi_reading(code);
            assert_ne!(r, Reading::Unrecognised, "{code}");
            assert!(seen.insert(r), "{code}");
        }
    }

    #[test]
    fn constraint_text_and_linked_expression_become_details() {
        let s = signals(&[
            ev(o::XMP_PLUS_DATA_MINING, dmi::PROHIBITED_SEE_CONSTRAINT),
            ev(o::XMP_PLUS_OTHER_CONSTRAINTS, "Research use only"),
        ]);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].detail.as_deref(), Some("Research use only"));
        let s = signals(&[
            ev(o::XMP_RIGHTS_WEB_STATEMENT, "https://rights.example/terms"),
            ev(o::XMP_PLUS_DATA_MINING, dmi::PROHIBITED_SEE_LINKED),
        ]);
        assert_eq!(s[0].detail.as_deref(), Some("https://rights.example/terms"));
    }

    #[test]
    fn tdmrep_pairs_policy_with_its_own_channel() {
        let s = signals(&[
            ev(o::HTTP_TDM_RESERVATION, "1"),
            ev(o::HTML_META_TDM_POLICY, "https://site.example/policy.json"),
        ]);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].reading, Reading::Prohibited);
        let s = signals(&[
            ev(o::HTML_META_TDM_RESERVATION, "1"),
            ev(o::HTML_META_TDM_POLICY, "https://site.example/policy.json"),
        ]);
        assert_eq!(s[0].reading, Reading::ReservedWithPolicy);
        assert_eq!(
            s[0].detail.as_deref(),
            Some("https://site.example/policy.json")
        );
        assert_eq!(
            signals(&[ev(o::TDMREP_RESERVATION, "0")])[0].reading,
            Reading::NotReserved
        );
        assert_eq!(
            signals(&[ev(o::TDMREP_RESERVATION, "yes")])[0].reading,
            Reading::Unrecognised
        );
    }

    #[test]
    fn c2pa_claims_count_only_when_the_manifest_validates() {
        let entry = ev(
            o::C2PA_TRAINING_MINING,
            "cawg.ai_generative_training: notAllowed",
        );
        let s = signals(&[ev(o::C2PA_VALIDATION, "untrusted"), entry.clone()]);
        assert_eq!(s[0].reading, Reading::ProhibitedGenerativeTraining);
        assert_eq!(s[0].validation.as_deref(), Some("untrusted"));
        let s = signals(&[
            ev(o::C2PA_VALIDATION, "invalid: assertion.dataHash.mismatch"),
            entry,
        ]);
        assert_eq!(s[0].reading, Reading::Unvalidated);
        let s = signals(&[
            ev(o::C2PA_VALIDATION, "valid"),
            ev(
                o::C2PA_TRAINING_MINING,
                "c2pa.data_mining: constrained — ask us",
            ),
            ev(o::C2PA_TRAINING_MINING, "c2pa.ai_inference: notAllowed"),
            ev(o::C2PA_TRAINING_MINING, "c2pa.ai_training: allowed"),
            ev(
                o::C2PA_DIGITAL_SOURCE_TYPE,
                "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
            ),
        ]);
        let got: Vec<Reading> = s.iter().map(|s| s.reading).collect();
        assert_eq!(got, [Reading::SeeConstraint, Reading::AiGenerated]);
        assert_eq!(s[0].detail.as_deref(), Some("ask us"));
    }

    #[test]
    fn robots_keeps_only_the_ai_directives() {
        assert!(robots_no_ai("noindex, noai"));
        assert!(robots_no_ai("googlebot: NoImageAI"));
        assert!(!robots_no_ai("noindex, nofollow"));
        assert!(signals(&[ev(o::HTTP_X_ROBOTS_TAG, "noindex")]).is_empty());
        let s = signals(&[ev(o::HTML_META_ROBOTS, "noimageai")]);
        assert_eq!(s[0].standard, Standard::RobotsConvention);
    }

    #[test]
    fn repeats_are_dropped_and_the_count_is_bounded() {
        let many: Vec<Evidence> = (0..1000)
            .map(|i| ev(o::XMP_PLUS_OTHER_CONSTRAINTS, &format!("c{i}")))
            .chain(std::iter::repeat_n(ev(o::HTTP_TDM_RESERVATION, "1"), 5))
            .collect();
        assert_eq!(signals(&many).len(), MAX_SIGNALS);
        let s = signals(&[
            ev(o::HTTP_TDM_RESERVATION, "1"),
            ev(o::HTTP_TDM_RESERVATION, "1"),
        ]);
        assert_eq!(s.len(), 1);
        let long = "é".repeat(5000);
        assert!(
            signals(&[ev(o::XMP_PLUS_OTHER_CONSTRAINTS, &long)])[0]
                .value
                .len()
                <= MAX_VALUE
        );
    }
}
