//! Credit-line cases from `tests/data/credit_lines.txt`: each block is one line and what the
//! credit must say about it. See the header of the data file for the format.

use licit::credit::{Credit, analyze_credit_line, parse_credit_line};
use proptest::prelude::*;

const DATA: &str = include_str!("../data/credit_lines.txt");

struct Case {
    lineno: usize,
    input: String,
    authors: Vec<String>,
    license: Option<String>,
    rights: String,
    date: Option<String>,
    place: Option<String>,
    title: Option<String>,
    source: Option<String>,
    modified: bool,
}

fn opt(v: &str) -> Option<String> {
    (v != "-").then(|| v.to_string())
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    let mut cur: Option<Case> = None;
    for (n, raw) in DATA.lines().enumerate() {
        let lineno = n + 1;
        if raw.starts_with('#') {
            continue;
        }
        if raw.trim().is_empty() {
            out.extend(cur.take());
            continue;
        }
        let (key, value) = raw
            .split_once(':')
            .unwrap_or_else(|| panic!("line {lineno}: expected `key: value`"));
        // One space after the colon; the rest is the value as written (inputs keep spaces).
        let value = value.strip_prefix(' ').unwrap_or(value);
        if key == "line" {
            assert!(
                cur.is_none(),
                "line {lineno}: blank line missing before `line:`"
            );
            cur = Some(Case {
                lineno,
                input: value.to_string(),
                authors: Vec::new(),
                license: None,
                rights: String::new(),
                date: None,
                place: None,
                title: None,
                source: None,
                modified: false,
            });
            continue;
        }
        let c = cur
            .as_mut()
            .unwrap_or_else(|| panic!("line {lineno}: `{key}` before `line:`"));
        match key {
            "authors" => {
                c.authors = if value == "-" {
                    Vec::new()
                } else {
                    value.split(" | ").map(str::to_string).collect()
                }
            }
            "license" => c.license = opt(value),
            "rights" => c.rights = value.to_string(),
            "date" => c.date = opt(value),
            "place" => c.place = opt(value),
            "title" => c.title = opt(value),
            "source" => c.source = opt(value),
            "modified" => c.modified = value == "yes",
            _ => panic!("line {lineno}: unknown key `{key}`"),
        }
    }
    out.extend(cur);
    for c in &out {
        assert!(
            !c.rights.is_empty(),
            "line {}: every case states `rights`",
            c.lineno
        );
    }
    out
}

fn mismatches(c: &Case, got: &Credit) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |field: &str, want: String, got: String| {
        if want != got {
            out.push(format!("  {field}: want {want}, got {got}"));
        }
    };
    check(
        "authors",
        format!("{:?}", c.authors),
        format!("{:?}", got.authors),
    );
    check(
        "license",
        format!("{:?}", c.license.as_deref()),
        format!("{:?}", got.license.map(|l| l.key())),
    );
    check("rights", c.rights.clone(), got.rights.to_string());
    check("date", format!("{:?}", c.date), format!("{:?}", got.date));
    check(
        "place",
        format!("{:?}", c.place),
        format!("{:?}", got.place),
    );
    check(
        "title",
        format!("{:?}", c.title),
        format!("{:?}", got.title),
    );
    check(
        "source",
        format!("{:?}", c.source),
        format!("{:?}", got.source),
    );
    check("modified", c.modified.to_string(), got.modified.to_string());
    out
}

