//! `licit check --fix`: after the report, the exact command that fixes each finding that
//! writing the rights down can fix, once each, in the order the findings came. Which findings
//! those are, and why the others get none, is decided in [`crate::stamp::fix`].

use std::collections::HashSet;
use std::io::Write;

use crate::check::Item;
use crate::checker::{Outcome, Scope, Sink};
use crate::stamp::fix::fix_command;

/// Collects the fixing commands of a run and writes them when it is over.
pub struct Reporter<W: Write> {
    out: W,
    commands: Vec<String>,
    seen: HashSet<String>,
}

impl<W: Write> Reporter<W> {
    pub fn new(out: W) -> Self {
        Reporter {
            out,
            commands: Vec::new(),
            seen: HashSet::new(),
        }
    }
}

impl<W: Write> Sink for Reporter<W> {
    fn item(&mut self, item: Item, _: Scope) -> std::io::Result<()> {
        for f in &item.findings {
            if let Some(c) = fix_command(f, &item)
                && self.seen.insert(c.clone())
            {
                self.commands.push(c);
            }
        }
        Ok(())
    }
}

impl<W: Write> super::Reporter for Reporter<W> {
    fn finish(&mut self, _: &Outcome) -> std::io::Result<()> {
        if self.commands.is_empty() {
            writeln!(
                self.out,
                "# --fix: no finding of this run can be fixed by writing the rights down"
            )?;
        } else {
            writeln!(
                self.out,
                "# --fix: {} command(s) that fix findings by writing the rights down:",
                self.commands.len()
            )?;
            for c in &self.commands {
                writeln!(self.out, "{c}")?;
            }
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credit::Credit;
    use crate::finding::{Finding, FindingKind};
    use crate::license::{License, Rights};
    use crate::report::Reporter as _;

    fn item(target: &str, kinds: &[FindingKind]) -> Item {
        let mut item = Item::new(target.to_string());
        item.credit = Some(Credit {
            authors: vec!["Jane Doe".into()],
            license: License::from_key("by/4.0"),
            rights: Rights::Cc,
            ..Credit::default()
        });
        item.findings = kinds.iter().map(|&k| Finding::new(k, "x")).collect();
        item
    }

    #[test]
    fn each_fixable_finding_gets_its_command_once() {
        let mut out = Vec::new();
        let mut r = Reporter::new(&mut out);
        let problem = FindingKind::MetadataProblem;
        r.item(item("a.jpg", &[problem, problem]), Scope::Single)
            .unwrap();
        r.item(item("b.jpg", &[FindingKind::NoLicense]), Scope::Single)
            .unwrap();
        r.finish(&Outcome::default()).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].starts_with("# --fix: 1 command"), "{text}");
        assert_eq!(
            lines[1],
            "licit stamp --in-place a.jpg --license 'CC BY 4.0' --author 'Jane Doe'"
        );
    }

    #[test]
    fn a_run_with_nothing_to_fix_says_so() {
        let mut out = Vec::new();
        let mut r = Reporter::new(&mut out);
        r.item(item("b.jpg", &[FindingKind::NoLicense]), Scope::Single)
            .unwrap();
        r.finish(&Outcome::default()).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("no finding"));
    }
}
