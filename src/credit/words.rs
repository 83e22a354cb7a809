//! The word lists of credit lines, one copy of each: labels that introduce an author or a
//! source, name particles, organisation words, date and place words, modification words and the
//! noise cut from a name's ends. Lowercase; multi-word entries are separated by single spaces.
//! [`AUTHOR_LABELS`] and [`SOURCE_LABELS`] are public so that page readers use the same labels.

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// Labels that introduce the author (one copy, in [`crate::lexicon`]).
pub use crate::lexicon::AUTHOR_LABELS;

/// Words between a label and the name: `Photo by`, `Foto von`, `Foto de`, `Foto di`.
pub(crate) const LABEL_CONNECTORS: &[&str] = &[
    "by",
    "von",
    "de",
    "di",
    "por",
    "par",
    "door",
    "van",
    "da",
    "do",
    "of",
    "del",
    "dal",
    "della",
    "des",
    "du",
    "der",
    // Polish "Zdjęcie autorstwa X" ("photo authored by X").
    "autorstwa",
    // Indonesian and Malay "Foto oleh X" ("photo by X").
    "oleh",
];

/// Labels that introduce the source (one copy, in [`crate::lexicon`]).
pub use crate::lexicon::SOURCE_LABELS;

/// Labels that introduce license or rights text; what follows is neither author nor source.
pub const RIGHTS_LABELS: &[&str] = &[
    "license",
    "licence",
    "licensed",
    // British spelling.
    "licenced",
    "lizenz",
    "licencia",
    "licenza",
    "licença",
    "licentie",
    "rights",
    "rechte",
    "droits",
    "derechos",
    "diritti",
    "direitos",
    "rechten",
    "terms",
    "nutzungsrechte",
    "copyright status",
];

/// Phrases masked wherever they stand: boilerplate that is never a name. Rights statements
/// ("All rights reserved" in every language, "used with permission") come from
/// [`license::scan`]'s statements and are masked with them; these are the phrases it does not
/// report.
pub(crate) const NOISE_PHRASES: &[&str] = &[
    "some rights reserved",
    // Italian "reproduction reserved", which the rights statements do not list.
    "riproduzione riservata",
    // Swahili "all rights reserved".
    "haki zote zimehifadhiwa",
    "creative commons",
    // BBC's "Image copyright X Image caption …": what follows is the caption.
    "image caption",
    "media caption",
    "hide caption",
    "toggle caption",
    // Reuters' tags after the credit ("REUTERS/Jane Doe TPX IMAGES OF THE DAY").
    "tpx images of the day",
    // Yonhap's terms after its credit: "no resale, no database use".
    "재판매 및 db 금지",
    // Korean "no unauthorised reproduction or redistribution", after a credit.
    "무단전재 재배포금지",
    "무단전재 및 재배포금지",
    "무단전재 및 재배포 금지",
    "무단 전재 및 재배포 금지",
    "무단전재-재배포 금지",
    // Creative Commons' own pages title a license "CC BY-SA 4.0 DEED".
    "deed",
    // imago's terms after its credit: "commercial use at one's own risk".
    "kommerzielle nutzung in eigenverantwortung",
    // A site's footer after its owner's name: "© Jane Doe unless otherwise noted".
    "unless otherwise noted",
    "unless otherwise stated",
    "unless otherwise indicated",
    "unless otherwise specified",
    "except where otherwise noted",
    "except where noted",
    "sauf mention contraire",
    "salvo indicación contraria",
    "salvo indicazione contraria",
    "sofern nicht anders angegeben",
    "soweit nicht anders angegeben",
    "wenn nicht anders angegeben",
    "refile - quality repeat",
    "refile - corrected",
    "refile",
    "quality repeat",
    "images of the day",
    "picture of the day",
    // "Show more" of scraped Scandinavian captions.
    "vis mer",
    "visa mer",
    // "Click to enlarge" under pictures, pasted with the credit.
    "clicca per ingrandire",
    "click to enlarge",
    "cliquez pour agrandir",
    "zum vergrößern klicken",
    "klicken zum vergrößern",
    // Wire notes that stand in a caption, and a credit's demand without the credit.
    "full caption to follow",
    "photo credit is required",
    "credit is required",
    // Russian "the author's photo": the article's writer, whom the line does not name. The
    // phrases are matched in the line's ASCII-lowered copy: a phrase in another script is
    // listed as it opens a sentence too.
    "фото автора",
    "Фото автора",
    // Arabic "license", before the license's name ("Jane Doe، رخصة CC BY-SA 4.0").
    "رخصة",
    // What cameras write into an image's description when nobody wrote one.
    "olympus digital camera",
    "sony dsc",
    "exif_jpeg_picture",
    "digital camera",
];

