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
