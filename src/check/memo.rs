//! Each distinct evidence set is merged and assessed once per process.
//!
//! A photo folder repeats the same copyright, creator and license strings across hundreds of
//! files, and a site repeats the same caption under many photos; merging (which parses credit
//! lines and scans for licenses) is the costly step of concluding an item. The memo is keyed by
//! the evidence's origins and values, in order, and the proposed use: where a piece of evidence
//! was read (its location) does not enter the merge or the assessment, a fact the test
//! `merging_ignores_locations` pins so that the memo can rely on it. A lookup hashes the
//! evidence in place; it is copied only when a new set is stored.
//!
//! Distinct evidence sets often merge into the same credit (a site's alt texts differ image by
//! image, its captions and licenses do not), and the assessment depends only on the credit and
//! the use: the last few credits assessed are kept with their assessment, found again by
//! equality.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

use crate::assess::{Assessment, Requirement, Use, assess, requirements};
use crate::credit::{Credit, merge};
use crate::evidence::{Evidence, Origin};
use crate::finding::Finding;
use crate::license::License;

/// Sets kept before the memo is emptied and starts again: bounds its memory on a run whose
/// images all differ (each entry is one image's evidence, a few hundred bytes).
const MAX_ENTRIES: usize = 4096;

/// The assessment is shared with the assessment cache: sets merging into one credit hold one
/// copy of it, which bounds the memo's memory on a site whose alt texts all differ.
type Concluded = Arc<(Credit, Vec<Finding>, Arc<Assessment>)>;

struct Entry {
    evidence: Vec<(Origin, String)>,
    proposed: Use,
    done: Concluded,
}

/// Credits kept with their assessment (a run repeats a handful of licenses and authors; each
/// lookup compares at most this many).
const MAX_ASSESSED: usize = 32;

/// Merges and assessments already made, by evidence and use.
#[derive(Default)]
pub struct Memo {
    /// Seeded at random per process: a set is found by its hash, then compared in full, so a
    /// collision costs a comparison, never a wrong answer.
    hasher: foldhash::fast::RandomState,
    done: Mutex<(usize, HashMap<u64, Vec<Entry>>)>,
    /// Assessments by credit and use, the most recent first.
    assessed: Mutex<Vec<(Credit, Use, Arc<Assessment>)>>,
    /// What a complete credit needs, by license.
    required: Mutex<Vec<(License, Arc<[Requirement]>)>>,
}

