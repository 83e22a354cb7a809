//! Names that appear in credit lines but are not people: news and stock agencies, image
//! platforms, and boilerplate words ("Handout", "File", "Pool").
//!
//! The tables are lowercase; a name matches when a credit-line piece, lowercased, is the name,
//! the name followed by suffix words ("AP Photo", "Reuters Pictures", "AFP/File"), the name
//! glued to a suffix with a hyphen ("dpa-Bildfunk"), or the name followed by "for …" ("Getty
//! Images for Netflix").

use rustc_hash::FxHashMap;

use crate::license::agency::AGENCIES;
use std::sync::LazyLock;

/// What a non-person name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A news, photo or stock agency: it holds or licenses the rights, so it can be credited.
    Agency,
    /// A platform where the image was found; a source, never an author.
    Platform,
    /// A word that only describes the credit ("Handout", "File photo", "Unknown").
    Boilerplate,
}

/// A match of a piece against the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMatch {
    pub kind: Kind,
    /// Words of the piece the name covers: the name and the suffixes that belong to it, not
    /// "Photo" or "File" ("AP" of "AP Photo", "Getty Images Plus" whole).
    pub words: usize,
}

const PLATFORMS: &[&str] = &[
    "wikimedia commons",
    "ويكيميديا كومنز",
    "ويكيميديا",
    "wikimedia",
    "commons",
    "wikipedia",
    "wikipédia",
    "wikipedija",
    "википедия",
    // Commons in Russian, Ukrainian, Japanese and Chinese ("через Викисклад", "…経由").
    "викисклад",
    "вікісховище",
    "ウィキメディア・コモンズ",
    "ウィキメディア・コモンズ経由",
    "维基共享资源",
    "通过维基共享资源",
    "維基共享資源",
    "flickr",
    "flickr.com",
    "unsplash",
    "unsplash.com",
    "pexels",
    "pexels.com",
    "pixabay",
    "pixabay.com",
    "instagram",
    "twitter",
    "facebook",
    "youtube",
    "openverse",
    "imgur",
    "500px",
    "deviantart",
    "freepik",
    "canva",
    "stocksnap",
    "burst",
    "public domain pictures",
    "publicdomainpictures",
    "rawpixel",
    "the noun project",
    "noun project",
    "google",
    "google maps",
    "google street view",
    "pinterest",
    "tumblr",
    "tiktok",
    "x",
    // Social networks: a post is where a picture was found, not who made it.
    "truth social",
    "telegram",
    "bluesky",
    "threads",
    "weibo",
    "vk",
    "vkontakte",
    "reddit",
    "linkedin",
    "snapchat",
    "whatsapp",
    "mastodon",
];

