//! Writes the base images and the hand-crafted fixtures of `tests/fixtures/images/`.
//!
//! Run by `tests/fixtures/images/make.sh`, which then adds metadata to the base images with
//! exiftool. Everything here is built byte by byte so that each fixture says exactly what it
//! tests: containers exiftool cannot create (HEIF, AVIF, JPEG XL), and broken files.
//!
//! usage: cargo run --example make_fixtures -- OUT_DIR

use std::fs;
use std::io::Cursor;
use std::path::Path;

use image::{ImageFormat, Rgb, RgbImage};

fn main() {
    let out = std::env::args()
        .nth(1)
        .expect("usage: make_fixtures OUT_DIR");
    let out = Path::new(&out);
    fs::create_dir_all(out.join("base")).expect("create dir");
    let w = |name: &str, bytes: &[u8]| fs::write(out.join(name), bytes).expect("write fixture");

    // Base images, 8x8 pixels, no metadata: exiftool writes into these.
    let img = RgbImage::from_fn(8, 8, |x, y| Rgb([(x * 32) as u8, (y * 32) as u8, 128]));
    for (name, format) in [
        ("base/base.jpg", ImageFormat::Jpeg),
        ("base/base.png", ImageFormat::Png),
        ("base/base.tif", ImageFormat::Tiff),
        ("base/base.webp", ImageFormat::WebP),
        ("base/base.gif", ImageFormat::Gif),
    ] {
        let mut buf = Cursor::new(Vec::new());
        img.write_to(&mut buf, format).expect("encode base image");
        w(name, buf.get_ref());
    }
    let jpeg = fs::read(out.join("base/base.jpg")).expect("base jpeg");
    let png = fs::read(out.join("base/base.png")).expect("base png");

    let tiff = exif_tiff(&[(315, "Crafted Artist"), (33432, "Crafted Copyright")]);
    let xmp = xmp_packet(
        r#"<rdf:Description rdf:about="" xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" cc:attributionName="Crafted Name">
 <cc:license rdf:resource="https://creativecommons.org/licenses/by/4.0/"/>
 <dc:creator><rdf:Seq><rdf:li>Crafted Creator</rdf:li></rdf:Seq></dc:creator>
</rdf:Description>"#,
    );

    // WebP (extended format): VP8X with the EXIF and XMP flags, the base image, EXIF, XMP.
    let webp = fs::read(out.join("base/base.webp")).expect("base webp");
    let mut body = b"WEBP".to_vec();
    let mut vp8x = vec![0x08 | 0x04, 0, 0, 0]; // EXIF and XMP present
    vp8x.extend([7, 0, 0, 7, 0, 0]); // canvas 8x8, stored minus one
    body.extend(riff_chunk(b"VP8X", &vp8x));
    body.extend(&webp[12..]); // the base file's image chunk
    body.extend(riff_chunk(b"EXIF", &tiff));
    body.extend(riff_chunk(b"XMP ", xmp.as_bytes()));
    let mut riff = b"RIFF".to_vec();
    riff.extend((body.len() as u32).to_le_bytes());
    riff.extend(body);
    w("exif-xmp.webp", &riff);

    // HEIF and AVIF: ftyp, meta (hdlr, iinf with an Exif and an XMP item, iloc), mdat.
    w("exif-xmp.heic", &heif(b"heic", &tiff, xmp.as_bytes()));
    w("exif-xmp.avif", &heif(b"avif", &tiff, xmp.as_bytes()));
    // JPEG XL container with Exif and xml boxes (the codestream box holds junk: never read).
    let mut jxl = b"\0\0\0\x0cJXL \r\n\x87\n".to_vec();
    jxl.extend(bx(b"ftyp", b"jxl \0\0\0\0jxl "));
    let mut exif_box = 0u32.to_be_bytes().to_vec();
    exif_box.extend(&tiff);
    jxl.extend(bx(b"Exif", &exif_box));
    jxl.extend(bx(b"xml ", xmp.as_bytes()));
    jxl.extend(bx(b"jxlc", b"\xff\x0a not a real codestream"));
    w("exif-xmp.jxl", &jxl);

    // JPEG with Extended XMP: the main packet names the GUID, the extension comes in 2 chunks.
    let ext = xmp_packet(
        r#"<rdf:Description rdf:about="" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmpRights:WebStatement="https://example.org/extended-statement"/>"#,
    );
    let guid = "0123456789ABCDEF0123456789ABCDEF";
    let main = xmp_packet(&format!(
        r#"<rdf:Description rdf:about="" xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmpNote:HasExtendedXMP="{guid}"><dc:source>Main packet</dc:source></rdf:Description>"#
    ));
    let mut segments = vec![app(
        0xE1,
        b"http://ns.adobe.com/xap/1.0/\0",
        main.as_bytes(),
    )];
    let half = ext.len() / 2;
    for (offset, chunk) in [
        (0, &ext.as_bytes()[..half]),
        (half, &ext.as_bytes()[half..]),
    ] {
        let mut body = guid.as_bytes().to_vec();
        body.extend((ext.len() as u32).to_be_bytes());
        body.extend((offset as u32).to_be_bytes());
        body.extend(chunk);
        segments.push(app(0xE1, b"http://ns.adobe.com/xmp/extension/\0", &body));
    }
    w("extended-xmp.jpg", &jpeg_with(&jpeg, &segments));

    // Broken: an Extended XMP chunk claiming 60 MB, in a 2 KB file.
    let mut body = guid.as_bytes().to_vec();
    body.extend(60_000_000u32.to_be_bytes());
    body.extend(0u32.to_be_bytes());
    body.extend(b"<x:xmpmeta");
    let claim = jpeg_with(
        &jpeg,
        &[
            app(0xE1, b"http://ns.adobe.com/xap/1.0/\0", main.as_bytes()),
            app(0xE1, b"http://ns.adobe.com/xmp/extension/\0", &body),
        ],
    );
    w("broken-60mb-extended-xmp-claim.jpg", &claim);

    // Broken: a PNG iTXt chunk whose length says 60 MB (file: a few hundred bytes).
    let mut p = png[..33].to_vec(); // signature + IHDR
    p.extend(62_914_560u32.to_be_bytes());
    p.extend(b"iTXtXML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>");
    w("broken-60mb-xmp-claim.png", &p);

    // Broken: IPTC that declares UTF-8 (1:90 ESC % G) but holds Latin-1 bytes.
    let mut iim = dataset(1, 90, b"\x1b%G");
    iim.extend(dataset(2, 80, b"Jos\xe9 Lat\xedn"));
    w(
        "broken-iptc-bad-charset.jpg",
        &jpeg_with(&jpeg, &[app(0xED, b"Photoshop 3.0\0", &irb(0x0404, &iim))]),
    );

    // IPTC without a declared character set, in Windows-1252 (© is 0xA9).
    let mut iim = dataset(2, 116, b"\xa9 2024 Jos\xe9 Fotograf");
    iim.extend(dataset(2, 80, b"Jos\xe9 Fotograf"));
    w(
        "iptc-undeclared-cp1252.jpg",
        &jpeg_with(&jpeg, &[app(0xED, b"Photoshop 3.0\0", &irb(0x0404, &iim))]),
    );

    // Broken: an IPTC dataset whose length runs past its resource (lying length).
    let mut iim = dataset(2, 110, b"Good Credit");
    iim.extend([0x1C, 2, 116, 0x7F, 0xFF]);
    iim.extend(b"short");
    w(
        "broken-iptc-lying-length.jpg",
        &jpeg_with(&jpeg, &[app(0xED, b"Photoshop 3.0\0", &irb(0x0404, &iim))]),
    );

    // Broken: XMP nested 1,000 elements deep (the rights field sits before the nesting).
    let deep = xmp_packet(&format!(
        r#"<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" dc:source="Before the nesting"/><rdf:Description rdf:about="">{}{}</rdf:Description>"#,
        "<a>".repeat(1000),
        "</a>".repeat(1000)
    ));
    w(
        "broken-deep-xmp.jpg",
        &jpeg_with(
            &jpeg,
            &[app(
                0xE1,
                b"http://ns.adobe.com/xap/1.0/\0",
                deep.as_bytes(),
            )],
        ),
    );

    // Broken: a TIFF whose Artist value points past the end of the file.
    let mut t = exif_tiff(&[
        (315, "An artist whose name is long enough"),
        (33432, "Fine"),
    ]);
    let artist_offset_at = 8 + 2 + 8; // IFD0 entry 0, value field
    t[artist_offset_at..artist_offset_at + 4].copy_from_slice(&100_000u32.to_le_bytes());
    w("broken-tiff-offset-past-end.tif", &t);

    // Broken: a text file named .jpg.
    w(
        "broken-text-named.jpg",
        b"This is a text file, not a JPEG.\n",
    );
}