impl Memo {
    /// The process-wide memo.
    pub fn global() -> &'static Memo {
        static MEMO: OnceLock<Memo> = OnceLock::new();
        MEMO.get_or_init(Memo::default)
    }

    fn key(&self, evidence: &[Evidence], proposed: &Use) -> u64 {
        let mut h = self.hasher.build_hasher();
        evidence.len().hash(&mut h);
        for e in evidence {
            e.origin.hash(&mut h);
            e.value.hash(&mut h);
        }
        proposed.hash(&mut h);
        h.finish()
    }

    /// The credit, the merge's findings and the assessment of `evidence` for `proposed`.
    pub fn conclude(
        &self,
        evidence: &[Evidence],
        proposed: &Use,
    ) -> (Credit, Vec<Finding>, Assessment) {
        let key = self.key(evidence, proposed);
        let same = |en: &Entry| {
            en.proposed == *proposed
                && en.evidence.len() == evidence.len()
                && en
                    .evidence
                    .iter()
                    .zip(evidence)
                    .all(|((o, v), e)| *o == e.origin && *v == e.value)
        };
        let hit = {
            let done = self.done.lock().unwrap_or_else(|e| e.into_inner());
            done.1
                .get(&key)
                .and_then(|v| v.iter().find(|en| same(en)))
                .map(|en| Arc::clone(&en.done))
        };
        let done = match hit {
            Some(d) => d,
            None => {
                let merged = merge(evidence);
                let assessment = self.assess(&merged.credit, proposed);
                let d = Arc::new((merged.credit, merged.findings, assessment));
                let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
                if done.0 >= MAX_ENTRIES {
                    *done = (0, HashMap::new());
                }
                done.0 += 1;
                done.1.entry(key).or_default().push(Entry {
                    evidence: evidence
                        .iter()
                        .map(|e| (e.origin, e.value.clone()))
                        .collect(),
                    proposed: proposed.clone(),
                    done: Arc::clone(&d),
                });
                d
            }
        };
        (done.0.clone(), done.1.clone(), (*done.2).clone())
    }

    /// The assessment of `credit` for `proposed`, made once per distinct credit among the
    /// last [`MAX_ASSESSED`].
    fn assess(&self, credit: &Credit, proposed: &Use) -> Arc<Assessment> {
        let found = {
            let mut kept = self.assessed.lock().unwrap_or_else(|e| e.into_inner());
            let i = kept
                .iter()
                .position(|(c, u, _)| c == credit && u == proposed);
            i.map(|i| {
                kept[..=i].rotate_right(1);
                Arc::clone(&kept[0].2)
            })
        };
        if let Some(a) = found {
            return a;
        }
        let a = Arc::new(assess(credit, proposed));
        let mut kept = self.assessed.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() >= MAX_ASSESSED {
            kept.pop();
        }
        kept.insert(0, (credit.clone(), proposed.clone(), Arc::clone(&a)));
        a
    }

    /// What a complete credit under `license` needs ([`requirements`]), listed once per
    /// license among the last [`MAX_ASSESSED`].
    pub fn requirements(&self, license: License) -> Arc<[Requirement]> {
        let mut kept = self.required.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, r)) = kept.iter().find(|(l, _)| *l == license) {
            return Arc::clone(r);
        }
        let r: Arc<[Requirement]> = requirements(license).into();
        if kept.len() >= MAX_ASSESSED {
            kept.remove(0);
        }
        kept.push((license, Arc::clone(&r)));
        r
    }

    /// The credit `evidence` merges into.
    pub fn credit(&self, evidence: &[Evidence]) -> Credit {
        self.conclude(evidence, &Use::default()).0
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.done.lock().unwrap().0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::origin as o;

    fn evidence() -> Vec<Evidence> {
        vec![
            Evidence::new(o::EXIF_ARTIST, "Jane Doe"),
            Evidence::new(
                o::XMP_CC_LICENSE,
                "https://creativecommons.org/licenses/by/4.0/",
            ),
            Evidence::new(o::MARKDOWN_CAPTION, "Photo: Jane Doe (CC BY-SA 4.0)").at("a.md:3"),
        ]
    }

    #[test]
    fn a_hit_gives_what_a_fresh_merge_gives() {
        let memo = Memo::default();
        let ev = evidence();
        let u = Use::default();
        let first = memo.conclude(&ev, &u);
        let again = memo.conclude(&ev, &u);
        let fresh = merge(&ev);
        assert_eq!(first.0, fresh.credit);
        assert_eq!(again.0, fresh.credit);
        assert_eq!(again.1, fresh.findings);
        assert_eq!(again.2, assess(&fresh.credit, &u));
        assert_eq!(memo.len(), 1);
        let commercial = Use::parse("commercial").unwrap();
        assert_eq!(
            memo.conclude(&ev, &commercial).2,
            assess(&fresh.credit, &commercial)
        );
        assert_eq!(memo.len(), 2);
        let mut other = ev.clone();
        other[0].value = "John Roe".into();
        assert_eq!(memo.conclude(&other, &u).0, merge(&other).credit);
        assert_eq!(memo.len(), 3);
    }

    #[test]
    fn sets_merging_into_one_credit_share_its_assessment_per_use() {
        let memo = Memo::default();
        let commercial = Use::parse("commercial").unwrap();
        for (i, u) in [Use::default(), commercial.clone(), Use::default()]
            .iter()
            .enumerate()
        {
            let mut ev = evidence();
            ev.push(Evidence::new(o::MARKDOWN_ALT, format!("Picture {i}")));
            let fresh = merge(&ev);
            assert_eq!(memo.conclude(&ev, u).2, assess(&fresh.credit, u));
        }
        let nc = vec![Evidence::new(
            o::XMP_CC_LICENSE,
            "https://creativecommons.org/licenses/by-nc/4.0/",
        )];
        let fresh = merge(&nc);
        assert_eq!(
            memo.conclude(&nc, &commercial).2,
            assess(&fresh.credit, &commercial)
        );
        assert!(memo.assessed.lock().unwrap().len() >= 3);
    }

    #[test]
    fn merging_ignores_locations() {
        let ev = evidence();
        let moved: Vec<Evidence> = ev.iter().map(|e| e.clone().at("elsewhere.md:99")).collect();
        let (a, b) = (merge(&ev), merge(&moved));
        assert_eq!(a.credit, b.credit);
        assert_eq!(a.findings, b.findings);
    }
}