const BOILERPLATE: &[&str] = &[
    // Czech "Foto: autorka" ("the author", feminine): says who, without a name.
    "autorka",
    "pool",
    "file",
    "file photo",
    // "Photo courtesy of the author": the writer of the text, unnamed.
    "the author",
    // "Cover photo by me", "photo by yours truly": the writer, unnamed.
    "me",
    "myself",
    "yours truly",
    // Japanese "image (picture)": an illustrative picture, credited to no one; Hebrew
    // "advertisement".
    "イメージ",
    "イメージ写真",
    // Vietnamese "archive (photo)": a file photo.
    "tư liệu",
    "ảnh tư liệu",
    // A license's element word left after its name was read ("Creative Commons Paternité
    // (CC-BY)"): French, German, Spanish, Italian, Dutch "Attribution".
    "paternité",
    "namensnennung",
    "reconocimiento",
    "atribución",
    "attribuzione",
    "naamsvermelding",
    // Japanese and Chinese "file photo" ("資料写真", "资料图片", "資料照片").
    "資料写真",
    "资料图片",
    "资料照片",
    "資料照片",
    "資料圖片",
    "פרסומת",
    // Arabic "archive picture", a file photo.
    "صورة أرشيفية",
    "أرشيفية",
    "archive",
    "archivo",
    "arquivo",
    "archivio",
    // "file picture" in Spanish, Portuguese, Italian and French.
    "imagen de archivo",
    "foto de archivo",
    "fotografía de archivo",
    "imagem de arquivo",
    "foto de arquivo",
    "foto d'archivio",
    "immagine d'archivio",
    "foto di archivio",
    "photo d'archives",
    "image d'archives",
    // "*MANDATORY CREDIT*" after the credit it asks for.
    "mandatory credit",
    // The Canadian Press writes it between asterisks: "*MANDATORY CREDIT*".
    "mandatory credit*",
    "archives photo",
    "archiv",
    "archivbild",
    "archivfoto",
    "symbolbild",
    "symbolfoto",
    "illustration",
    "photo illustration",
    "stock",
    "stock photo",
    // Stock sites' licence model written in the credit ("Jane Doe, Royalty free, Getty
    // Images").
    "royalty free",
    "royalty-free",
    "staff",
    "staff photo",
    "stringer",
    "freelance",
    "unknown",
    "unknown author",
    "unbekannt",
    "inconnu",
    "desconocido",
    "sconosciuto",
    "onbekend",
    "desconhecido",
    "anonymous",
    "anonym",
    "n/a",
    "various",
    "free",
    "public domain",
    "domaine public",
    "gemeinfrei",
    "dominio público",
    "dominio pubblico",
    "domínio público",
    "publiek domein",
    "unknown photographer",
    "photographer unknown",
    "author unknown",
    "own work",
    "eigenes werk",
    "travail personnel",
    "obra propia",
    "opera propria",
    "eigen werk",
    "trabalho próprio",
    "trabalho proprio",
    "trabajo propio",
    "praca własna",
    "obra do próprio",
    "obra própria",
    "投稿者自身による著作物",
    // Japanese "by", left after a URL: "…curid=5445374 による".
    "による",
    // A reproduction: a kind of credit, not a name (press-material words such as "handout"
    // and "courtesy" are in `words::PRESS_MATERIAL`, indexed as boilerplate too).
    "reprodução",
    "reproducao",
    "uncredited",
    "taken",
    // Page furniture that ends up in scraped captions.
    "vis mer",
    "visa mer",
    "more",
    "screenshot",
    "skjermdump",
    "screencap",
    "skjáskot",
    "skjermbilde",
    "skärmdump",
    "skærmbillede",
    "bildschirmfoto",
    "schermafbeelding",
    "screengrab",
    "screen grab",
    // Reuters' "/Files": a kind of credit, not a name.
    "files",
    // Japanese "pool photo".
    "代表撮影",
    // "Foto: Ilustrim" (Albanian), "Ilustración": an illustration, no name.
    "ilustrim",
    "ilustración",
    "ilustração",
    "ilustracja",
];

/// Words that may follow an agency name and still mean the agency.
const SUFFIXES: &[&str] = &[
    "photo",
    "photos",
    "foto",
    "fotos",
    "images",
    "pictures",
    "picture",
    "pool",
    "file",
    "archive",
    "archiv",
    "handout",
    "staff",
    "news",
    "wire",
    "stringer",
    "bildfunk",
    "zentralbild",
    "fotograf",
    "photographer",
    "creative",
    "editorial",
    "stock",
    "plus",
    "bilder",
    "europe",
    "pic",
    // Swedish TT's photo code: "Foto: Jane Doe / TT kod 10060".
    "kod",
    // Chinese "file (picture)": "视觉中国 资料", "中央社 資料照".
    "资料",
    "資料",
    "资料图",
    "資料照",
];

/// Suffixes that belong to the agency's name as credited ("Getty Images Plus", "dpa-Bildfunk");
/// the others ("Photo", "File") are cut from it.
const NAME_SUFFIXES: &[&str] = &[
    "plus",
    "europe",
    "news",
    "wire",
    "creative",
    "editorial",
    "images",
    "pictures",
];

