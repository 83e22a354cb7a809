//! Scoring of `tests/data/real/licenses.txt`: each `text:` goes through `licit::license::scan`,
//! and the set of legal-tool keys it names is compared with `licenses:`.
//!
//! Metrics:
//! - `exact` — percent of cases whose set of keys is exactly the expected one;
//! - `false-positives` — cases (per 100 cases, lower is better) where licit named a key that is
//!   not in the expected set: a wrong license is worse than none;
//! - `rights` — percent of cases whose overall rights class is the expected one.

use std::collections::BTreeSet;

use super::harness::{Report, Split, blocks_of};

pub fn evaluate(split: Split) -> Report {
    let blocks = blocks_of("licenses.txt", split);
    let mut report = Report {
        cases: blocks.len(),
        ..Report::default()
    };
    let (mut exact, mut false_pos, mut rights_ok) = (0, 0, 0);
    for b in &blocks {
        let text = b.req("text");
        let want: BTreeSet<String> = b.list("licenses").into_iter().collect();
        let want_rights = b.req("rights");
        let scan = licit::license::scan(text);
        let got: BTreeSet<String> = scan
            .licenses()
            .into_iter()
            .map(|l| l.key().to_string())
            .collect();
        let got_rights = scan.rights().as_str();
        let extra = got.difference(&want).next().is_some();
        if got == want {
            exact += 1;
        }
        if extra {
            false_pos += 1;
        }
        if got_rights == want_rights {
            rights_ok += 1;
        }
        if got != want || got_rights != want_rights {
            let show = |s: &BTreeSet<String>| {
                if s.is_empty() {
                    "-".to_string()
                } else {
                    s.iter().cloned().collect::<Vec<_>>().join(" | ")
                }
            };
            report.misses.push(format!(
                "{}{}: {:?} — expected {} ({want_rights}), got {} ({got_rights})",
                b.place(),
                if extra { " [false positive]" } else { "" },
                text,
                show(&want),
                show(&got),
            ));
        }
    }
    report.higher("exact", exact, blocks.len());
    report.per_100("false-positives", false_pos, blocks.len());
    report.higher("rights", rights_ok, blocks.len());
    report
}