/// Name particles and joining words that may be lowercase inside a name or an organisation.
pub(crate) const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "la", "le", "les", "du", "da", "das", "do", "dos", "di",
    "del", "della", "dei", "degli", "bin", "ibn", "bint", "al", "el", "y", "e", "zu", "zur", "ten",
    "ter", "te", "of", "the", "and", "for", "für", "des", "d'", "st.", "et", "und", "&", "a", "an",
    "in", "on", "at", "i", "ben", "ap", "af", "av", "op", "'t",
];

/// Words of organisations; a name with one of these is not split at "and".
pub(crate) const ORG_WORDS: &[&str] = &[
    "ministry",
    "department",
    "foundation",
    "museum",
    "library",
    "university",
    "univ.",
    "univ",
    "institute",
    "institution",
    "agency",
    "archive",
    "archives",
    "society",
    "council",
    "office",
    "service",
    "association",
    "center",
    "centre",
    "company",
    "corporation",
    "committee",
    "stiftung",
    "ministerium",
    "universität",
    "museé",
    "musée",
    "ministère",
    "fundación",
    "ministerio",
    "museo",
    "fondazione",
    "stichting",
    "fundação",
    "bibliothèque",
    "bibliothek",
    "biblioteca",
    "gallery",
    "studio",
    "studios",
    "team",
    "group",
    "news",
    "times",
    "post",
    "press",
    // Research bodies ("Example Space Science Systems", "Example Observatory").
    "systems",
    "science",
    "sciences",
    "laboratory",
    "laboratories",
    "lab",
    "observatory",
    "research",
    // Newspapers' and magazines' own words ("The Daily Herald", "Example Gazette").
    "herald",
    "gazette",
    "tribune",
    "journal",
    "chronicle",
    "courier",
    "newspaper",
    "newspapers",
    "magazine",
    "daily",
    "dispatch",
    "inquirer",
    "sentinel",
    "examiner",
    "telegraph",
    "telegram",
    "ltd",
    "ltd.",
    "limited",
    "inc",
    "inc.",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "corp",
    "corp.",
    "division",
    "institut",
    "instituto",
    "istituto",
    // German and Austrian public bodies and trade bodies that credit their own pictures.
    "werbung",
    "bistum",
    "erzbistum",
    "messe",
    "verband",
    "zentralverband",
    "bundesverband",
    "informationsamt",
    "presseamt",
    "bundesregierung",
    "landesregierung",
    "kantonspolizei",
    "polizei",
    "verlag",
    "zeitung",
    "rundfunk",
    // Tourist boards ("SalzburgerLand Tourismus").
    "tourismus",
    "tourism",
    "tourisme",
    "turismo",
    // Government agencies named "X and Y" ("Customs and Border Protection", "Fish and
    // Wildlife Service", "Immigration and Customs Enforcement").
    "customs",
    "protection",
    "enforcement",
    "administration",
    "commission",
    "authority",
    "bureau",
    // Newspapers' words in more languages ("Dziennik Polski", "Gazeta Wyborcza").
    "dziennik",
    "gazeta",
    "tygodnik",
    "kurier",
    "diario",
    "giornale",
    "journal",
    "krant",
    "dagblad",
    "tidning",
    "avis",
    "administration",
    "sports",
    "stadt",
    "gemeinde",
    "landkreis",
    "kanton",
    "bezirk",
];

/// Words for an archive or a documentation that may open a credit before the name of whose it
/// is: "archiv ČTK", "Arquivo Example", Indonesian "dok." (dokumentasi).
pub(crate) const ARCHIVE_WORDS: &[&str] = &[
    "archiv",
    "archív",
    "archive",
    "archives",
    "arquivo",
    "archivo",
    "archivio",
    "archiwum",
    "dok",
    "dok.",
    "dokumentasi",
];

/// A picture's own word, which alone is no one's name ("Image via Wikimedia Commons").
pub(crate) const PICTURE_WORDS: &[&str] = &[
    "image", "photo", "picture", "pic", "foto", "bild", "imagen", "imagem", "immagine", "zdjęcie",
];

/// A collection's word at the end of its name ("The Jane Doe Collection", "Sammlung Doe" has it
/// first and is not read so).
pub(crate) const COLLECTION_WORDS: &[&str] = &[
    "collection",
    "collections",
    "collectie",
    "collezione",
    "colección",
    "coleção",
];

/// Honorifics that are no name alone ("Mr.", the rest of "Mr. and Mrs. Jane Doe").
pub(crate) const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame",
];

/// "and" in labels shared by several roles ("Text und Fotos:", "Texto e fotos:", "Video &
/// Photo:"). Unlike [`CONJUNCTIONS`], "&" is one: "A & B" joins one studio's name.
pub(crate) const LABEL_JOINERS: &[&str] = &["&", "and", "und", "et", "y", "e", "i"];