/// Photo agencies credited in captions that the license scanner's agency table does not list
/// (it lists the agencies that hold rights in license text; these only appear as credits).
const PHOTO_AGENCIES: &[&str] = &[
    // Brazilian news photo agency ("NAME FRAMEPHOTO/ESTADÃO CONTEÚDO").
    "framephoto",
    // Celebrity photo agency.
    "grosbygroup",
    "grosby group",
    // Greek news photo agency.
    "fosphotos",
    // German photo agencies ("© Ministry / Photothek", "imago images/IPON").
    "photothek",
    "photothek.net",
    "ipon",
    // British photo agency.
    "i-images",
    // National Geographic's photo agency.
    "national geographic creative",
    // Japanese "AP通信" (Associated Press) and "共同通信" written as one word.
    "ap通信",
    // Xinhua's "新华社发" ("released by Xinhua"): the agency, not a person.
    "新华社发",
    "新華社發",
    // Stock and nature photo agencies.
    "bigstock",
    "stocksy",
    "pond5",
    "superstock",
    "age fotostock",
    "westend61",
    "masterfile",
    "robert harding",
    "nature picture library",
    "naturepl",
    "minden pictures",
    "science photo library",
    // National news agencies: Indonesia, Denmark, the Czech Republic, Bulgaria, Malaysia, India.
    "antara",
    "ritzau",
    "čtk",
    "ctk",
    "bta",
    "bernama",
    "pti",
    "ians",
    // Chinese picture agencies and China News Service.
    "视觉中国",
    "東方ic",
    "东方ic",
    "人民视觉",
    "中新社",
    // Italian, Croatian, Greek and Korean news photo agencies; Brazil's public news company.
    "contrasto",
    "pixsell",
    "intimenews",
    "news1",
    "뉴스1",
    "ebc",
    // Reuters, Kyodo and Jiji in Japanese, Xinhua in Chinese.
    "ロイター",
    "共同",
    "時事",
    "新華社",
    "新华社",
    // Aflo (Japan), the Vietnam News Agency, Global Look Press (Russia).
    "アフロ",
    "aflo",
    "ttxvn",
    "global look press",
    "globallookpress.com",
    // Rights societies that hold an artist's copyright: the holder's agent, not the maker.
    "artists rights society",
    "vg bild-kunst",
    "adagp",
    "dacs",
    "bildupphovsrätt",
    // Israel's Government Press Office.
    "לע\"מ",
    "לע''מ",
    // More news and photo agencies: Leemage, laif, Contact Press Images, Time Life Pictures,
    // Eurokinissi, PhotoPQR and MaxPPP, Fotobaires, Andina, dapd, KCNA, Alamy.
    "leemage",
    "laif",
    "contact press images",
    "time life pictures",
    "eurokinissi",
    "photopqr",
    "maxppp",
    "fotobaires",
    "andina",
    "dapd",
    "kcna",
    "alamy",
    // Reuters, AP and AFP in Hebrew.
    "רויטרס",
    "אי־פי",
    "אי-פי",
    "אי־אף־פי",
    "אי־אף־פ",
    // SOPA Images, LightRocket, VCG, China Sports, Costfoto, Flash90, Getty Images Bank (Korea),
    // Reuters in Korean.
    "sopa images",
    "lightrocket",
    "vcg",
    "chinasports",
    "costfoto",
    "flash90",
    "flash 90",
    "פלאש 90",
    "פלאש90",
    "게티이미지뱅크",
    "게티이미지코리아",
    "로이터",
    // West Asia News Agency.
    "wana",
    // Romanian and French news photo agencies.
    "inquam",
    "bestimage",
    // The Slovak news agency; stock agencies imageBROKER and plainpicture.
    "tasr",
    "imagebroker",
    "plainpicture",
    // Getty Images' and iStock's creative collection ("Jane Doe/E+, via Getty Images").
    "e+",
    // National news agencies of Bulgaria (in Cyrillic), Lithuania, Bosnia and Herzegovina,
    // Serbia, Romania and Nepal (RSS, in Devanagari); Croatian and Serbian photo agencies. (Not
    // the agencies whose names are everyday words in lowercase: Latvia's LETA is Slovenian
    // "year", Slovenia's STA a verb, Serbia's Beta and Pakistan's APP common words.)
    "бта",
    "bns",
    "elta",
    "fena",
    "fonet",
    "betaphoto",
    "mediafax",
    "mediafax foto",
    "रासस",
    "cropix",
    // AP, Reuters, AFP, PTI, ANI and IANS in Hindi.
    "एपी",
    "रॉयटर्स",
    "रायटर्स",
    "एएफपी",
    "पीटीआई",
    "एएनआई",
    "आईएएनएस",
    // Reuters, AFP, AP and Anadolu in Arabic.
    "رويترز",
    "فرانس برس",
    "أ ف ب",
    "أسوشيتد برس",
    "الأناضول",
    // Iranian news agencies, written in Latin letters.
    "irna",
    "isna",
    "tasnim",
    "mehr news",
    "fars news",
];

