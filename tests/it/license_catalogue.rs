//! Every legal tool of the catalogue, written in each of its forms, parses back to that tool.

use std::collections::{HashMap, HashSet};

use licit::license::{Family, Form, LegalTool, License, catalogue, scan};

/// The one license a text names, with the form of its first mention and whether that mention
/// covers the whole text.
fn only_license(text: &str) -> Result<(&'static str, Form, bool), String> {
    let s = scan(text);
    let licenses = s.licenses();
    if licenses.len() != 1 {
        return Err(format!(
            "{text:?}: want one license, got {:?}",
            licenses.iter().map(|l| l.key()).collect::<Vec<_>>()
        ));
    }
    let m = &s.mentions[0];
    Ok((licenses[0].key(), m.form, m.span == (0..text.len())))
}

/// Defects in Creative Commons' own data, and what the parser reads instead.
/// `by-nc-nd/2.0/jp` is titled "Attribution-NoDerivs-NonCommercial 2.0 Generic" in the RDF and
/// has the same elements, version and port as `by-nd-nc/2.0/jp` ("… 2.0 Japan"): its title reads
/// as the unported tool, its code as the other Japanese port.
const DATA_QUIRKS: &[(&str, &[&str])] =
    &[("by-nc-nd/2.0/jp", &["by-nc-nd/2.0", "by-nd-nc/2.0/jp"])];

fn quirk(tool: &str, got: &str) -> bool {
    DATA_QUIRKS
        .iter()
        .any(|(t, alts)| *t == tool && alts.contains(&got))
}

fn expect(text: &str, tool: &LegalTool, alternatives: &HashSet<&str>, form: Form) {
    match only_license(text) {
        Ok((key, got_form, whole)) => {
            assert!(
                key == tool.key || alternatives.contains(key) || quirk(tool.key, key),
                "{text:?}: got {key}, want {}",
                tool.key
            );
            assert_eq!(got_form, form, "{text:?}: form");
            assert!(whole, "{text:?}: the mention does not cover the whole text");
        }
        Err(e) => panic!("{e}"),
    }
}

/// Keys of the tools that share `f(tool)` with another tool: the data itself cannot tell them
/// apart in that form (the 3.0 ports for `us` and `za` share their titles; `by-nc-nd/2.0/jp` and
/// `by-nd-nc/2.0/jp` share their code).
fn ambiguous<F: Fn(&LegalTool) -> String>(f: F) -> HashMap<String, HashSet<&'static str>> {
    let mut groups: HashMap<String, HashSet<&'static str>> = HashMap::new();
    for t in catalogue().tools() {
        groups.entry(f(t)).or_default().insert(t.key);
    }
    groups
}

#[test]
fn every_url_and_its_variants() {
    let none = HashSet::new();
    let mut checked = 0;
    for t in catalogue().tools() {
        let path = t.url.trim_start_matches("https://creativecommons.org");
        let mut texts = vec![
            t.url.to_string(),
            format!("http://creativecommons.org{path}"),
            format!("https://www.creativecommons.org{path}"),
            format!("creativecommons.org{path}"),
            format!("//creativecommons.org{}", path.trim_end_matches('/')),
            format!("https://creativecommons.org{path}deed.de"),
            format!("https://creativecommons.org{path}deed.en"),
            format!("https://creativecommons.org{path}legalcode"),
            format!("https://creativecommons.org{path}legalcode.fr"),
            format!("HTTPS://CreativeCommons.org{path}"),
        ];
        let badge_dir = if path.starts_with("/publicdomain/") {
            "p"
        } else {
            "l"
        };
        let badge_key = path
            .trim_start_matches("/licenses/")
            .trim_start_matches("/publicdomain/");
        texts.push(format!(
            "https://i.creativecommons.org/{badge_dir}/{badge_key}88x31.png"
        ));
        texts.push(format!(
            "https://licensebuttons.net/{badge_dir}/{badge_key}80x15.png"
        ));
        for text in texts {
            expect(&text, t, &none, Form::Url);
            checked += 1;
        }
    }
    assert!(checked > 6000);
}

#[test]
fn every_english_title() {
    let groups = ambiguous(|t| t.title.to_string());
    for t in catalogue().tools() {
        if t.family == Family::SoftwareWrapper {
            // "GNU General Public License", "MIT", "BSD": as words these name the software
            // licenses, not Creative Commons' wrappers; only the wrappers' URLs name those.
            assert!(scan(t.title).licenses().is_empty(), "{}", t.title);
            continue;
        }
        let same = &groups[t.title];
        if t.key == "publicdomain" {
            // Its title, "Public Domain", is as words a public-domain statement.
            let s = scan(t.title);
            assert!(s.licenses().is_empty());
            assert_eq!(s.rights(), licit::license::Rights::PublicDomain);
        } else {
            expect(t.title, t, same, Form::Title);
        }
        let long = if t.title.ends_with("License") {
            format!("Creative Commons {}", t.title)
        } else {
            format!("Creative Commons {} License", t.title)
        };
        expect(&long, t, same, Form::Title);
    }
}

#[test]
fn every_short_code() {
    let groups = ambiguous(|t| t.short_code());
    for t in catalogue().tools() {
        if t.family == Family::SoftwareWrapper {
            continue;
        }
        let code = t.short_code();
        let same = &groups[&code];
        let form = if t.spdx == Some(code.as_str()) {
            Form::Spdx
        } else {
            Form::Code
        };
        expect(&code, t, same, form);
        // The same code with dashes, as in file names and SPDX-like spellings.
        let dashed = code.replace(' ', "-");
        if let Ok((key, _, whole)) = only_license(&dashed) {
            assert!(
                key == t.key || same.contains(key) || quirk(t.key, key),
                "{dashed:?}: got {key}"
            );
            assert!(whole, "{dashed:?}");
        } else {
            panic!("{dashed:?} names nothing");
        }
        // And as its key, the way content repositories and URLs write it.
        if matches!(t.family, Family::Elements(_)) {
            let keyed = ambiguous(|t| t.key.to_string());
            expect(t.key, t, &keyed[t.key], Form::Code);
        }
    }
}

#[test]
fn every_spdx_id() {
    let none = HashSet::new();
    let mut n = 0;
    for t in catalogue().tools() {
        if let Some(id) = t.spdx {
            expect(id, t, &none, Form::Spdx);
            n += 1;
        }
    }
    assert_eq!(n, 55);
}

#[test]
fn every_localized_title_names_a_tool_that_carries_it() {
    let cat = catalogue();
    let mut by_title: HashMap<&str, HashSet<&'static str>> = HashMap::new();
    for lt in cat.localized_titles() {
        by_title
            .entry(lt.title)
            .or_default()
            .insert(cat.tool(lt.tool).key);
    }
    let mut checked = 0;
    for lt in cat.localized_titles() {
        let tool = cat.tool(lt.tool);
        let Some(v) = tool.version else { continue };
        if tool.family == Family::SoftwareWrapper || !lt.title.contains(v) {
            continue;
        }
        let s = scan(lt.title);
        let keys: Vec<&str> = s.licenses().into_iter().map(License::key).collect();
        let carriers = &by_title[lt.title];
        assert!(
            keys.iter()
                .any(|k| carriers.contains(k) || carriers.iter().any(|c| quirk(c, k))),
            "{:?} ({}): got {keys:?}, want one of {carriers:?}",
            lt.title,
            lt.langs
        );
        checked += 1;
    }
    assert!(checked > 30_000, "{checked}");
}
