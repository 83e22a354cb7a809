//! Names of the standards, defined once for the readers here and for the writer in
//! `crate::stamp`: XMP namespace URIs, EXIF and TIFF tag numbers and field types, the
//! Photoshop resource that holds IPTC IIM.

/// XMP namespace URIs (properties are matched by these, whatever prefix a file uses).
pub mod ns {
    pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    pub const XML: &str = "http://www.w3.org/XML/1998/namespace";
    /// The `x:xmpmeta` wrapper.
    pub const X: &str = "adobe:ns:meta/";
    pub const CC: &str = "http://creativecommons.org/ns#";
    pub const DC: &str = "http://purl.org/dc/elements/1.1/";
    pub const XMP_RIGHTS: &str = "http://ns.adobe.com/xap/1.0/rights/";
    pub const PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
    pub const PLUS: &str = "http://ns.useplus.org/ldf/xmp/1.0/";
    pub const XMP_NOTE: &str = "http://ns.adobe.com/xmp/note/";
}

/// The PLUS License Data Format's Data Mining vocabulary (IPTC Photo Metadata Standard 2023.1,
/// property "Data Mining", XMP `plus:DataMining`, with "Other Constraints",
/// `plus:OtherConstraints`; the CV is at `http://ns.useplus.org/ldf/vocab/` and IPTC's
/// announcement of 2023-10 lists it:
/// <https://iptc.org/news/exclude-images-from-generative-ai-iptc-photo-metadata-standard-2023-1/>,
/// the standard at <https://iptc.org/std/photometadata/specification/IPTC-PhotoMetadata#data-mining>).
/// Writers put the full URI or only the code, as a literal or as `rdf:resource`.
pub mod dmi {
    /// The namespace of the PLUS controlled vocabularies; a value is this plus a code below.
    pub const VOCAB: &str = "http://ns.useplus.org/ldf/vocab/";
    pub const UNSPECIFIED: &str = "DMI-UNSPECIFIED";
    pub const ALLOWED: &str = "DMI-ALLOWED";
    pub const PROHIBITED_AI_ML_TRAINING: &str = "DMI-PROHIBITED-AIMLTRAINING";
    pub const PROHIBITED_GEN_AI_ML_TRAINING: &str = "DMI-PROHIBITED-GENAIMLTRAINING";
    pub const PROHIBITED_EXCEPT_SEARCH_ENGINE_INDEXING: &str =
        "DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING";
    pub const PROHIBITED: &str = "DMI-PROHIBITED";
    pub const PROHIBITED_SEE_CONSTRAINT: &str = "DMI-PROHIBITED-SEECONSTRAINT";
    pub const PROHIBITED_SEE_EMBEDDED: &str = "DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR";
    pub const PROHIBITED_SEE_LINKED: &str = "DMI-PROHIBITED-SEELINKEDRIGHTSEXPR";
    /// Every code, in the order of the standard's table.
    pub const ALL: [&str; 9] = [
        UNSPECIFIED,
        ALLOWED,
        PROHIBITED_AI_ML_TRAINING,
        PROHIBITED_GEN_AI_ML_TRAINING,
        PROHIBITED_EXCEPT_SEARCH_ENGINE_INDEXING,
        PROHIBITED,
        PROHIBITED_SEE_CONSTRAINT,
        PROHIBITED_SEE_EMBEDDED,
        PROHIBITED_SEE_LINKED,
    ];
}

/// EXIF tag numbers (EXIF 2.32, tables 4 and 7) and TIFF field types.
pub mod exif {
    pub const IMAGE_DESCRIPTION: u16 = 0x010E;
    pub const ARTIST: u16 = 0x013B;
    pub const COPYRIGHT: u16 = 0x8298;
    /// Windows' UTF-16LE fields (IFD0, BYTE type).
    pub const XP_TITLE: u16 = 0x9C9B;
    pub const XP_COMMENT: u16 = 0x9C9C;
    pub const XP_AUTHOR: u16 = 0x9C9D;
    /// In the Exif IFD.
    pub const USER_COMMENT: u16 = 0x9286;
    /// The pointer from IFD0 to the Exif IFD.
    pub const EXIF_IFD: u16 = 0x8769;
    /// TIFF field type 1: BYTE.
    pub const BYTE: u16 = 1;
    /// TIFF field type 2: ASCII, NUL-terminated.
    pub const ASCII: u16 = 2;
}

/// The Photoshop image resource (APP13 `8BIM`) that holds IPTC IIM.
pub const IRB_IPTC: u16 = 0x0404;
