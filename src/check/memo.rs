//! Each distinct evidence set is merged and assessed once per process.
//!
//! A photo folder repeats the same copyright, creator and license strings across hundreds of
//! files, and merging (which parses credit lines and scans for licenses) is the costly step of
//! concluding an item. The memo is keyed by the whole evidence (origin, value, location) and
//! the proposed use, so a hit gives exactly what a fresh merge and assessment would.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::assess::{Assessment, Use, assess};
use crate::credit::{Credit, merge};
use crate::evidence::Evidence;
use crate::finding::Finding;

/// Entries kept before the memo is emptied and starts again: bounds its memory on a run whose
/// images all differ (each entry is one image's evidence, a few hundred bytes).
const MAX_ENTRIES: usize = 4096;

type Concluded = Arc<(Credit, Vec<Finding>, Assessment)>;

/// Merges and assessments already made, by evidence and use.
#[derive(Default)]
pub struct Memo {
    done: Mutex<HashMap<(Vec<Evidence>, Use), Concluded>>,
}

impl Memo {
    /// The process-wide memo.
    pub fn global() -> &'static Memo {
        static MEMO: OnceLock<Memo> = OnceLock::new();
        MEMO.get_or_init(Memo::default)
    }

    /// The credit, the merge's findings and the assessment of `evidence` for `proposed`.
    pub fn conclude(
        &self,
        evidence: &[Evidence],
        proposed: &Use,
    ) -> (Credit, Vec<Finding>, Assessment) {
        let key = (evidence.to_vec(), proposed.clone());
        let hit = self
            .done
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned();
        let done = match hit {
            Some(d) => d,
            None => {
                let merged = merge(evidence);
                let assessment = assess(&merged.credit, proposed);
                let d = Arc::new((merged.credit, merged.findings, assessment));
                let mut map = self.done.lock().unwrap_or_else(|e| e.into_inner());
                if map.len() >= MAX_ENTRIES {
                    map.clear();
                }
                map.insert(key, Arc::clone(&d));
                d
            }
        };
        (done.0.clone(), done.1.clone(), done.2.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::origin as o;

    #[test]
    fn a_hit_gives_what_a_fresh_merge_gives() {
        let memo = Memo::default();
        let ev = vec![
            Evidence::new(o::EXIF_ARTIST, "Jane Doe"),
            Evidence::new(
                o::XMP_CC_LICENSE,
                "https://creativecommons.org/licenses/by/4.0/",
            ),
        ];
        let u = Use::default();
        let first = memo.conclude(&ev, &u);
        let again = memo.conclude(&ev, &u);
        let fresh = merge(&ev);
        assert_eq!(first.0, fresh.credit);
        assert_eq!(again.0, fresh.credit);
        assert_eq!(again.2, assess(&fresh.credit, &u));
        assert_eq!(memo.done.lock().unwrap().len(), 1);
        let commercial = Use::parse("commercial").unwrap();
        assert_eq!(
            memo.conclude(&ev, &commercial).2,
            assess(&fresh.credit, &commercial)
        );
        assert_eq!(memo.done.lock().unwrap().len(), 2);
    }
}
