//! Crafted inputs that once made licit hang or eat gigabytes (issue 12), written at a size that
//! shows the fault (kilobytes, not gigabytes). Used by `tests/it/hardening.rs` and, through its
//! ignored `write_hostile_inputs` test, by `scripts/hostile-inputs.sh`.

#![allow(dead_code)]

/// A standalone XMP packet whose one `rdf:Description` has `n` attributes (class 1: an XML
/// parser's duplicate-attribute check is quadratic; 80,000 attributes are 869 KB).
pub fn xmp_many_attributes(n: usize) -> Vec<u8> {
    let mut s = String::from(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:source="S""#,
    );
    for i in 0..n {
        s.push_str(&format!(" a{i}=\"v\""));
    }
    s.push_str(r#"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#);
    s.into_bytes()
}

/// A TIFF block (little-endian) whose IFD0 has `entries` ASCII entries with tags from `tag`
/// upwards (or all `tag` when `same_tag`), each claiming the `run` NUL bytes that follow.
pub fn tiff_ascii_entries(entries: u16, tag: u16, same_tag: bool, run: u32) -> Vec<u8> {
    let table_end = 8 + 2 + u32::from(entries) * 12 + 4;
    let mut t = b"II*\0\x08\0\0\0".to_vec();
    t.extend_from_slice(&entries.to_le_bytes());
    for i in 0..entries {
        let tag = if same_tag { tag } else { tag.wrapping_add(i) };
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&2u16.to_le_bytes());
        t.extend_from_slice(&run.to_le_bytes());
        t.extend_from_slice(&table_end.to_le_bytes());
    }
    t.extend_from_slice(&[0; 4]);
    t.resize(t.len() + run as usize, 0);
    t
}

/// A JPEG whose APP1 Exif segment is [`tiff_ascii_entries`] (class 2: 25 KB → 312 MB once).
pub fn jpeg_exif_ascii_amplifier(entries: u16, run: u32) -> Vec<u8> {
    jpeg_with_app1(
        &[
            b"Exif\0\0".as_slice(),
            &tiff_ascii_entries(entries, 0x1000, false, run),
        ]
        .concat(),
    )
}

/// A JPEG with one APP1 segment holding `payload` (at most 65,533 bytes).
pub fn jpeg_with_app1(payload: &[u8]) -> Vec<u8> {
    let mut j = b"\xff\xd8".to_vec();
    j.extend_from_slice(b"\xff\xe1");
    j.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    j.extend_from_slice(payload);
    j.extend_from_slice(b"\xff\xd9");
    j
}

/// A JPEG whose EXIF Artist names `n` people, `Name1; Name2; …` (class 6: author
/// de-duplication was quadratic).
pub fn jpeg_artist_names(n: usize) -> Vec<u8> {
    let names: Vec<String> = (0..n).map(|i| format!("N{i}")).collect();
    let artist = names.join(";");
    let mut value = artist.into_bytes();
    value.push(0);
    let mut t = b"II*\0\x08\0\0\0\x01\0".to_vec();
    t.extend_from_slice(&315u16.to_le_bytes());
    t.extend_from_slice(&2u16.to_le_bytes());
    t.extend_from_slice(&(value.len() as u32).to_le_bytes());
    t.extend_from_slice(&26u32.to_le_bytes());
    t.extend_from_slice(&[0; 4]);
    t.extend_from_slice(&value);
    jpeg_with_app1(&[b"Exif\0\0".as_slice(), &t].concat())
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    // The CRC is not checked by licit; zeros keep the generator small.
    c.extend_from_slice(&[0; 4]);
    c
}

/// A PNG with `chunks` zTXt chunks, each inflating to `inflated` bytes of `fill` (class 3: 64
/// chunks just under the 16 MiB cap were 1.1 GB; class 5: one Copyright of 16 MiB).
pub fn png_ztxt(chunks: usize, inflated: usize, keyword: &str, fill: u8) -> Vec<u8> {
    let text = vec![fill; inflated];
    let z = miniz_oxide::deflate::compress_to_vec_zlib(&text, 9);
    let mut data = keyword.as_bytes().to_vec();
    data.extend_from_slice(&[0, 0]);
    data.extend_from_slice(&z);
    let mut p = b"\x89PNG\r\n\x1a\n".to_vec();
    let ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0];
    p.extend(png_chunk(b"IHDR", &ihdr));
    for _ in 0..chunks {
        p.extend(png_chunk(b"zTXt", &data));
    }
    p.extend(png_chunk(b"IEND", &[]));
    p
}

fn bx(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    b.extend_from_slice(kind);
    b.extend_from_slice(body);
    b
}

