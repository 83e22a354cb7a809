//! Wikimedia Commons: the MediaWiki API's `imageinfo` with `extmetadata`, for file pages
//! (`/wiki/File:…`) and upload URLs (`/wikipedia/commons/…`, thumbnails included).
//!
//! Commons states each file's author, license and title as data, so no page scraping is
//! needed: `Artist` (HTML, read as text), `LicenseShortName`, `LicenseUrl`, `UsageTerms`,
//! `ObjectName`, `Credit`, `AttributionRequired`, each an evidence entry `commons:NAME`.

use url::Url;

use super::fetch::{FetchError, FetchErrorKind, Fetcher, Sites};
use crate::evidence::{Evidence, Origin, origin as o};

/// What the API says about one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileInfo {
    /// `File:Name.jpg`.
    pub title: String,
    /// The original upload.
    pub image_url: Option<String>,
    /// The file page.
    pub description_url: Option<String>,
    pub evidence: Vec<Evidence>,
}

fn host_matches(url: &Url, hosts: &[String]) -> bool {
    let Some(h) = url.host_str() else {
        return false;
    };
    let with_port = url.port().map(|p| format!("{h}:{p}"));
    hosts
        .iter()
        .any(|x| x.eq_ignore_ascii_case(h) || with_port.as_deref() == Some(x.as_str()))
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).replace('_', " ")
}

/// The `File:` title a Commons URL names, if it is one.
pub fn file_title(url: &Url, sites: &Sites) -> Option<String> {
    if !host_matches(url, &sites.commons_hosts) {
        return None;
    }
    let path = url.path();
    if let Some(name) = path.strip_prefix("/wiki/") {
        let name = decode(name);
        let rest = name
            .strip_prefix("File:")
            .or_else(|| name.strip_prefix("Image:"))?;
        return (!rest.is_empty()).then(|| format!("File:{rest}"));
    }
    if let Some(t) = url
        .query_pairs()
        .find(|(k, _)| k == "title")
        .map(|(_, v)| v.replace('_', " "))
        .filter(|t| t.starts_with("File:"))
    {
        return Some(t);
    }
    // /wikipedia/commons/a/ab/Name.jpg or /wikipedia/commons/thumb/a/ab/Name.jpg/800px-Name.jpg
    let i = path.find("/wikipedia/commons/")?;
    let segs: Vec<&str> = path[i + "/wikipedia/commons/".len()..].split('/').collect();
    let name = match segs.as_slice() {
        ["thumb", _, _, name, ..] => *name,
        [_, _, name] => *name,
        _ => return None,
    };
    (!name.is_empty()).then(|| format!("File:{}", decode(name)))
}

/// Text of an HTML fragment, whitespace collapsed.
fn html_text(s: &str) -> String {
    let frag = scraper::Html::parse_fragment(s);
    let text: Vec<&str> = frag.root_element().text().collect();
    text.join("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const FIELDS: &[(&str, Origin)] = &[
    ("Artist", o::COMMONS_ARTIST),
    ("LicenseShortName", o::COMMONS_LICENSE_SHORT_NAME),
    ("LicenseUrl", o::COMMONS_LICENSE_URL),
    ("UsageTerms", o::COMMONS_USAGE_TERMS),
    ("ObjectName", o::COMMONS_OBJECT_NAME),
    ("Credit", o::COMMONS_CREDIT),
    ("AttributionRequired", o::COMMONS_ATTRIBUTION_REQUIRED),
];

/// Reads an API answer (`action=query&prop=imageinfo&iiprop=url|extmetadata`, either
/// `formatversion`).
pub fn parse_answer(json: &str) -> Result<FileInfo, String> {
    let v: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("the API answer is not JSON ({e})"))?;
    let pages = &v["query"]["pages"];
    let page = match pages {
        serde_json::Value::Array(a) => a.first(),
        serde_json::Value::Object(m) => m.values().next(),
        _ => None,
    }
    .ok_or("the API answer names no page")?;
    // formatversion 2 says `"missing": true`, version 1 `"missing": ""`.
    if page
        .get("missing")
        .is_some_and(|m| *m != serde_json::Value::Bool(false))
    {
        return Err(format!(
            "Commons has no file {}",
            page["title"].as_str().unwrap_or("(unnamed)")
        ));
    }
    let info = page["imageinfo"]
        .get(0)
        .ok_or("the API answer has no imageinfo")?;
    let mut out = FileInfo {
        title: page["title"].as_str().unwrap_or("").to_string(),
        image_url: info["url"].as_str().map(str::to_string),
        description_url: info["descriptionurl"].as_str().map(str::to_string),
        evidence: Vec::new(),
    };
    let meta = &info["extmetadata"];
    for (name, origin) in FIELDS {
        let Some(value) = meta[*name]["value"].as_str() else {
            continue;
        };
        let text = match *name {
            "Artist" | "Credit" | "UsageTerms" | "ObjectName" => html_text(value),
            _ => value.trim().to_string(),
        };
        if !text.is_empty() {
            out.evidence.push(Evidence::new(*origin, text));
        }
    }
    if let Some(d) = &out.description_url {
        out.evidence
            .push(Evidence::new(o::COMMONS_DESCRIPTION_URL, d.clone()));
    }
    Ok(out)
}