/// A TIFF (little-endian) with IFD0 holding the given ASCII tags; as EXIF data it is what
/// follows "Exif\0\0" in a JPEG.
fn exif_tiff(tags: &[(u16, &str)]) -> Vec<u8> {
    let mut t = b"II*\0\x08\0\0\0".to_vec();
    let n = tags.len();
    let mut values_at = 8 + 2 + n * 12 + 4;
    let mut values = Vec::new();
    t.extend((n as u16).to_le_bytes());
    for &(tag, text) in tags {
        let mut v = text.as_bytes().to_vec();
        v.push(0);
        t.extend(tag.to_le_bytes());
        t.extend(2u16.to_le_bytes());
        t.extend((v.len() as u32).to_le_bytes());
        if v.len() <= 4 {
            v.resize(4, 0);
            t.extend(&v);
        } else {
            t.extend((values_at as u32).to_le_bytes());
            values_at += v.len();
            values.extend(v);
        }
    }
    t.extend(0u32.to_le_bytes());
    t.extend(values);
    t
}

fn xmp_packet(description: &str) -> String {
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n{description}\n</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>"
    )
}

/// A JPEG APPn segment: marker, length, identifier, body.
fn app(marker: u8, id: &[u8], body: &[u8]) -> Vec<u8> {
    let len = 2 + id.len() + body.len();
    assert!(len <= 0xFFFF, "segment too long");
    let mut s = vec![0xFF, marker];
    s.extend((len as u16).to_be_bytes());
    s.extend(id);
    s.extend(body);
    s
}

