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
        if let Some(l) = f.location {
            props.push(format!("file={}", property(&l.file)));
            if let Some(line) = l.line {
                props.push(format!("line={line}"));
            }
        }
        props.push(format!("title={}", property(&format!("licit {}", f.kind))));
        let message = match f.image {
            Some(i) if f.location.is_none_or(|l| l.file != i) => format!("{i}: {}", f.message),
            _ => f.message.to_string(),
        };
        let _ = writeln!(out, "::{command} {}::{}", props.join(","), data(&message));
    }
    out
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
            location: Some(&loc),
            kind: FindingKind::CreditIncomplete,
            level: Level::Error,
            image: Some("images/x.jpg"),
            message: "lacks 100% of it\nreally",
        }];
        assert_eq!(
            annotations(&f),
            "::error file=content/a%2Cb.md,line=12,title=licit credit-incomplete::images/x.jpg: lacks 100%25 of it%0Areally\n"
        );
    }
}