#[test]
fn credit_lines_from_data_file() {
    let cases = cases();
    let mut failures = Vec::new();
    for c in &cases {
        let got = parse_credit_line(&c.input);
        let m = mismatches(c, &got);
        if !m.is_empty() {
            failures.push(format!("line {}: {}\n{}", c.lineno, c.input, m.join("\n")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn data_file_has_enough_cases_and_enough_without_cc() {
    let cases = cases();
    let without_cc = cases.iter().filter(|c| c.license.is_none()).count();
    assert!(cases.len() >= 150, "only {} cases", cases.len());
    assert!(
        without_cc * 3 >= cases.len(),
        "only {without_cc} of {} cases without a CC license",
        cases.len()
    );
}

#[test]
fn spans_point_at_the_fields() {
    let text = "Photo: Jane Doe / Reuters, 14.04.2013";
    let line = analyze_credit_line(text);
    let authors: Vec<&str> = line
        .spans
        .authors
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(authors, ["Jane Doe"]);
    assert_eq!(line.spans.date.map(|r| &text[r]), Some("14.04.2013"));
    assert_eq!(
        line.spans.source.first().map(|r| &text[r.clone()]),
        Some("Reuters")
    );
}

#[test]
fn license_url_given_only_when_the_line_has_the_license_url() {
    let with_url =
        parse_credit_line("Photo by Jane Doe, https://creativecommons.org/licenses/by-sa/4.0/");
    assert_eq!(with_url.license.map(|l| l.key()), Some("by-sa/4.0"));
    assert!(with_url.license_url_given);
    let code_only = parse_credit_line("Photo by Jane Doe, CC BY-SA 4.0");
    assert_eq!(code_only.license.map(|l| l.key()), Some("by-sa/4.0"));
    assert!(!code_only.license_url_given);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let c = parse_credit_line(&s);
        for a in &c.authors {
            prop_assert!(!a.trim().is_empty());
        }
    }

    #[test]
    fn credit_like_text_never_panics(
        s in r"(Photo|Foto|©|\(c\)|by|via| |/|,|\.|:|“|”|\x22|'|«|»|Jane|Doe|AP|Reuters|2013|14|April|avril|de|CC BY-SA 4\.0|cropped|in|Berlin|-){0,24}"
    ) {
        let line = analyze_credit_line(&s);
        for (a, r) in line.credit.authors.iter().zip(&line.spans.authors) {
            prop_assert!(!a.trim().is_empty());
            prop_assert_eq!(a.as_str(), &s[r.clone()]);
        }
    }
}

/// CPU time this thread has used, in nanoseconds (Linux `schedstat`); `None` elsewhere. CPU
/// time, not wall-clock time, so that a loaded machine cannot fail the budgets below.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Runs `f` and returns its CPU time in nanoseconds (0 where it cannot be measured).
fn cpu<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = thread_cpu_ns();
    let out = f();
    let spent = match (before, thread_cpu_ns()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => 0,
    };
    (out, spent)
}

/// Issue 12, class 6: de-duplicating authors was quadratic (10,500 names in EXIF Artist took
/// 8 to 37 s). Both the credit-line reader and the merge of evidence keep a bounded number of
/// authors, say so, and take time linear in the names.
#[test]
fn ten_thousand_authors_cost_linear_time_and_are_bounded() {
    use licit::credit::line::{LineNote, MAX_AUTHORS};
    use licit::evidence::{Evidence, origin};
    use licit::finding::FindingKind;

    let names = |n: usize| -> Vec<String> {
        (0..n)
            .map(|i| format!("Person{i} Surname{}", i % 97))
            .collect()
    };
    // The reader: one line naming every photographer.
    let line = |n: usize| format!("Photos: {}", names(n).join(", "));
    let (small, small_ns) = cpu(|| analyze_credit_line(&line(1_050)));
    let (big, big_ns) = cpu(|| analyze_credit_line(&line(10_500)));
    assert_eq!(big.credit.authors.len(), MAX_AUTHORS);
    assert!(
        big.notes
            .iter()
            .any(|n| matches!(n, LineNote::TooManyAuthors { named: 10_500, .. })),
        "{:?}",
        big.notes
    );
    assert_eq!(small.credit.authors.len(), MAX_AUTHORS);
    // Ten times the names may cost ten times the work, with room for noise; quadratic work
    // would cost a hundred times.
    if small_ns > 1_000_000 {
        assert!(
            big_ns < small_ns * 30,
            "10,500 names took {big_ns} ns of CPU, 1,050 took {small_ns} ns"
        );
    }
    assert!(
        big_ns < 5_000_000_000,
        "10,500 names took {big_ns} ns of CPU"
    );

    // The merge: the names in a creator field, and again in a credit line.
    let artist = names(10_500).join("; ");
    let evidence = [
        Evidence::new(origin::EXIF_ARTIST, artist.clone()),
        Evidence::new(origin::IPTC_BY_LINE, artist),
    ];
    let (merged, merge_ns) = cpu(|| licit::credit::merge(&evidence));
    assert_eq!(merged.credit.authors.len(), MAX_AUTHORS);
    assert!(
        merged
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::MetadataProblem && f.message.contains("authors")),
        "{:?}",
        merged.findings
    );
    assert!(
        merge_ns < 5_000_000_000,
        "merging took {merge_ns} ns of CPU"
    );
}

/// A line that credits someone unreadable names nobody and says so.
#[test]
fn an_unreadable_credit_names_no_author_and_says_so() {
    use licit::credit::line::LineNote;
    // The caption runs into the name with a place before it: where does the name start?
    let l = analyze_credit_line(
        "Lady Starmer on the front row at the Edeline Lee show in London Nicky J Sims/Getty Images",
    );
    assert!(l.credit.authors.is_empty(), "{:?}", l.credit.authors);
    assert!(l.notes.contains(&LineNote::AuthorUnclear), "{:?}", l.notes);
    // A label with no name after it.
    assert!(parse_credit_line("Credit Line").authors.is_empty());
}

/// Rights from words: a notice is not "all rights reserved" unless it says so; permission in
/// words is rights `other`; restrictive terms decide what they clearly decide.
#[test]
fn rights_and_terms_in_words() {
    use licit::assess::{Use, Verdict, assess};
    use licit::attribution::{Style, attribute};
    use licit::license::Rights;

    let notice = parse_credit_line("© 2008 Blender Foundation");
    assert_eq!(notice.authors, ["Blender Foundation"]);
    assert!(!attribute(&notice, Style::Text).contains("all rights reserved"));
    let said = parse_credit_line("© 2019 Jane Doe. All rights reserved.");
    assert!(attribute(&said, Style::Text).contains("all rights reserved"));

    let free =
        parse_credit_line("This image may be used, edited and reproduced freely. Photo: NASA");
    assert_eq!(free.rights, Rights::Other);

    let editorial = parse_credit_line("Photo: Jane Doe/Reuters. Editorial use only.");
    let commercial = Use::parse("commercial").unwrap();
    let a = assess(&editorial, &commercial);
    assert_eq!(a.verdict, Verdict::NotAllowed, "{a}");
    assert!(
        a.reasons
            .iter()
            .any(|r| r.text.contains("Editorial use only")),
        "{a}"
    );

    let mut nd = parse_credit_line("Photo: Jane Doe. No derivatives.");
    nd.modified = true;
    assert!(!attribute(&nd, Style::Text).contains("Modified"));
    assert_eq!(
        assess(&nd, &Use::parse("crop").unwrap()).verdict,
        Verdict::NotAllowed
    );
}
