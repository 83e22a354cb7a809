//! Text for people: what a license lets you do, in plain words.

use std::fmt::Write;

use crate::license::{Flag, License, Rights, Scan, catalogue};

/// Explains everything a text names: each legal tool, then the non-CC statements.
pub fn license(input: &str, scan: &Scan) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", quote(input));
    let licenses = scan.licenses();
    if licenses.is_empty() {
        match scan.rights() {
            Rights::None => {
                let _ = writeln!(
                    out,
                    "  No license or rights statement found: all rights are reserved until shown otherwise."
                );
            }
            rights => {
                let _ = writeln!(out, "  No Creative Commons license; rights: {rights}.");
            }
        }
    }
    for l in licenses {
        explain(&mut out, l);
    }
    for s in &scan.statements {
        let _ = writeln!(
            out,
            "  Statement: {} ({}: {})",
            quote(&input[s.span.clone()]),
            s.kind.as_str(),
            s.name
        );
    }
    out.push('\n');
    out
}

fn quote(s: &str) -> String {
    format!("“{}”", s.trim())
}

/// One legal tool in plain words.
pub fn explain(out: &mut String, l: License) {
    let cat = catalogue();
    let _ = writeln!(out, "  {} ({})", l.title(), l.short_code());
    if let Some(url) = l.url() {
        let _ = writeln!(out, "    {url}");
    }
    if l.version().is_none() && l.tool().is_none() {
        let _ = writeln!(
            out,
            "    Version not given: the terms below are those of the newest version, {}; older versions differ in details.",
            l.effective_tool().short_code()
        );
    }
    // Read in the order a reuser thinks: copy, share, adapt; credit, notices, share alike.
    const ORDER: [Flag; 10] = [
        Flag::Reproduction,
        Flag::Distribution,
        Flag::Sharing,
        Flag::DerivativeWorks,
        Flag::Attribution,
        Flag::Notice,
        Flag::ShareAlike,
        Flag::SourceCode,
        Flag::CommercialUse,
        Flag::HighIncomeNationUse,
    ];
    let list = |flags: crate::license::Flags| {
        ORDER
            .iter()
            .filter(|f| flags.contains(**f))
            .map(|f| f.plain())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let permits = l.permits();
    if !permits.is_empty() {
        let _ = writeln!(out, "    You may: {}.", list(permits));
    }
    let terms = crate::assess::plain_terms(l);
    let requires = l.requires();
    if terms.asks_nothing {
        let _ = writeln!(
            out,
            "    You must: nothing; crediting the author is still courteous."
        );
    } else if !requires.is_empty() {
        let _ = writeln!(out, "    You must: {}.", list(requires));
    }
    let mut must_not: Vec<&str> = l.prohibits().iter().map(Flag::plain).collect();
    if terms.no_adaptations {
        must_not.push("share adapted versions (cropped, retouched, remixed)");
    }
    if !must_not.is_empty() {
        let _ = writeln!(out, "    You must not: {}.", must_not.join("; "));
    }
    if let Some(note) = terms.note {
        let _ = writeln!(out, "    {note}");
    }
    let tool = l.effective_tool();
    if tool.deprecated {
        let _ = write!(
            out,
            "    Retired: Creative Commons no longer recommends this tool"
        );
        match cat.successor(tool) {
            Some(s) => {
                let _ = writeln!(out, "; its successor is {} ({}).", s.title, s.short_code());
            }
            None => {
                let _ = writeln!(out, ".");
            }
        }
    } else if l.tool().is_some()
        && let Some(s) = cat.successor(tool)
    {
        let _ = writeln!(out, "    Newer version: {} ({}).", s.title, s.url);
    }
}

/// `s` on one line, cut to about `max` chars with an ellipsis (the JSON output keeps it whole).
fn shorten(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

fn indent(out: &mut String, text: &str, by: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "{by}{line}");
    }
}

/// What a credit says, in one block per field that is set.
fn credit_fields(out: &mut String, c: &crate::credit::Credit) {
    if !c.authors.is_empty() {
        let _ = writeln!(
            out,
            "  Author{}: {}",
            if c.authors.len() > 1 { "s" } else { "" },
            c.authors.join("; ")
        );
    }
    if let Some(t) = &c.title {
        let _ = writeln!(out, "  Title: {t}");
    }
    if let Some(s) = &c.source {
        let _ = writeln!(out, "  Source: {s}");
    }
    if let Some(d) = &c.date {
        let _ = writeln!(out, "  Date: {d}");
    }
    if let Some(p) = &c.place {
        let _ = writeln!(out, "  Place: {p}");
    }
    match c.license {
        Some(l) => {
            let _ = writeln!(out, "  License: {} ({})", l.title(), l.short_code());
        }
        None => {
            let _ = writeln!(out, "  License: none found (rights: {})", c.rights);
        }
    }
    if c.modified {
        let _ = writeln!(out, "  Modified: yes");
    }
    for s in &c.signals {
        let detail = s
            .detail
            .as_deref()
            .map(|d| format!(" — {}", shorten(d, 160)))
            .unwrap_or_default();
        let detail = match &s.validation {
            Some(v) => format!("{detail} [C2PA manifest: {v}]"),
            None => detail,
        };
        let _ = writeln!(
            out,
            "  Data mining: {} ({}: {}; {}){detail}",
            s.reading.describe(),
            s.origin,
            shorten(&s.value, 160),
            s.standard.describe()
        );
    }
}

