//! TIFF and TIFF-based raw files (DNG): IFD0 and its Exif IFD, read in place.
//!
//! The IFD reader of [`super::exif`] works on the windowed input, so only the IFD tables and the
//! values of the tags licit reads are fetched; strips, tiles and the thumbnail IFD never are, and
//! nothing the size of the file is allocated (a DNG's pixels can be 50 MB).

use super::input::Input;
use super::{Found, exif, iptc, xmp};

pub(crate) fn read(input: &mut Input<'_>, found: &mut Found) {
    let embedded = exif::read_input(input, 0, found);
    if let Some(x) = embedded.xmp {
        xmp::read(&x, 0, found);
    }
    if let Some(i) = embedded.iptc {
        // Usually IIM; some writers store a Photoshop IRB there.
        if i.starts_with(b"8BIM") {
            iptc::read_irb(&i, 0, found);
        } else {
            iptc::read_iim(&i, 0, found);
        }
    }
}
