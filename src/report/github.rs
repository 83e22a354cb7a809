//! GitHub Actions workflow commands: one `::error` or `::warning` line per finding, so that the
//! run's summary and the pull request's diff show each at its file and line.

use std::fmt::Write;

use super::Located;
use crate::finding::Level;

/// Escapes the data of a workflow command (`%`, CR, LF).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command (also `:` and `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The annotation lines for these findings.
pub fn annotations(found: &[Located]) -> String {
    let mut out = String::new();
    for f in found {
        let command = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(l) = &f.location {
            props.push(format!("file={}", property(&l.file)));
            if let Some(line) = l.line {
                props.push(format!("line={line}"));
            }
        }
        props.push(format!("title={}", property(&format!("licit {}", f.kind))));
        let message = match &f.image {
            Some(i) if f.location.as_ref().is_none_or(|l| &l.file != i) => {
                format!("{i}: {}", f.message)
            }
            _ => f.message.clone(),
        };
        let _ = writeln!(out, "::{command} {}::{}", props.join(","), data(&message));
    }
    out
}

/// Annotations for every finding of every item and problem (with `errors_only`, errors alone),
/// written when the run ends.
pub struct Reporter<W: std::io::Write> {
    out: W,
    errors_only: bool,
    found: Vec<Located>,
}

impl<W: std::io::Write> Reporter<W> {
    pub fn new(out: W, errors_only: bool) -> Self {
        Reporter {
            out,
            errors_only,
            found: Vec::new(),
        }
    }

    fn keep(&mut self, found: impl IntoIterator<Item = Located>) {
        let errors_only = self.errors_only;
        self.found.extend(
            found
                .into_iter()
                .filter(|f| !errors_only || f.level == Level::Error),
        );
    }
}

impl<W: std::io::Write> crate::checker::Sink for Reporter<W> {
    fn item(&mut self, item: crate::check::Item, _: crate::checker::Scope) -> std::io::Result<()> {
        self.keep(super::located_item(&item));
        Ok(())
    }
    fn problem(&mut self, p: &crate::repo::RepoProblem) -> std::io::Result<()> {
        self.keep([super::located_problem(p)]);
        Ok(())
    }
}

impl<W: std::io::Write> super::Reporter for Reporter<W> {
    fn finish(&mut self, _: &crate::checker::Outcome) -> std::io::Result<()> {
        self.found.sort();
        self.out.write_all(annotations(&self.found).as_bytes())?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{FindingKind, Location};

    #[test]
    fn annotations_name_file_line_and_escape() {
        let loc = Location {
            file: "content/a,b.md".into(),
            line: Some(12),
        };
        let f = [Located {
            location: Some(loc),
            kind: FindingKind::CreditIncomplete,
            level: Level::Error,
            image: Some("images/x.jpg".into()),
            message: "lacks 100% of it\nreally".into(),
        }];
        assert_eq!(
            annotations(&f),
            "::error file=content/a%2Cb.md,line=12,title=licit credit-incomplete::images/x.jpg: lacks 100%25 of it%0Areally\n"
        );
    }
}