/// Asks the API of [`Sites::commons_api`] about `title`.
pub fn lookup(fetcher: &Fetcher, title: &str) -> Result<FileInfo, FetchError> {
    let api = &fetcher.config().sites.commons_api;
    let mut url = Url::parse(api)
        .map_err(|e| FetchError::new(api, FetchErrorKind::InvalidUrl(e.to_string())))?;
    url.query_pairs_mut()
        .append_pair("action", "query")
        .append_pair("format", "json")
        .append_pair("formatversion", "2")
        .append_pair("prop", "imageinfo")
        .append_pair("iiprop", "url|extmetadata")
        .append_pair("titles", title);
    let answer = fetcher.fetch(&url, "application/json")?;
    parse_answer(&answer.text()).map_err(|e| FetchError::new(&url, FetchErrorKind::Body(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_file_pages_and_uploads() {
        let s = Sites::default();
        let t = |u: &str| file_title(&Url::parse(u).unwrap(), &s);
        assert_eq!(
            t("https://commons.wikimedia.org/wiki/File:Atmeh_camp%2C_2013.jpg").as_deref(),
            Some("File:Atmeh camp, 2013.jpg")
        );
        assert_eq!(
            t("https://upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Cat.jpg/800px-Cat.jpg")
                .as_deref(),
            Some("File:Cat.jpg")
        );
        assert_eq!(
            t("https://upload.wikimedia.org/wikipedia/commons/a/ab/Cat.jpg").as_deref(),
            Some("File:Cat.jpg")
        );
        assert_eq!(t("https://commons.wikimedia.org/wiki/Main_Page"), None);
        assert_eq!(t("https://example.org/wiki/File:Cat.jpg"), None);
    }

    #[test]
    fn an_answer_becomes_evidence() {
        let json = r#"{"batchcomplete":true,"query":{"pages":[{"ns":6,"title":"File:Cat.jpg","imageinfo":[{"url":"https://upload.example/Cat.jpg","descriptionurl":"https://commons.example/wiki/File:Cat.jpg","extmetadata":{
          "Artist":{"value":"<a href=\"//commons.wikimedia.org/wiki/User:Jane\">Jane  Doe</a>","source":"commons-desc-page"},
          "LicenseShortName":{"value":"CC BY-SA 4.0"},"LicenseUrl":{"value":"https://creativecommons.org/licenses/by-sa/4.0"},
          "ObjectName":{"value":"Cat"},"Credit":{"value":"<span class=\"int-own-work\">Own work</span>"},"AttributionRequired":{"value":"true"}}}]}]}}"#;
        let info = parse_answer(json).unwrap();
        assert_eq!(
            info.image_url.as_deref(),
            Some("https://upload.example/Cat.jpg")
        );
        let ev: Vec<(&str, &str)> = info
            .evidence
            .iter()
            .map(|e| (e.origin.as_str(), e.value.as_str()))
            .collect();
        assert_eq!(ev[0], ("commons:Artist", "Jane Doe"));
        assert_eq!(ev[1], ("commons:LicenseShortName", "CC BY-SA 4.0"));
        assert_eq!(ev[4], ("commons:Credit", "Own work"));
        assert!(
            parse_answer(r#"{"query":{"pages":[{"title":"File:X.jpg","missing":true}]}}"#)
                .unwrap_err()
                .contains("no file File:X.jpg")
        );
    }
}