/// The JPEG with `segments` inserted after SOI.
fn jpeg_with(jpeg: &[u8], segments: &[Vec<u8>]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    for s in segments {
        out.extend(s);
    }
    out.extend(&jpeg[2..]);
    out
}

fn dataset(record: u8, number: u8, data: &[u8]) -> Vec<u8> {
    let mut d = vec![0x1C, record, number];
    d.extend((data.len() as u16).to_be_bytes());
    d.extend(data);
    d
}

/// One Photoshop image resource with an empty name.
fn irb(id: u16, data: &[u8]) -> Vec<u8> {
    let mut r = b"8BIM".to_vec();
    r.extend(id.to_be_bytes());
    r.extend([0, 0]);
    r.extend((data.len() as u32).to_be_bytes());
    r.extend(data);
    if data.len() % 2 == 1 {
        r.push(0);
    }
    r
}

/// A RIFF chunk, padded to an even size.
fn riff_chunk(fourcc: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = fourcc.to_vec();
    c.extend((data.len() as u32).to_le_bytes());
    c.extend(data);
    if data.len() % 2 == 1 {
        c.push(0);
    }
    c
}

/// An ISOBMFF box.
fn bx(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    b.extend(kind);
    b.extend(body);
    b
}

/// A full box (version 0 unless given, flags 0).
fn full(kind: &[u8; 4], version: u8, body: &[u8]) -> Vec<u8> {
    let mut b = vec![version, 0, 0, 0];
    b.extend(body);
    bx(kind, &b)
}

/// A HEIF file whose item 1 is Exif and item 2 is XMP, both stored in `mdat`.
fn heif(brand: &[u8; 4], tiff: &[u8], xmp: &[u8]) -> Vec<u8> {
    let mut ftyp = brand.to_vec();
    ftyp.extend(0u32.to_be_bytes());
    ftyp.extend(b"mif1");
    ftyp.extend(brand);
    let ftyp = bx(b"ftyp", &ftyp);

    let mut exif_item = 0u32.to_be_bytes().to_vec(); // offset to the TIFF header
    exif_item.extend(tiff);

    let mut infe_exif = 1u16.to_be_bytes().to_vec();
    infe_exif.extend([0, 0]);
    infe_exif.extend(b"Exif");
    infe_exif.extend(b"\0");
    let mut infe_xmp = 2u16.to_be_bytes().to_vec();
    infe_xmp.extend([0, 0]);
    infe_xmp.extend(b"mime");
    infe_xmp.extend(b"XMP\0application/rdf+xml\0");
    let mut iinf = 2u16.to_be_bytes().to_vec();
    iinf.extend(full(b"infe", 2, &infe_exif));
    iinf.extend(full(b"infe", 2, &infe_xmp));
    let iinf = full(b"iinf", 0, &iinf);
    let hdlr = full(b"hdlr", 0, b"\0\0\0\0pict\0\0\0\0\0\0\0\0\0\0\0\0\0");

    // iloc v0: offset_size 4, length_size 4, base_offset_size 0; offsets filled in below.
    let iloc_len = 8 + 4 + 2 + 2 + 2 * (2 + 2 + 2 + 4 + 4);
    let meta_len = 8 + 4 + hdlr.len() + iinf.len() + iloc_len;
    let mdat_data = ftyp.len() + meta_len + 8;
    let mut iloc = vec![0x44, 0x00];
    iloc.extend(2u16.to_be_bytes());
    for (id, offset, len) in [
        (1u16, mdat_data, exif_item.len()),
        (2u16, mdat_data + exif_item.len(), xmp.len()),
    ] {
        iloc.extend(id.to_be_bytes());
        iloc.extend(0u16.to_be_bytes()); // data reference index
        iloc.extend(1u16.to_be_bytes()); // extent count
        iloc.extend((offset as u32).to_be_bytes());
        iloc.extend((len as u32).to_be_bytes());
    }
    let iloc = full(b"iloc", 0, &iloc);
    assert_eq!(iloc.len(), iloc_len);
    let mut meta = hdlr;
    meta.extend(iinf);
    meta.extend(iloc);
    let meta = full(b"meta", 0, &meta);
    assert_eq!(meta.len(), meta_len);

    let mut mdat = exif_item;
    mdat.extend(xmp);
    let mut out = ftyp;
    out.extend(meta);
    out.extend(bx(b"mdat", &mdat));
    out
}