/// One table entry, split into words once.
struct Entry {
    words: Vec<&'static str>,
    kind: Kind,
}

/// Entries indexed by their first word, so that a lookup costs one hash, not a table walk.
static INDEX: LazyLock<FxHashMap<&'static str, Vec<Entry>>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, Vec<Entry>> = FxHashMap::default();
    for (kind, table) in [
        (Kind::Boilerplate, BOILERPLATE),
        // Press-material words ("handout", "courtesy", "zVg") are boilerplate too: one list,
        // kept where the rights rule reads it.
        (Kind::Boilerplate, crate::credit::words::PRESS_MATERIAL),
        (Kind::Boilerplate, crate::credit::words::SOCIAL_MEDIA),
        (Kind::Agency, AGENCIES),
        (Kind::Agency, PHOTO_AGENCIES),
        (Kind::Platform, PLATFORMS),
    ] {
        for name in table {
            let words: Vec<&'static str> = name.split(' ').collect();
            map.entry(words[0]).or_default().push(Entry { words, kind });
        }
    }
    map
});

/// For each first byte of a key of [`INDEX`], the bit `min(len, 63)` set for each length of
/// such a key: a word whose bit is not set is no key, without hashing it.
static KEY_SHAPES: LazyLock<[u64; 256]> = LazyLock::new(|| {
    let mut t = [0u64; 256];
    for k in INDEX.keys() {
        match k.as_bytes().first() {
            Some(&b) => t[usize::from(b)] |= 1 << k.len().min(63),
            // An empty key would match an empty word only.
            None => t.iter_mut().for_each(|x| *x |= 1),
        }
    }
    t
});

/// Whether a run of words that starts with this lowercase word can be in the tables at all: a
/// hash lookup that lets callers skip collecting the words of the many clauses that cannot.
pub fn may_start(first: &str) -> bool {
    // Bytes, not a search for chars, and the shape of the keys before the hash: this runs for
    // most runs of words of a line (a profile of the credit bench).
    if first.bytes().any(|b| b == b'-' || b == b'.') {
        return true;
    }
    let shape = first
        .as_bytes()
        .first()
        .map_or(1, |&b| KEY_SHAPES[usize::from(b)]);
    shape & (1 << first.len().min(63)) != 0 && INDEX.contains_key(first)
}

