//! What a page's evidence means, where the page reader cannot tell without knowing licenses.
//!
//! The page reader (`crate::web::page`) knows markup, not licenses. Text right next to an image
//! that does not start like a credit line (`html:nearby-text`) is a credit only when it names
//! a legal tool or a rights statement ("… Attribution-NonCommercial 2.0 Generic", "All rights
//! reserved"); anything else there is the article's prose. A caption without a credit label
//! (`html:caption-text`) is read the same way. A link inside a caption or credit
//! (`html:credit-link`) is the license when it is a license URL, else the source.

use crate::license;

/// Whether text found next to an image reads as its credit: it names a license or a rights
/// statement. Texts longer than a caption are never credits.
pub fn nearby_text_is_credit(text: &str) -> bool {
    if text.is_empty() || text.len() > 400 {
        return false;
    }
    let scan = license::scan(text);
    !scan.licenses().is_empty() || !scan.statements.is_empty()
}

/// Whether a link found in a caption or credit is a license's URL.
pub fn link_is_license(url: &str) -> bool {
    url.len() <= 400 && !license::scan(url).licenses().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_license_or_a_statement_makes_text_a_credit() {
        assert!(nearby_text_is_credit(
            "IHH Humanitarian Relief Foundation, Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)"
        ));
        assert!(nearby_text_is_credit("Jane Doe. All rights reserved."));
        assert!(!nearby_text_is_credit(
            "Almost 700,000 civilians have evacuated areas in Idlib province."
        ));
        assert!(!nearby_text_is_credit(&"CC BY 4.0 ".repeat(50)));
    }

    #[test]
    fn license_links() {
        assert!(link_is_license(
            "https://creativecommons.org/licenses/by-nc-sa/2.0/"
        ));
        assert!(!link_is_license("https://www.flickr.com/photos/psd/"));
    }

    #[test]
    fn page_evidence_merges_into_a_credit() {
        use crate::credit::merge;
        use crate::evidence::{Evidence, origin as o};
        let m = merge(&[
            Evidence::new(o::MEDIAWIKI_AUTHOR, "Ana Lima"),
            Evidence::new(o::MEDIAWIKI_LICENSE_SHORT, "CC BY-SA 3.0"),
            Evidence::new(
                o::MEDIAWIKI_LICENSE_LINK,
                "https://creativecommons.org/licenses/by-sa/3.0",
            ),
        ]);
        assert_eq!(m.credit.authors, ["Ana Lima"]);
        assert_eq!(m.credit.license.map(|l| l.key()), Some("by-sa/3.0"));
        assert!(m.credit.license_url_given);
        // An organization named by structured data is one author.
        let m = merge(&[Evidence::new(
            o::JSONLD_CREATOR,
            "Example Technologies Pvt. Ltd.",
        )]);
        assert_eq!(m.credit.authors, ["Example Technologies Pvt. Ltd."]);
        let m = merge(&[Evidence::new(
            o::JSONLD_COPYRIGHT_HOLDER,
            "Example Technologies Pvt. Ltd.",
        )]);
        assert_eq!(m.credit.authors, ["Example Technologies Pvt. Ltd."]);
        // Prose next to an image names nobody; a license next to it is read.
        let m = merge(&[Evidence::new(
            o::HTML_NEARBY_TEXT,
            "The harbour was rebuilt in 1990.",
        )]);
        assert!(m.credit.authors.is_empty());
        let m = merge(&[
            Evidence::new(
                o::HTML_CREDIT_LINK,
                "https://creativecommons.org/licenses/by/2.0/",
            ),
            Evidence::new(o::HTML_CREDIT_LINK, "https://www.flickr.com/photos/kim/"),
        ]);
        assert_eq!(m.credit.license.map(|l| l.key()), Some("by/2.0"));
        assert_eq!(
            m.credit.source.as_deref(),
            Some("https://www.flickr.com/photos/kim/")
        );
    }
}
