//! Scoring of `tests/data/real/credits.txt`: real credit lines and captions read by
//! [`licit::credit::parse_credit_line`].
//!
//! Authors are compared name by name, as written (trimmed, case kept): a line is `authors-exact`
//! when licit names exactly the expected names (in any order). `wrong-authors-per-100` counts the
//! names licit gives that the label does not list, per 100 lines — the number that matters most,
//! since a wrong author goes straight into a credit.

use std::collections::HashSet;

use super::harness::{Block, Report, Split, blocks_of};

pub fn evaluate(split: Split) -> Report {
    let blocks = blocks_of("credits.txt", split);
    let mut report = Report {
        cases: blocks.len(),
        ..Report::default()
    };
    let mut exact = 0;
    let (mut predicted, mut predicted_right) = (0, 0);
    let (mut expected, mut expected_found) = (0, 0);
    let mut wrong = 0;
    let mut field_hits = [0usize; 4];
    const FIELDS: [&str; 4] = ["license", "rights", "date", "place"];
    for b in &blocks {
        let line = b.req("line");
        let c = licit::credit::parse_credit_line(line);
        let want = b.list("authors");
        let got: Vec<String> = c.authors.iter().map(|a| a.trim().to_string()).collect();
        let want_set: HashSet<&str> = want.iter().map(String::as_str).collect();
        let got_set: HashSet<&str> = got.iter().map(String::as_str).collect();
        predicted += got.len();
        expected += want.len();
        let right = got.iter().filter(|g| want_set.contains(g.as_str())).count();
        predicted_right += right;
        wrong += got.len() - right;
        expected_found += want.iter().filter(|w| got_set.contains(w.as_str())).count();
        if want_set == got_set && want.len() == got.len() {
            exact += 1;
        } else {
            report
                .misses
                .push(miss(b, "authors", &want.join(" | "), &got.join(" | ")));
        }
        let got_fields = [
            c.license.map_or("-".to_string(), |l| l.key().to_string()),
            c.rights.as_str().to_string(),
            c.date.clone().unwrap_or_else(|| "-".to_string()),
            c.place.clone().unwrap_or_else(|| "-".to_string()),
        ];
        for (k, name) in FIELDS.iter().enumerate() {
            let want = b.get(name).unwrap_or("-");
            if want == got_fields[k] {
                field_hits[k] += 1;
            } else {
                report.misses.push(miss(b, name, want, &got_fields[k]));
            }
        }
    }
    let n = blocks.len();
    report.higher("authors-exact", exact, n);
    report.higher("author-precision", predicted_right, predicted);
    report.higher("author-recall", expected_found, expected);
    report.per_100("wrong-authors-per-100", wrong, n);
    for (k, name) in FIELDS.iter().enumerate() {
        report.higher(name, field_hits[k], n);
    }
    report
}

fn miss(b: &Block, field: &str, want: &str, got: &str) -> String {
    let want = if want.is_empty() { "-" } else { want };
    let got = if got.is_empty() { "-" } else { got };
    format!(
        "{} {field}: want `{want}`, got `{got}` — {}",
        b.place(),
        b.req("line")
    )
}