/// Conjunctions between authors, written lowercase: `X and Y`, `X und Y`, `X et Y`, `X y Y`,
/// `X e Y`, `X en Y`.
pub(crate) const CONJUNCTIONS: &[&str] = &[
    "and",
    "und",
    "et",
    "y",
    "e",
    "en",
    "og",
    "och",
    // Hungarian, Lithuanian, Latvian, Finnish, Polish, Russian and Bulgarian, Ukrainian,
    // Indonesian, Vietnamese, Georgian, Bengali, Hindi and Nepali.
    "és",
    "ir",
    "un",
    "ja",
    "oraz",
    "и",
    "і",
    "dan",
    "và",
    "და",
    "এবং",
    "ও",
    "और",
    "र",
];

/// Prepositions before a platform name: `on Flickr`, `auf Flickr`, `sur Flickr`, `su Flickr`.
pub(crate) const PLATFORM_PREPS: &[&str] = &[
    // Italian "tramite", Portuguese "através", Russian and Ukrainian "через", Polish "z" and
    // "przez": "through" or "from", before a platform only ("tramite Wikimedia Commons").
    // Greek, Indonesian and Malay, Vietnamese, Czech and Arabic "via".
    "μέσω",
    "melalui",
    "qua",
    "prostřednictvím",
    "عبر",
    "tramite",
    "através",
    "через",
    "z",
    "przez",
    "on",
    "at",
    "auf",
    "bei",
    "sur",
    "su",
    "op",
    "em",
    "no",
    "na",
    "en",
    "in",
    "from",
    "über",
    "von",
    // Indonesian and Malay "on" ("Foto oleh Jane Doe di Unsplash").
    "di",
];

/// Words that may stand before a date and belong to it (`Taken on`, `Aufgenommen am`).
pub(crate) const DATE_INTROS: &[&str] = &[
    "taken",
    "on",
    "am",
    "aufgenommen",
    "fotografiert",
    "photographed",
    "shot",
    "captured",
    "le",
    "prise",
    "pris",
    "tomada",
    "tomado",
    "el",
    "scattata",
    "scattato",
    "il",
    "genomen",
    "op",
    "tirada",
    "tirado",
    "feita",
    "feito",
    "em",
    "dated",
    "datiert",
    "vom",
    "du",
    "del",
    "in",
    "im",
    "date",
    "datum",
    "fecha",
    "data",
    "circa",
    "ca",
    "c",
    "um",
    "vers",
    "hacia",
    "cerca",
    "rond",
];

/// Prepositions between a date and a place: `… in Atmeh`, `… à Paris`, `… en Madrid`.
pub(crate) const PLACE_PREPS: &[&str] = &[
    "in", "at", "à", "a", "en", "em", "na", "no", "nel", "nella", "im", "bei", "near", "au", "aux",
    "te", "dans", "ad", "op",
];

/// Words that end a place: a credit starts there ("… in Berlin by Jane").
pub(crate) const PLACE_STOPS: &[&str] = &[
    "by", "via", "von", "photo", "foto", "credit", "par", "por", "door", "di",
];

/// Phrases that introduce a place without a date: `Taken in Berlin`.
pub(crate) const PLACE_INTROS: &[&str] = &[
    "taken in",
    "taken at",
    "photographed in",
    "photographed at",
    "aufgenommen in",
    "fotografiert in",
    "prise à",
    "prise en",
    "tomada en",
    "scattata a",
    "scattata in",
    "genomen in",
    "genomen te",
    "tirada em",
    "tirada no",
    "tirada na",
];

/// The phrase lists as automata: one pass over the text finds all of them. Built from constant
/// lowercase patterns, so building cannot fail in practice; `None` would only skip the pass.
pub(crate) static NOISE_AUTOMATON: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| phrase_automaton(&[NOISE_PHRASES, SUBJECT_LIST_MARKERS].concat()));

/// What opens a list of the people a photo shows, by where they stand: "From left to right:
/// Jane Doe, John Roe". The names up to the sentence's end are the photo's subjects, never its
/// authors. Found with [`NOISE_PHRASES`] in one pass (their patterns come after the noise's).
pub(crate) const SUBJECT_LIST_MARKERS: &[&str] = &[
    "from left to right",
    "from left",
    "from right",
    "left to right",
    "von links nach rechts",
    "von links",
    "de gauche à droite",
    "de izquierda a derecha",
    "da sinistra a destra",
    "da sinistra",
    "da esquerda para a direita",
    "od lewej",
    "zleva doprava",
    "van links naar rechts",
    "från vänster",
    "fra venstre",
];
pub(crate) static PLACE_INTRO_AUTOMATON: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| phrase_automaton(PLACE_INTROS));

pub(crate) fn phrase_automaton(phrases: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(phrases)
        .ok()
}

