//! Kinds of credit text that once gave a wrong author or lost the right one. Every case is
//! written in made-up names: the rule is about the kind of text, not about one line.

use super::*;

fn authors(line: &str) -> Vec<String> {
    parse_credit_line(line).authors
}

fn unclear(line: &str) -> bool {
    analyze_credit_line(line)
        .notes
        .contains(&LineNote::AuthorUnclear)
}

#[test]
fn user_names_with_a_number_are_names() {
    // A user name is letters and then a number (a year, a count): "Qor1987" names someone.
    assert_eq!(
        authors("Von Qor1987 - Eigenes Werk, CC BY-SA 4.0"),
        ["Qor1987"]
    );
    assert_eq!(authors("By Zel42 - Own work, CC BY 4.0"), ["Zel42"]);
    // An archive number is not: it starts with a digit or is almost all digits.
    assert_eq!(authors("Bild: 731-X88412"), Vec::<String>::new());
}

#[test]
fn the_label_word_is_not_part_of_the_name() {
    // "Autor X - Eigenes Werk": the label before the name is not the name.
    assert_eq!(
        authors("Beispielseite, Autor Quim Dorsel - Eigenes Werk, CC BY-SA 3.0"),
        ["Quim Dorsel"]
    );
    assert_eq!(
        authors("Page d'exemple, Auteur Lune Vasquier - Travail personnel, CC BY-SA 4.0"),
        ["Lune Vasquier"]
    );
}

#[test]
fn an_article_opens_a_phrase_not_a_name() {
    // "SUPPLIED BY A THIRD PARTY", "by a local resident": a phrase, not who.
    let line =
        "Smoke over the quay. @zorbel/via GRUNDWIRE THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY";
    assert!(
        !authors(line)
            .iter()
            .any(|a| a.to_lowercase().contains("third"))
    );
    assert_eq!(
        authors("Photo by a passing neighbour"),
        Vec::<String>::new()
    );
}

#[test]
fn japanese_provided_by_suffix_is_not_part_of_the_name() {
    // 「…（某社提供）」: 提供 means "provided by"; 撮影 means "photographed by".
    assert_eq!(authors("試験の様子（東川町役場提供）"), ["東川町役場"]);
    assert_eq!(authors("北山花子撮影"), ["北山花子"]);
}

#[test]
fn a_sentence_full_stop_is_not_part_of_the_name() {
    assert_eq!(
        authors("La piazza vecchia, foto di Nerina Calvasso. 2019"),
        ["Nerina Calvasso"]
    );
    // An abbreviation keeps its dot.
    assert_eq!(authors("Photo: Trelvik Co."), ["Trelvik Co."]);
}

#[test]
fn social_networks_are_platforms_not_authors() {
    // A post on a social network is where the picture was found, not who made it.
    for net in ["Truth Social", "Telegram", "Bluesky", "Threads", "Weibo"] {
        let line = format!("Der Mann im Bild hat das Foto gelöscht. (Quelle: {net})");
        assert_eq!(authors(&line), Vec::<String>::new(), "{net}");
    }
}

#[test]
fn agency_with_article_after_copyright_is_not_the_photographer() {
    // "NAME/Copyright YEAR The AP": the person is the photographer; "The AP" the agency.
    assert_eq!(
        authors("Quarz Delmont/Copyright 2031 The AP. All rights reserved."),
        ["Quarz Delmont"]
    );
}

#[test]
fn unclear_author_is_said_not_guessed() {
    // A label followed by nothing readable as a name gives no author and says so.
    assert!(authors("Foto: vom 3").is_empty());
    assert!(unclear("Foto: vom 3"));
}
