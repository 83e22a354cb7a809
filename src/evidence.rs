//! Evidence: one statement from one source, kept verbatim with its origin.
//!
//! Every source (image metadata, a page, a sidecar, a credit line) produces [`Evidence`]; the
//! credit is merged from it and the report prints it, so that every verdict can be explained.

use std::fmt;

/// Where a piece of evidence comes from, as `family:name` with the names the standards use
/// (`exif:Artist`, `xmp:cc:license`, `iptc:By-line`, `html:figcaption`).
///
/// Origins are constants of this module: each name is written once, here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Origin(&'static str);

impl Origin {
    /// The `family:name` string.
    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// The family: `exif`, `xmp`, `iptc`, `png`, `html`, …
    pub fn family(self) -> &'static str {
        self.0.split(':').next().unwrap_or(self.0)
    }

    /// Defines an origin. Use the constants below; this is for sources that add their own.
    pub const fn new(family_and_name: &'static str) -> Origin {
        Origin(family_and_name)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl serde::Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

macro_rules! origins {
    ($($(#[$m:meta])* $name:ident = $s:literal;)*) => {
        $($(#[$m])* pub const $name: Origin = Origin($s);)*
        /// Every origin defined here.
        pub const ALL: &[Origin] = &[$($name),*];
    };
}

/// The origin names.
pub mod origin {
    use super::Origin;
    origins! {
        EXIF_ARTIST = "exif:Artist";
        EXIF_COPYRIGHT = "exif:Copyright";
        EXIF_IMAGE_DESCRIPTION = "exif:ImageDescription";
        EXIF_XP_AUTHOR = "exif:XPAuthor";
        EXIF_XP_COMMENT = "exif:XPComment";
        EXIF_XP_TITLE = "exif:XPTitle";
        EXIF_USER_COMMENT = "exif:UserComment";
        IPTC_BY_LINE = "iptc:By-line";
        IPTC_BY_LINE_TITLE = "iptc:By-lineTitle";
        IPTC_COPYRIGHT_NOTICE = "iptc:CopyrightNotice";
        IPTC_CREDIT = "iptc:Credit";
        IPTC_SOURCE = "iptc:Source";
        IPTC_OBJECT_NAME = "iptc:ObjectName";
        IPTC_CAPTION_ABSTRACT = "iptc:Caption-Abstract";
        IPTC_SPECIAL_INSTRUCTIONS = "iptc:SpecialInstructions";
        XMP_CC_LICENSE = "xmp:cc:license";
        XMP_CC_ATTRIBUTION_NAME = "xmp:cc:attributionName";
        XMP_CC_ATTRIBUTION_URL = "xmp:cc:attributionURL";
        XMP_CC_MORE_PERMISSIONS = "xmp:cc:morePermissions";
        XMP_RIGHTS_USAGE_TERMS = "xmp:xmpRights:UsageTerms";
        XMP_RIGHTS_WEB_STATEMENT = "xmp:xmpRights:WebStatement";
        XMP_RIGHTS_MARKED = "xmp:xmpRights:Marked";
        XMP_DC_RIGHTS = "xmp:dc:rights";
        XMP_DC_CREATOR = "xmp:dc:creator";
        XMP_DC_TITLE = "xmp:dc:title";
        XMP_DC_DESCRIPTION = "xmp:dc:description";
        XMP_DC_SOURCE = "xmp:dc:source";
        XMP_PHOTOSHOP_CREDIT = "xmp:photoshop:Credit";
        XMP_PHOTOSHOP_SOURCE = "xmp:photoshop:Source";
        XMP_PLUS_LICENSOR_URL = "xmp:plus:LicensorURL";
        XMP_IPTC_CORE_CREATOR_CONTACT_INFO = "xmp:Iptc4xmpCore:CreatorContactInfo";
        XMP_RIGHTS_OWNER = "xmp:xmpRights:Owner";
        XMP_DC_PUBLISHER = "xmp:dc:publisher";
        XMP_PHOTOSHOP_AUTHORS_POSITION = "xmp:photoshop:AuthorsPosition";
        XMP_PLUS_LICENSOR_NAME = "xmp:plus:LicensorName";
        XMP_PLUS_COPYRIGHT_OWNER_NAME = "xmp:plus:CopyrightOwnerName";
        XMP_PLUS_IMAGE_CREATOR_NAME = "xmp:plus:ImageCreatorName";
        /// IPTC 2023.1 "Data Mining": a PLUS `DMI-…` code or URI.
        XMP_PLUS_DATA_MINING = "xmp:plus:DataMining";
        /// IPTC 2023.1 "Other Constraints": the constraints a `DMI-PROHIBITED-SEECONSTRAINT`
        /// points to, in words.
        XMP_PLUS_OTHER_CONSTRAINTS = "xmp:plus:OtherConstraints";
        /// C2PA content credentials (the `c2pa` feature): the manifest store's validation
        /// state (`trusted`, `valid`, `untrusted`, `invalid: …`), read beside every other value.
        C2PA_VALIDATION = "c2pa:validation";
        /// A `c2pa.training-mining` / `cawg.training-mining` entry: `<entry>: <use>`.
        C2PA_TRAINING_MINING = "c2pa:training-mining";
        /// An action's IPTC digital source type (`…/trainedAlgorithmicMedia`: generative AI).
        C2PA_DIGITAL_SOURCE_TYPE = "c2pa:digitalSourceType";
        /// An author of the manifest's `stds.schema-org.CreativeWork` assertion.
        C2PA_AUTHOR = "c2pa:author";
        /// The issuer of the certificate that signed the manifest.
        C2PA_SIGNER = "c2pa:signer";
        PNG_AUTHOR = "png:Author";
        PNG_COPYRIGHT = "png:Copyright";
        PNG_DESCRIPTION = "png:Description";
        PNG_TITLE = "png:Title";
        PNG_SOURCE = "png:Source";
        PNG_COMMENT = "png:Comment";
        JPEG_COMMENT = "jpeg:Comment";
        GIF_COMMENT = "gif:Comment";
        HTTP_LINK_LICENSE = "http:link-license";
        /// W3C TDMRep (Final Community Group Report, 2024) as HTTP headers: `tdm-reservation`
        /// (`1` reserved, `0` not) and `tdm-policy` (the URL of a policy).
        HTTP_TDM_RESERVATION = "http:tdm-reservation";
        HTTP_TDM_POLICY = "http:tdm-policy";
        /// `X-Robots-Tag`: only its `noai` / `noimageai` values are kept (a convention).
        HTTP_X_ROBOTS_TAG = "http:x-robots-tag";
        /// TDMRep in a page's `<meta name="tdm-reservation">` and `<meta name="tdm-policy">`.
        HTML_META_TDM_RESERVATION = "html:meta-tdm-reservation";
        HTML_META_TDM_POLICY = "html:meta-tdm-policy";
        /// A page's `<meta name="robots">`: only its `noai` / `noimageai` values are kept.
        HTML_META_ROBOTS = "html:meta-robots";
        /// TDMRep's `/.well-known/tdmrep.json`: the rule whose `location` matches the path.
        TDMREP_RESERVATION = "tdmrep:tdm-reservation";
        TDMREP_POLICY = "tdmrep:tdm-policy";
        HTML_FIGCAPTION = "html:figcaption";
        HTML_ALT = "html:alt";
        HTML_TITLE = "html:title";
        /// The credit inside an image's `alt` or `title`, when it is written as one: a
        /// parenthesized "(AP Photo/Name)" or "(Photo: Name)", or the whole text "Photo: Name".
        HTML_ALT_CREDIT = "html:alt-credit";
        HTML_CREDIT = "html:credit";
        HTML_CAPTION = "html:caption";
        HTML_REL_LICENSE = "html:rel-license";
        /// A paragraph right before or after the image that reads like a credit line.
        HTML_NEARBY_CREDIT = "html:nearby-credit";
        /// Text right before or after the image that does not start like a credit: a credit
        /// only when it names a license or a rights statement (decided in `credit::page`).
        HTML_NEARBY_TEXT = "html:nearby-text";
        /// A caption (an element marked `caption`) that holds no credit label: a credit only
        /// when it names a license or a rights statement, like `html:nearby-text`.
        HTML_CAPTION_TEXT = "html:caption-text";
        /// A link inside a caption or credit next to an image: the license when it is a license
        /// URL, else the source (decided in `credit::page`).
        HTML_CREDIT_LINK = "html:credit-link";
        RDFA_ATTRIBUTION_NAME = "rdfa:cc:attributionName";
        RDFA_TITLE = "rdfa:dct:title";
        RDFA_LICENSE = "rdfa:xhv:license";
        JSONLD_LICENSE = "jsonld:license";
        JSONLD_CREATOR = "jsonld:creator";
        JSONLD_CREDIT_TEXT = "jsonld:creditText";
        JSONLD_COPYRIGHT_NOTICE = "jsonld:copyrightNotice";
        JSONLD_ACQUIRE_LICENSE_PAGE = "jsonld:acquireLicensePage";
        JSONLD_COPYRIGHT_HOLDER = "jsonld:copyrightHolder";
        MICRODATA_LICENSE = "microdata:license";
        MICRODATA_CREATOR = "microdata:creator";
        MICRODATA_CREDIT_TEXT = "microdata:creditText";
        MICRODATA_COPYRIGHT_NOTICE = "microdata:copyrightNotice";
        MICRODATA_COPYRIGHT_HOLDER = "microdata:copyrightHolder";
        MICRODATA_ACQUIRE_LICENSE_PAGE = "microdata:acquireLicensePage";
        /// Wikimedia Commons' `extmetadata` fields (MediaWiki API `imageinfo`).
        COMMONS_ARTIST = "commons:Artist";
        COMMONS_LICENSE_SHORT_NAME = "commons:LicenseShortName";
        COMMONS_LICENSE_URL = "commons:LicenseUrl";
        COMMONS_USAGE_TERMS = "commons:UsageTerms";
        COMMONS_OBJECT_NAME = "commons:ObjectName";
        COMMONS_CREDIT = "commons:Credit";
        COMMONS_ATTRIBUTION_REQUIRED = "commons:AttributionRequired";
        COMMONS_DESCRIPTION_URL = "commons:descriptionurl";
        /// A MediaWiki file page read from its HTML: the file information table's author and
        /// source rows, and the machine-readable license templates.
        MEDIAWIKI_AUTHOR = "mediawiki:author";
        MEDIAWIKI_SOURCE = "mediawiki:source";
        MEDIAWIKI_LICENSE_SHORT = "mediawiki:licensetpl_short";
        MEDIAWIKI_LICENSE_LINK = "mediawiki:licensetpl_link";
        MEDIAWIKI_ATTRIBUTION = "mediawiki:licensetpl_attr";
        /// A Flickr photo page read from its HTML: the owner's name and the license area.
        FLICKR_OWNER = "flickr:owner";
        FLICKR_LICENSE = "flickr:license";
        /// An oEmbed answer (Flickr).
        OEMBED_AUTHOR_NAME = "oembed:author_name";
        OEMBED_LICENSE = "oembed:license";
        OEMBED_LICENSE_URL = "oembed:license_url";
        OEMBED_TITLE = "oembed:title";
        OEMBED_WEB_PAGE = "oembed:web_page";
        MARKDOWN_CAPTION = "markdown:caption";
        MARKDOWN_ALT = "markdown:alt";
        MARKDOWN_TITLE = "markdown:title";
        /// A link in the caption of an image that is not a license: the source, or the author's page.
        MARKDOWN_LINK = "markdown:link";
        /// A link to a license in the caption of an image.
        MARKDOWN_LICENSE_LINK = "markdown:license-link";
        /// A link in an HTML figure caption that is not a license.
        HTML_LINK = "html:link";
        FRONTMATTER_CREDIT = "frontmatter:credit";
        FRONTMATTER_LICENSE = "frontmatter:license";
        FRONTMATTER_AUTHOR = "frontmatter:author";
        REUSE_LICENSE = "reuse:license";
        REUSE_COPYRIGHT = "reuse:copyright";
        SIDECAR_XMP = "sidecar:xmp";
        TEXT_CREDIT_LINE = "text:credit-line";
    }
}

/// One statement from one source, verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Evidence {
    pub origin: Origin,
    pub value: String,
    /// Where it was read when that is not the target itself: an XMP sidecar, a REUSE file, the
    /// document that shows the image (`photo.xmp`, `content/post.md:12`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

impl Evidence {
    pub fn new(origin: Origin, value: impl Into<String>) -> Evidence {
        Evidence {
            origin,
            value: value.into(),
            location: None,
        }
    }
}

impl Evidence {
    /// The same evidence, read at `location`.
    pub fn at(mut self, location: impl Into<String>) -> Evidence {
        self.location = Some(location.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_family_colon_name_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for o in origin::ALL {
            assert!(o.as_str().contains(':'), "{o}");
            assert!(seen.insert(o.as_str()), "duplicate origin {o}");
        }
        assert_eq!(origin::XMP_CC_LICENSE.family(), "xmp");
    }
}