/// Word stems that say the image was changed.
pub(crate) const MODIFIED_STEMS: &[&str] = &[
    "modif",
    "cropp",
    "recadr",
    "recort",
    "ritagli",
    "bijgesned",
    "beschnitt",
    "zugeschnitt",
    "bearbeit",
    "retouch",
    "retusch",
    "retoc",
    "ritocc",
    "adapted",
    "adaptation",
    "adapté",
    "adaptad",
    "adattat",
    "aangepast",
    "bewerkt",
    "derivat",
    "derivad",
    "derived",
    "editad",
    "altered",
    "coloriz",
    "colouris",
    "coloris",
    "koloriert",
    "verändert",
    "geändert",
];
/// Whole words that say the image was changed.
pub(crate) const MODIFIED_WORDS: &[&str] = &[
    "crop",
    "edited",
    "edit",
    "montage",
    "composite",
    "collage",
    // German "detail": "(Ausschnitt)" after a credit says the image was cropped.
    "ausschnitt",
];
/// Words after a modification word that belong to it (`adapted from`, `derivative of`).
pub(crate) const MODIFIED_TAILS: &[&str] = &[
    "from", "of", "von", "de", "da", "di", "van", "work", "werk", "version", "by",
];

/// Words cut from the end of a piece: the rest of "… is licensed under", "… CC".
pub(crate) const TAIL_NOISE: &[&str] = &[
    "is",
    "are",
    "was",
    "licensed",
    "licenced",
    // "photograph by X, distributed under a CC-BY 2.0 license".
    "distributed",
    "license",
    "licence",
    "under",
    "used",
    "available",
    "released",
    "published",
    "shared",
    "lizenziert",
    "unter",
    "sous",
    "bajo",
    "sotto",
    "sob",
    "onder",
    "licencia",
    "licenza",
    "licença",
    "licentie",
    "lizenz",
    "a",
    "the",
    "der",
    "die",
    "la",
    "una",
    "uma",
    "een",
    "cc",
    "cc-lizenz",
    "this",
    "image",
    "photo",
    "foto",
    "with",
    "and",
    "und",
    "et",
    "y",
    "e",
    "en",
    "&",
    "-",
    "is licensed",
    "copyright",
    // Japanese "copyright": "Name/著作権 2022 AP通信".
    "著作権",
    "from",
    "by",
    "at",
    "of",
    "str",
    "stringer",
    // Korean "reporter" and "correspondent" after the name: "고영권 기자".
    "기자",
    "특파원",
];

/// Words cut from the start of a piece.
pub(crate) const HEAD_NOISE: &[&str] = &[
    "cc",
    // "STR/Getty Images": a stringer whose name is not given.
    "str",
    "stringer",
    "copyright",
    "著作権",
    "this",
    "image",
    "photo",
    "foto",
    "and",
    "und",
    "et",
    "y",
    "e",
    "en",
    "&",
    "-",
    "by",
    "is",
    "licensed",
    "licenced",
    "distributed",
    "under",
];

/// Abbreviations whose dot does not end a sentence.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "st", "dr", "jr", "sr", "mr", "mrs", "ms", "prof", "mt", "ft", "co", "inc", "ltd", "bros",
    "dept", "corp", "dipl", "ing", "hon", "rev", "gen", "col", "capt", "lt", "sgt", "no", "nr",
    "vol", "ca", "mag", "ph", "phil", "sen", "rep", "gov", "jun", "sen", "av", "ave", "sta", "sto",
    "ste", "s", "fot",
    // Military ranks before a photographer's name ("Photo by Spc. Jane Doe", "Pfc. Jane Doe").
    // Abbreviated given names ("Rolf Chr. Ulrichsen", "Wm. Doe").
    "chr", "wm", "jos", "thos", "chas", "jas", "pfc", "spc", "pvt", "cpl", "maj", "cmdr", "adm",
    "cpt", "ens", "amn", "tech", "univ",
    // Indonesian "documentation" before whose it is ("Foto: Dok. Example Office").
    "dok",
];

/// Whether a lowercase word is in one of the long word lists: a hash set built from the list once
/// per call site, where [`is_in`] walks the list (the long lists are looked up for many words of
/// every line; a profile of the credit bench put the walks at 5% of a line's cost).
macro_rules! in_list {
    ($list:expr, $w:expr) => {{
        static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
            std::sync::LazyLock::new(|| $list.iter().copied().collect());
        let w: &str = $w;
        SET.contains(w)
    }};
}
pub(crate) use in_list;

/// Whether a lowercase word is an aside in brackets that is never a name: one of [`ASIDES`] or
/// a position ([`POSITION_ASIDES`]).
pub(crate) fn is_aside(w: &str) -> bool {
    in_list!(ASIDES, w) || in_list!(POSITION_ASIDES, w)
}