/// `licit credit`: the credit line, what it says, and the assessment for the proposed use.
pub fn credit(
    input: &str,
    c: &crate::credit::Credit,
    a: &crate::assess::Assessment,
    proposed: &crate::assess::Use,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", quote(input));
    credit_fields(&mut out, c);
    let _ = writeln!(out, "  Use: {}", proposed.describe());
    indent(&mut out, &a.explain(), "  ");
    out.push('\n');
    out
}

/// `licit check`: one image.
pub fn item(it: &crate::check::Item) -> String {
    let mut out = String::new();
    let verdict = it
        .assessment
        .as_ref()
        .map_or("error", |a| a.verdict.as_str());
    let _ = writeln!(out, "{}: {verdict}", it.target);
    if let Some(p) = &it.page {
        let _ = writeln!(out, "  On page: {p}");
    }
    for e in &it.errors {
        let _ = writeln!(out, "  error: {}", e.message);
    }
    if !it.evidence.is_empty() {
        let _ = writeln!(out, "  Evidence:");
        for e in &it.evidence {
            let at = e
                .location
                .as_deref()
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            let _ = writeln!(out, "    {}{at}: {}", e.origin, shorten(&e.value, 160));
        }
    } else if it.errors.is_empty() {
        let _ = writeln!(out, "  No rights metadata in the file.");
    }
    if let Some(c) = &it.credit {
        credit_fields(&mut out, c);
    }
    for f in &it.findings {
        let _ = writeln!(out, "  {}: {}", f.kind, f.message);
    }
    if let Some(a) = &it.assessment {
        indent(&mut out, &a.explain(), "  ");
    }
    out.push('\n');
    out
}

/// The closing line of `licit check`.
pub fn summary(s: &crate::check::Summary) -> String {
    format!(
        "{} image{}: {} allowed, {} allowed with obligations, {} not allowed, {} unknown, {} with errors\n",
        s.items,
        if s.items == 1 { "" } else { "s" },
        s.allowed,
        s.allowed_with_obligations,
        s.not_allowed,
        s.unknown,
        s.errors
    )
}

/// `licit check DIR`: one line per finding, `file:line: level[kind] image: message`, sorted.
/// With `errors_only`, warnings are left out.
pub fn findings(found: &[super::Located], errors_only: bool) -> String {
    let mut out = String::new();
    for f in found {
        if errors_only && f.level != crate::finding::Level::Error {
            continue;
        }
        let at = f
            .location
            .as_ref()
            .map(|l| format!("{l}: "))
            .unwrap_or_default();
        let image = match &f.image {
            Some(i) if f.location.as_ref().is_none_or(|l| &l.file != i) => format!("{i}: "),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{at}{}[{}] {image}{}",
            f.level.as_str(),
            f.kind,
            f.message
        );
    }
    out
}

/// The closing lines of `licit check DIR`.
pub fn repo_summary(
    s: &crate::check::Summary,
    documents: usize,
    found: &[super::Located],
    policy: Option<&std::path::Path>,
) -> String {
    let errors = found
        .iter()
        .filter(|f| f.level == crate::finding::Level::Error)
        .count();
    let warnings = found.len() - errors;
    let policy = policy.map_or("default policy".to_string(), |p| p.display().to_string());
    format!(
        "\n{} image{} in {documents} document{} checked ({policy}): {} allowed, {} allowed with obligations, {} not allowed, {} unknown, {} unreadable\n{errors} error{}, {warnings} warning{}: {}\n",
        s.items,
        if s.items == 1 { "" } else { "s" },
        if documents == 1 { "" } else { "s" },
        s.allowed,
        s.allowed_with_obligations,
        s.not_allowed,
        s.unknown,
        s.errors,
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
        if errors == 0 { "pass" } else { "fail" },
    )
}

/// Text for people. Images checked on their own are printed as they finish, one block each;
/// a repository's findings are collected and printed sorted by file and line when the run
/// ends, with its summary. With `quiet`, only errors: no blocks, no warnings, no summary.
pub struct Reporter<W: std::io::Write> {
    out: W,
    quiet: bool,
    found: Vec<super::Located>,
}

impl<W: std::io::Write> Reporter<W> {
    pub fn new(out: W, quiet: bool) -> Self {
        Reporter {
            out,
            quiet,
            found: Vec::new(),
        }
    }
}

impl<W: std::io::Write> crate::checker::Sink for Reporter<W> {
    fn item(
        &mut self,
        it: crate::check::Item,
        scope: crate::checker::Scope,
    ) -> std::io::Result<()> {
        if scope == crate::checker::Scope::Repository || self.quiet {
            self.found.extend(super::located_item(&it));
            return Ok(());
        }
        self.out.write_all(item(&it).as_bytes())
    }
    fn problem(&mut self, p: &crate::repo::RepoProblem) -> std::io::Result<()> {
        self.found.push(super::located_problem(p));
        Ok(())
    }
}

impl<W: std::io::Write> super::Reporter for Reporter<W> {
    fn finish(&mut self, outcome: &crate::checker::Outcome) -> std::io::Result<()> {
        self.found.sort();
        self.out
            .write_all(findings(&self.found, self.quiet).as_bytes())?;
        if !self.quiet {
            let text = if outcome.repositories == 0 {
                summary(&outcome.summary)
            } else {
                repo_summary(
                    &outcome.summary,
                    outcome.documents,
                    &self.found,
                    outcome.policy_path.as_deref(),
                )
            };
            self.out.write_all(text.as_bytes())?;
        }
        self.out.flush()
    }
}