/// A HEIF file with `items` XMP items that all point at one XMP packet of `xmp_len` bytes
/// (class 4: 1,000 items sharing a 1 MB extent were 990 MB).
pub fn heif_shared_xmp(items: u16, xmp_len: usize) -> Vec<u8> {
    let ftyp = bx(b"ftyp", b"heic\0\0\0\0mif1heic");
    let mut infe_all = Vec::new();
    for id in 1..=items {
        let mut infe = vec![2, 0, 0, 0];
        infe.extend_from_slice(&id.to_be_bytes());
        infe.extend_from_slice(&[0, 0]);
        infe.extend_from_slice(b"mime");
        infe.extend_from_slice(b"XMP\0application/rdf+xml\0");
        infe_all.extend(bx(b"infe", &infe));
    }
    let mut iinf = vec![0, 0, 0, 0];
    iinf.extend_from_slice(&items.to_be_bytes());
    iinf.extend(infe_all);
    let iinf = bx(b"iinf", &iinf);
    // iloc version 0, offset and length 4 bytes, no base offset; the offset is patched below.
    let iloc_len = 8 + 4 + 2 + 2 + usize::from(items) * (2 + 2 + 2 + 8);
    let meta_len = 8 + 4 + iinf.len() + iloc_len;
    let mdat_data_at = (ftyp.len() + meta_len + 8) as u32;
    let mut iloc = vec![0, 0, 0, 0, 0x44, 0x00];
    iloc.extend_from_slice(&items.to_be_bytes());
    for id in 1..=items {
        iloc.extend_from_slice(&id.to_be_bytes());
        iloc.extend_from_slice(&[0, 0, 0, 1]);
        iloc.extend_from_slice(&mdat_data_at.to_be_bytes());
        iloc.extend_from_slice(&(xmp_len as u32).to_be_bytes());
    }
    let iloc = bx(b"iloc", &iloc);
    let mut meta = vec![0, 0, 0, 0];
    meta.extend(iinf);
    meta.extend(iloc);
    let meta = bx(b"meta", &meta);
    let mut xmp = br#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:source="S"/></rdf:RDF></x:xmpmeta>"#.to_vec();
    xmp.resize(xmp_len, b' ');
    let mut f = ftyp;
    f.extend(meta);
    f.extend(bx(b"mdat", &xmp));
    f
}

/// One Markdown line with `n` image references (class 7: every image took the whole paragraph
/// as caption; 1,456 references on a 64 KB line were 23 s and 1.1 GB).
pub fn markdown_image_line(n: usize) -> String {
    let mut s = String::from("Photos by Jane Doe, CC BY 4.0: ");
    for i in 0..n {
        s.push_str(&format!(
            "![photo {i} of the harbour](img/photo-{i:05}.jpg) "
        ));
    }
    s.push('\n');
    s
}

/// Markdown with `n` captioned references to one image (class 6's Markdown form).
pub fn markdown_captioned_references(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!("![a](a.jpg)\n*Photo: Person {i}, CC BY 4.0*\n\n"));
    }
    s
}

/// YAML front matter nesting `depth` flow sequences (`x: [[[…]]]`) (class 8).
pub fn front_matter_flow(depth: usize) -> String {
    format!(
        "---\nx: {}{}\n---\nbody\n",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

/// YAML front matter nesting `depth` flow maps (`{a: {a: …}}`) (class 8).
pub fn front_matter_maps(depth: usize) -> String {
    format!(
        "---\nx: {}1{}\n---\nbody\n",
        "{a: ".repeat(depth),
        "}".repeat(depth)
    )
}

/// YAML front matter nesting `depth` block sequences on one line (`- - - … x`).
pub fn front_matter_dashes(depth: usize) -> String {
    format!("---\nx:\n  {}x\n---\nbody\n", "- ".repeat(depth))
}

/// An HTML page with `depth` nested `<div>`s around one image (class 9).
pub fn html_nested_divs(depth: usize) -> String {
    format!(
        "<!doctype html><html><body>{}<img src=\"a.jpg\" alt=\"a\">{}</body></html>\n",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// An HTML page in Shift_JIS (declared by `<meta charset>`) with a credit under an image.
pub fn html_shift_jis() -> Vec<u8> {
    let mut p = b"<!doctype html><html><head><meta charset=\"Shift_JIS\"><title>".to_vec();
    // "写真" (photo) in Shift_JIS.
    p.extend_from_slice(b"\x8e\xca\x90\x5e");
    p.extend_from_slice(b"</title></head><body><figure><img src=\"a.jpg\"><figcaption>");
    p.extend_from_slice(b"\x8e\xca\x90\x5e: Jane Doe, CC BY 4.0");
    p.extend_from_slice(b"</figcaption></figure></body></html>\n");
    p
}

/// One line of `len` bytes of prose for the license scan (class 5).
pub fn long_line(len: usize) -> String {
    let unit = "by the sea CC and by BY ";
    let mut s = unit.repeat(len / unit.len() + 1);
    s.truncate(len);
    s.push('\n');
    s
}