/// Calls `f` with `w` in lowercase, lowered on the stack when it is short ASCII (most words are):
/// for looking a word as written up in the lists, without a fresh string per word.
pub(crate) fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 32;
    // A word without ASCII capitals is its own ASCII lowercase: nothing to copy.
    if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(w);
    }
    if w.len() <= MAX && w.is_ascii() {
        let mut buf = [0u8; MAX];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // Lower-casing ASCII keeps it ASCII, so this never fails.
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&w.to_lowercase())
    }
}

pub(crate) fn is_in(list: &[&str], w: &str) -> bool {
    // Byte by byte: the words are short, and a call to memcmp per entry cost more than the
    // comparison (a profile of the credit bench).
    let w = w.as_bytes();
    list.iter()
        .any(|x| x.len() == w.len() && x.bytes().zip(w).all(|(a, &b)| a == b))
}

/// Words for "by" that open a credit in Commons' localized attributions and in captions:
/// "Von Max Muster", "Par Jeanne Dupont", "Autorstwa Jan Nowak", "Door Jan Jansen".
pub(crate) const BY_WORDS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "de",
    "di",
    "door",
    "da",
    "autorstwa",
    "av",
    "af",
    "od",
    // Finnish, Hungarian, Russian and Chinese attributions ("Tekijä: X", "készítő: X",
    // "Авторство: X", "由 X - 自己的作品"). Not Catalan "per": in Italian and English it is
    // "for" ("per gentile concessione").
    "tekijä",
    "készítő",
    // Indonesian and Malay ("Candi Mendut Oleh Jane Doe - Karya sendiri").
    "oleh",
    "авторство",
    "由",
];

/// "Own work" in the languages of Commons' attributions: the name before it is the author.
pub(crate) const OWN_WORK: &[&str] = &[
    "own work",
    "eigenes werk",
    "travail personnel",
    "trabajo propio",
    "obra propia",
    "opera propria",
    "eigen werk",
    "praca własna",
    "fotografia własna",
    "obra do próprio",
    "obra própria",
    "trabalho próprio",
    "trabalho proprio",
    "eget arbete",
    "eget verk",
    "eget arbeid",
    "eget værk",
    "obra pròpia",
    "traballo propio",
    "oma teos",
    "saját munka",
    "vlastní dílo",
    "vlastné dielo",
    "lastno delo",
    "operă proprie",
    "propra verko",
    "karya sendiri",
    "kendi çalışması",
    "собственная работа",
    "власна робота",
    "投稿者自身による著作物",
    "自己的作品",
];

/// Asides in brackets that are never names: a user's talk-page link, a time zone; and the
/// positions of [`POSITION_ASIDES`] ("from left"), which [`is_aside`] reads too.
pub(crate) const ASIDES: &[&str] = &[
    "talk",
    "diskussion",
    "discussion",
    "discussione",
    "discusión",
    "overleg",
    "dyskusja",
    "utc",
    "file",
];

/// The first word of a museum's provenance ("Bequest of …", "Gift of …", "Purchase, … Fund"):
/// the donor is not the author.
pub(crate) const PROVENANCE: &[&str] = &[
    "bequest",
    "gift",
    "gifts",
    "purchase",
    "acquisition",
    "purchased",
    "legs",
    "don",
    "achat",
    "schenkung",
    "vermächtnis",
    "nachlass",
    "ankauf",
    "legado",
    "donación",
    "donacion",
    "adquisición",
    "lascito",
    "dono",
    "acquisto",
    "doação",
    "schenking",
    "legaat",
    "aankoop",
];

/// Verbs of a museum's provenance that are followed by "by" or "from" ("Bequeathed by …",
/// "Presented by …", "Transferred from …"): the giver is not the author.
pub(crate) const PROVENANCE_VERBS: &[&str] = &[
    "bequeathed",
    "presented",
    "donated",
    "given",
    "lent",
    "loaned",
    "transferred",
    "accepted",
    "allocated",
    "commissioned",
];

/// Source labels that, before a colon, introduce a photo's credit ("Quelle: Jane Doe/dpa",
/// "Fuente: Ministerio de Cultura"): what follows is read as the author.
pub(crate) const CREDIT_SOURCE_LABELS: &[&str] = &[
    "quelle",
    "quellen",
    "source",
    "sources",
    "fuente",
    "fonte",
    "bron",
    "źródło",
    "zdroj",
    "来源",
    "來源",
    "图片来源",
    "圖片來源",
];

/// Words of a short clause before a colon that make it a label for the photo's credit even
/// though they are not credit words: positions in a layout ("Top left:", "Oben:").
pub(crate) const POSITION_LABELS: &[&str] = &[
    "top",
    "bottom",
    "left",
    "right",
    "above",
    "below",
    "center",
    "centre",
    "main",
    "inset",
    "header",
    "hero",
    "all",
    "oben",
    "unten",
    "links",
    "rechts",
    "haut",
    "bas",
    "gauche",
    "droite",
    "arriba",
    "abajo",
    "izquierda",
    "derecha",
    "sopra",
    "sotto",
    "boven",
    "onder",
];

