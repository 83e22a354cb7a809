//! The command that fixes a finding by writing the rights down (`licit check --fix`).
//!
//! Only findings that writing can fix, with facts licit is sure of, get a command:
//! - `metadata-problem` on an image whose rights licit nevertheless knows (a versioned license
//!   and at least one author, with no disagreement among the sources): `licit stamp
//!   --in-place`, which rewrites the rights fields cleanly (UTF-8, declared).
//!
//! `no-license` gets none: there is nothing sure to write.
//!
//! Disagreements (`license-conflict`, `page-metadata-conflict`) get no command: which source
//! is right is the user's decision, and writing one of them would hide the other. Findings
//! about documents (`credit-missing`, `credit-incomplete`) are fixed in the document.

use crate::check::Item;
use crate::finding::{Finding, FindingKind};
use crate::license::License;

/// Quotes a shell argument when it needs it (POSIX single quotes).
pub fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@+,%".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The `licit stamp` arguments that write `item`'s credit, when licit is sure of it.
fn stamp_args(item: &Item) -> Option<Vec<String>> {
    let credit = item.credit.as_ref()?;
    let license: License = credit.license.filter(|l| l.tool().is_some())?;
    if credit.authors.is_empty()
        || item.findings.iter().any(|f| {
            matches!(
                f.kind,
                FindingKind::LicenseConflict
                    | FindingKind::PageMetadataConflict
                    | FindingKind::LicenseVersionUnknown
            )
        })
    {
        return None;
    }
    let mut args = vec![
        "licit".to_string(),
        "stamp".into(),
        "--in-place".into(),
        shell_quote(&item.target),
        "--license".into(),
        shell_quote(&license.short_code()),
    ];
    for a in &credit.authors {
        args.push("--author".into());
        args.push(shell_quote(a));
    }
    if let Some(t) = &credit.title {
        args.push("--title".into());
        args.push(shell_quote(t));
    }
    if let Some(s) = credit
        .source
        .as_deref()
        .filter(|s| s.starts_with("http://") || s.starts_with("https://"))
    {
        args.push("--source-url".into());
        args.push(shell_quote(s));
    }
    Some(args)
}

/// The exact command that fixes `finding` on `item` by writing the rights down, or `None` when
/// writing cannot fix it or licit is not sure what to write (see the module documentation).
pub fn fix_command(finding: &Finding, item: &Item) -> Option<String> {
    if item.target.contains("://") || item.page.is_some() {
        return None; // a remote image cannot be stamped from here
    }
    match finding.kind {
        FindingKind::MetadataProblem => stamp_args(item).map(|a| a.join(" ")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credit::Credit;
    use crate::license::Rights;

    fn item(target: &str, findings: Vec<Finding>) -> Item {
        let mut item = crate::check::Item::new("/nonexistent/x.jpg".to_string());
        item.target = target.into();
        item.errors.clear();
        item.credit = Some(Credit {
            authors: vec!["Jane O'Doe".into()],
            title: Some("Dunes".into()),
            license: License::from_key("by-sa/4.0"),
            rights: Rights::Cc,
            source: Some("https://example.org/dunes".into()),
            ..Credit::default()
        });
        item.findings = findings;
        item
    }

    #[test]
    fn a_metadata_problem_with_known_rights_gets_a_stamp_command() {
        let f = Finding::new(FindingKind::MetadataProblem, "IPTC text without charset");
        let it = item("site/images/dunes 1.jpg", vec![f.clone()]);
        assert_eq!(
            fix_command(&f, &it).unwrap(),
            "licit stamp --in-place 'site/images/dunes 1.jpg' --license 'CC BY-SA 4.0' \
             --author 'Jane O'\\''Doe' --title Dunes --source-url https://example.org/dunes"
        );
    }

    #[test]
    fn disagreements_unknown_versions_and_remote_images_get_none() {
        let problem = Finding::new(FindingKind::MetadataProblem, "x");
        let conflict = Finding::new(FindingKind::LicenseConflict, "x");
        let it = item("a.jpg", vec![problem.clone(), conflict.clone()]);
        assert_eq!(fix_command(&problem, &it), None);
        assert_eq!(fix_command(&conflict, &it), None);
        let mut unit = item("a.jpg", vec![problem.clone()]);
        unit.credit.as_mut().unwrap().license = License::from_key("by-sa");
        assert_eq!(fix_command(&problem, &unit), None);
        let remote = item("https://example.org/a.jpg", vec![problem.clone()]);
        assert_eq!(fix_command(&problem, &remote), None);
        let no_license = Finding::new(FindingKind::NoLicense, "x");
        assert_eq!(fix_command(&no_license, &item("a.jpg", vec![])), None);
    }

    #[test]
    fn quoting_keeps_plain_words_plain() {
        assert_eq!(shell_quote("a/b.jpg"), "a/b.jpg");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote(""), "''");
    }
}