/// Matches lowercase words (`["ap", "photo"]`) against the tables. Boilerplate wins over
/// agencies, agencies over platforms; within a kind, the longest name.
pub fn classify(words: &[&str]) -> Option<NameMatch> {
    let first = *words.first()?;
    let mut best: Option<NameMatch> = None;
    let mut consider = |m: NameMatch| {
        let rank = |k: Kind| match k {
            Kind::Boilerplate => 2,
            Kind::Agency => 1,
            Kind::Platform => 0,
        };
        if best.is_none_or(|b| (rank(m.kind), m.words) > (rank(b.kind), b.words)) {
            best = Some(m);
        }
    };
    if let Some(entries) = INDEX.get(first) {
        for e in entries {
            if let Some(w) = matches(words, &e.words, e.kind) {
                consider(NameMatch {
                    kind: e.kind,
                    words: w,
                });
            }
        }
    }
    // "wikipedia.de", "de.wikipedia.org", "www.pexels.com": a platform's web address names the
    // platform (the site's name is the label before the top-level domain).
    if words.len() == 1
        && let Some((host, tld)) = first.rsplit_once('.')
        && (2..=6).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_lowercase())
    {
        let site = host.rsplit('.').next().unwrap_or(host);
        if INDEX.get(site).is_some_and(|es| {
            es.iter()
                .any(|e| e.kind == Kind::Platform && e.words.len() == 1)
        }) {
            consider(NameMatch {
                kind: Kind::Platform,
                words: 1,
            });
        }
    }
    // "dpa-Bildfunk", "EPA-EFE": one word, an agency glued to a suffix or another agency.
    if words.len() == 1
        && let Some((head, rest)) = first.split_once('-')
        && !rest.is_empty()
        && rest
            .split('-')
            .all(|s| SUFFIXES.contains(&s) || is_known(s))
        && INDEX.get(head).is_some_and(|es| {
            es.iter()
                .any(|e| e.kind == Kind::Agency && e.words.len() == 1)
        })
    {
        consider(NameMatch {
            kind: Kind::Agency,
            words: 1,
        });
    }
    best
}

fn matches(words: &[&str], name: &[&str], kind: Kind) -> Option<usize> {
    let n = name.len();
    if words.len() < n || !name.iter().zip(words).all(|(a, b)| a == b) {
        return None;
    }
    let rest = &words[n..];
    if rest.is_empty() {
        return Some(n);
    }
    if kind == Kind::Boilerplate {
        return None;
    }
    if rest[0] == "for" {
        return Some(n);
    }
    // "TT kod 10060": the photo code's number after its word.
    let code =
        |i: usize, w: &str| i > 0 && rest[i - 1] == "kod" && w.chars().all(|c| c.is_ascii_digit());
    if !rest
        .iter()
        .enumerate()
        .all(|(i, w)| SUFFIXES.contains(w) || code(i, w))
    {
        return None;
    }
    let kept = rest
        .iter()
        .rposition(|w| NAME_SUFFIXES.contains(w))
        .map_or(0, |p| p + 1);
    Some(n + kept)
}

fn is_known(word: &str) -> bool {
    AGENCIES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<Kind> {
        let lower = s.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        classify(&words).map(|m| m.kind)
    }

    #[test]
    fn agencies_with_suffixes() {
        assert_eq!(kind("AP Photo"), Some(Kind::Agency));
        assert_eq!(kind("REUTERS"), Some(Kind::Agency));
        assert_eq!(kind("dpa-Bildfunk"), Some(Kind::Agency));
        assert_eq!(kind("EPA-EFE"), Some(Kind::Agency));
        assert_eq!(kind("Getty Images for Netflix"), Some(Kind::Agency));
        assert_eq!(kind("Wikimedia Commons"), Some(Kind::Platform));
        assert_eq!(kind("File Photo"), Some(Kind::Boilerplate));
        assert_eq!(kind("Apple"), None);
        assert_eq!(kind("Reuters Smith"), None);
        assert_eq!(kind("ANTARA FOTO"), Some(Kind::Agency));
        assert_eq!(kind("Minden Pictures"), Some(Kind::Agency));
    }
}