/// Labels of other media next to a photo's credit ("Vídeo: EPV", "Audio: …"): not the photo's
/// author.
pub(crate) const OTHER_MEDIA_LABELS: &[&str] = &[
    "video",
    "vídeo",
    "vidéo",
    "audio",
    "grafik",
    "infografik",
    "text",
    "texto",
    "texte",
    // Fashion credits: the styling, the make-up and the hair are other people's work.
    "estilismo",
    "styling",
    "stylist",
    "maquillaje",
    "maquillage",
    "make-up",
    "makeup",
    "peluquería",
    "coiffure",
];

/// Words after a name that say the picture was provided by it: press material.
/// Chinese "供图" and "供稿" ("picture supplied by"), Korean "제공" ("provided").
pub(crate) const PROVIDED: &[&str] = &["提供", "제공", "cung cấp", "供图", "供圖", "供稿"];

/// Work credited next to a photo that is not the photo ("Styling by …"): who did it is not the
/// photo's author.
pub(crate) const OTHER_WORK: &[&str] = &[
    "styling",
    "styled",
    "stylist",
    "grooming",
    "casting",
    "hair",
    "makeup",
    "make-up",
    "props",
    "produced",
    "production",
    "design",
    "directed",
    "written",
    "edited",
    "reporting",
    // A caption's "Built by master craftsmen in 1866": who made the subject, not the photo.
    "built",
    "constructed",
    "designed",
    "founded",
    "owned",
    "organized",
    "organised",
    "hosted",
    "sponsored",
];

/// Boilerplate words that call the image press material: its rights are "other".
pub(crate) const PRESS_MATERIAL: &[&str] = &[
    "handout",
    "submitted",
    "contributed",
    "contributed image",
    "contributed photo",
    "hersteller",
    "zvg",
    "zvg.",
    "z.v.g.",
    "aðsend",
    "cortesía",
    "cortesia",
    "courtesy",
    "privat",
    "private",
    "privé",
    "privée",
    "privado",
    "privada",
    "privato",
    "supplied",
    // Vietnamese "nhân vật cung cấp": supplied by the person the story is about.
    "nvcc",
    "supplied image",
    "supplied photo",
    "divulgação",
    "divulgacao",
    // "Divulgação" as machine translation renders it: "Photo: Disclosure/NASA".
    "disclosure",
    "cedida",
    "press image",
    "pr",
    "pr image",
    // Portuguese and Spanish "personal archive": a picture from the family's or the
    // subject's own files, named by no one.
    "arquivo pessoal",
    "archivo personal",
    // Mexican Spanish "special": supplied to the paper ("Foto: Especial").
    "especial",
    // Russian "press service": supplied by an organisation's press office.
    "пресс-служба",
    "пресс-службы",
    // Indonesian "special": a picture supplied to the paper, named by no one ("Foto: Istimewa").
    "istimewa",
    // Indonesian "documentation (of)": supplied from someone's files ("Foto: Dok. Example
    // Office"); alone it names no one.
    "dok",
    "dok.",
    "dokumentasi",
];

/// Legal forms of companies, lowercase: they end an organisation's name, which is one author
/// even with "and" or a comma in it ("Example Printers and Publishers Ltd.", "Example, a.s.").
pub(crate) const LEGAL_FORMS: &[&str] = &[
    "ltd", "ltd.", "limited", "inc", "inc.", "llc", "plc", "gmbh", "ag", "kg", "a.s.", "s.a.",
    "slu", "s.l.u.", "s.l.", "srl", "s.r.l.", "spa", "s.p.a.", "s.r.o.", "bv", "b.v.", "nv",
    "n.v.", "pty", "corp", "corp.", "e.v.", "sarl", "sas", "oy", "oyj", "a/s", "asa", "ab",
];

/// Definite articles that open an outlet's name ("La República", "Le Relief", "The Times"):
/// after an agency, such a name ran the photo; it did not take it.
pub(crate) const OUTLET_ARTICLES: &[&str] = &[
    "the", "la", "las", "los", "el", "le", "les", "der", "die", "das", "il", "lo", "het",
];

/// Articles, lowercase as written: "courtesy of the Library of Congress" credits the library.
pub(crate) const ARTICLES: &[&str] = &["the"];

/// Asides that say where someone stands in the photo: the line around them is a caption.
pub(crate) const POSITION_ASIDES: &[&str] = &[
    "l",
    "r",
    "l.",
    "r.",
    "li.",
    "re.",
    "left",
    "right",
    "center",
    "centre",
    "v.l.",
    "v.l.n.r.",
    "中",
    "左",
    "右",
    "中央",
    "왼쪽",
    "오른쪽",
    "가운데",
];

/// Units of an institution, lowercase: "…, Prints and Photographs Division" is part of the
/// institution before it.
pub(crate) const SUBUNITS: &[&str] = &[
    "division",
    "department",
    "collection",
    "collections",
    "section",
    "branch",
    "abteilung",
];

/// Offices whose holder a caption names after a comma ("Presidente de Example, Jane Doe"):
/// the name is who is shown, not who took the photo.
pub(crate) const OFFICE_TITLES: &[&str] = &[
    "president",
    "presidente",
    "presidenta",
    "präsident",
    "präsidentin",
    "président",
    "présidente",
    "prime",
    "minister",
    "ministro",
    "ministra",
    "ministre",
    "ministerin",
    "chancellor",
    "kanzler",
    "kanzlerin",
    "bundeskanzler",
    "bundeskanzlerin",
    "governor",
    "gobernador",
    "gobernadora",
    "mayor",
    "alcalde",
    "alcaldesa",
    "bürgermeister",
    "bürgermeisterin",
    "maire",
    "senator",
    "senador",
    "senadora",
    "king",
    "queen",
    "rey",
    "reina",
    "könig",
    "königin",
    "pope",
    "papa",
    "ceo",
];

/// "Reproduction": a picture copied from a broadcast, a book or a site, which the next words
/// name.
pub(crate) const REPRODUCTION_WORDS: &[&str] = &[
    "reprodução",
    "reproducao",
    "reproduction",
    "reproducción",
    "reproduccion",
    "riproduzione",
];

/// Space agencies, observatories and research institutions that make their own images and credit
/// them in slash chains of institutions ("NASA/JPL-Caltech/Univ. of Arizona", "NASA/ESA/STScI"):
/// in such a chain every institution is an author, none is a source.
pub(crate) const SCIENCE_BODIES: &[&str] = &[
    "nasa",
    "esa",
    "jpl",
    "jpl-caltech",
    "caltech",
    "stsci",
    "csa",
    "jaxa",
    "eso",
    "noaa",
    "usgs",
    "msss",
    "swri",
    "jhuapl",
    "nrao",
    "noirlab",
    "nsf",
    "cxc",
    "sao",
    "cnes",
    "isro",
    "roscosmos",
    "dlr",
    "nasa goddard",
    "goddard",
    "ssi",
    "lasp",
    "mpia",
    "alma",
    "eht",
    "esa/webb",
    "esa/hubble",
    "ipac",
    "gsfc",
    "nasa/jpl",
    "nasa/jpl-caltech",
    "noaa/nesdis",
    "nssdc",
];

/// "Social networks": a picture copied from them, which names no one ("Reprodução/Redes
/// Sociais").
pub(crate) const SOCIAL_MEDIA: &[&str] = &[
    "redes sociais",
    "redes sociales",
    "social media",
    "sosyal medya",
    "соцсети",
    "социальные сети",
    "соцмережі",
    "media społecznościowe",
    // Korean "online community".
    "온라인 커뮤니티",
];

/// "Screenshot" in the languages of the corpus: after a credit's label, what follows is where
/// the screenshot was taken.
pub(crate) const SCREENSHOT_WORDS: &[&str] = &[
    "screenshot",
    "skjermdump",
    "skjermbilde",
    "skärmdump",
    "skjáskot",
    "bildschirmfoto",
    "capture",
    "captura",
    "schermata",
];

/// Ranks and job titles that stand before a photographer's name in military and government
/// credits ("U.S. Navy photo by Mass Communication Specialist 2nd Class Jane Doe", "Photo by
/// Staff Sgt. Jane Doe"): they are not part of the name.
pub(crate) const RANK_WORDS: &[&str] = &[
    "mass",
    "communication",
    "communications",
    "specialist",
    "seaman",
    "apprentice",
    "recruit",
    "petty",
    "officer",
    "chief",
    "senior",
    "master",
    "staff",
    "sgt.",
    "sgt",
    "sergeant",
    "tech.",
    "technical",
    "airman",
    "lance",
    "cpl.",
    "corporal",
    "pfc.",
    "pfc",
    "spc.",
    "spc",
    "pvt.",
    "pvt",
    "cpl",
    "sfc",
    "sfc.",
    "ssg",
    "ssg.",
    "sgt.maj.",
    "msgt.",
    "tsgt.",
    "ssgt.",
    "sra",
    "a1c",
    "cpt.",
    "cwo",
    "mc1",
    "mc2",
    "mc3",
    "private",
    "capt.",
    "captain",
    "lt.",
    "lieutenant",
    "maj.",
    "col.",
    "cmdr.",
    "lt.cmdr.",
    "ensign",
    "warrant",
    "photographer's",
    "photographer’s",
    "mate",
    "journalist",
    "1st",
    "2nd",
    "3rd",
    "class",
    "gunnery",
    "photographer",
    "photojournalist",
    "fotograf",
    "fotografin",
    "photographe",
    "fotógrafo",
    "fotógrafa",
    "fotografo",
    "fotografa",
];

/// The service before a rank ("U.S. Army Staff Sgt. Jane Doe", "Air Force Senior Airman Jane
/// Doe"): dropped with the rank, never alone.
pub(crate) const SERVICE_WORDS: &[&str] = &[
    "u.s.", "us", "army", "navy", "air", "force", "marine", "marines", "corps", "coast", "guard",
    "national", "space", "reserve",
];

/// What stands before a name in Chinese and Japanese credits: "新华社记者 Name 摄" (Xinhua
/// reporter Name, photographed), "由 Name 拍攝", "写真@=Name撮影".
pub(crate) const CJK_NAME_INTROS: &[&str] = &[
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    // "intern": "實習生 王一凡/攝".
    "实习生",
    "實習生",
    // An outlet that sends the picture: "央广网发 Name供图" (cnr.cn sends).
    "网发",
    "網發",
    "社发",
    "社發",
    "摄影",
    "攝影",
    "写真",
    "照片",
    // Chinese "thanks to X (for the picture)".
    "感谢",
    "感謝",
    "由",
];

/// What stands after a name in Chinese and Japanese credits: "photographed (by)".
/// Korean "기자" (reporter) after the name ("© News1 Name 기자").
/// Korean "시민기자" (citizen reporter), "사진작가" (photographer), "특파원" (correspondent) and
/// the like, glued or not. Longer tails first: the first that ends the name is cut.
pub(crate) const CJK_NAME_TAILS: &[&str] = &[
    "拍摄",
    "拍攝",
    "摄影",
    "攝影",
    "撮影",
    "摄",
    "攝",
    "시민기자",
    "사진기자",
    "객원기자",
    "기자",
    "사진작가",
    "특파원",
    "통신원",
];

/// Words that follow the photographer's name, in the genitive, to credit the photo: Lithuanian
/// "Vytauto Ruškio nuotr." (photo), Hungarian "Kovács Anna felvétele" (recording), "… fotója".
pub(crate) const NAME_THEN_LABEL: &[&str] = &["nuotr.", "nuotr", "felvétele", "fotója"];

/// Job titles that follow a name in a credit ("Jane Doe, Staff Photographer"): the title is not
/// a second author.
pub(crate) const JOB_TITLES: &[&str] = &[
    "artist",
    "photographer",
    "photojournalist",
    "editor",
    "illustrator",
    "designer",
    "correspondent",
    "contributor",
    "reporter",
    "writer",
    "intern",
    "assistant",
    "assistent",
    "assistentin",
    "manager",
    "director",
    "producer",
    "fotograf",
    "fotografin",
    "redakteur",
    "redakteurin",
    "infographics",
    "infografik",
    "spokesperson",
    "sprecher",
    "sprecherin",
    "fotógrafo",
    "fotógrafa",
    "photographe",
    "reportero",
    "reportera",
    "booking",
];

/// Roles in brackets after a name that say the person wrote the text, not the photo: "Jane
/// Roe (textos) & Jane Doe (fotos)".
pub(crate) const TEXT_ROLES: &[&str] = &[
    "text",
    "texts",
    "texte",
    "texto",
    "textos",
    "testo",
    "testi",
    "tekst",
    "teksty",
    "words",
    "reportage",
    "reporting",
];

/// The United States' postal codes and the Associated Press's abbreviations of state names,
/// as they end a newsroom's credit ("Jane Doe | Example Herald, Springfield, OH"): with the
/// city before them, a place, never a name.
pub(crate) const US_STATES: &[&str] = &[
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "DC",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "Ala.",
    "Ariz.",
    "Ark.",
    "Calif.",
    "Colo.",
    "Conn.",
    "Del.",
    "Fla.",
    "Ga.",
    "Ill.",
    "Ind.",
    "Kan.",
    "Ky.",
    "La.",
    "Md.",
    "Mass.",
    "Mich.",
    "Minn.",
    "Miss.",
    "Mo.",
    "Mont.",
    "Neb.",
    "Nev.",
    "N.H.",
    "N.J.",
    "N.M.",
    "N.Y.",
    "N.C.",
    "N.D.",
    "Okla.",
    "Ore.",
    "Pa.",
    "R.I.",
    "S.C.",
    "S.D.",
    "Tenn.",
    "Vt.",
    "Va.",
    "Wash.",
    "W.Va.",
    "Wis.",
    "Wyo.",
    // Written out ("Photo by Jane Doe, Red Oak, Texas").
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];
