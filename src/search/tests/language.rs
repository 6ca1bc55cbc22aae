use super::*;

/// Each query finds exactly `expected`, with or without a language hint.
fn each_finds(index: &SearchIndex, queries: &[&str], expected: &[i64]) {
    for query in queries {
        assert_eq!(sorted_ids(index, query), expected, "{query}");
    }
}

#[test]
fn spanish_accents_and_plurals_find_each_other() {
    let index = index(&[
        in_lang(1, "es", "Guía para la evaluación de programas"),
        in_lang(2, "es", "Resultados de las evaluaciones anuales"),
        in_lang(3, "es", "Una evaluacion escrita sin acentos"),
        in_lang(4, "es", "El presupuesto participativo"),
    ]);
    let queries = [
        "evaluación",
        "evaluacion",
        "evaluaciones",
        "EVALUACIÓN",
        "evaluaciones lang:es",
    ];
    each_finds(&index, &queries, &[1, 2, 3]);
}

#[test]
fn english_stems_meet() {
    let index = index(&[
        post(1, "Data governance in small cities"),
        post(2, "Governing with data"),
        post(3, "Open budgets"),
    ]);
    each_finds(
        &index,
        &["governance", "governing", "governance lang:en"],
        &[1, 2],
    );
}

#[test]
fn portuguese_and_french_accents_and_plurals_find_each_other() {
    let index = index(&[
        in_lang(1, "pt", "Guia de avaliação de programas"),
        in_lang(2, "pt", "As avaliações anuais"),
        in_lang(3, "pt", "Uma avaliacao sem acentos"),
        in_lang(4, "fr", "L'évaluation des programmes"),
        in_lang(5, "fr", "Les évaluations annuelles"),
        in_lang(6, "fr", "Une evaluation sans accents"),
    ]);
    each_finds(
        &index,
        &["avaliação", "avaliacao", "avaliações lang:pt"],
        &[1, 2, 3],
    );
    each_finds(
        &index,
        &["évaluation lang:fr", "evaluations lang:fr"],
        &[4, 5, 6],
    );
    each_finds(&index, &["évaluation"], &[4, 5, 6]);
}

#[test]
fn acronyms_numbers_and_codes_stay_findable() {
    let index = index(&[
        post(1, "Our GIS team maps every 311 call"),
        post(2, "ADA compliance for sidewalks"),
        post(3, "PM2.5 sensors downtown"),
        post(4, "Progress on SDG 11 targets"),
        post(5, "Evidence for criterion DM8, please"),
        in_lang(6, "es", "Nada que ver con 11 sensores o el SDG"),
        post(7, "PM 2 and 5 are different, the gist of it"),
    ]);
    let cases: [(&str, &[i64]); 10] = [
        ("GIS", &[1]),
        ("gis", &[1]),
        ("311", &[1]),
        ("ADA", &[2]),
        ("PM2.5", &[3]),
        ("pm2.5 sensors", &[3]),
        ("SDG 11", &[4, 6]),
        ("\"SDG 11\"", &[4]),
        ("DM8", &[5]),
        ("dm8 lang:en", &[5]),
    ];
    for (query, expected) in cases {
        assert_eq!(sorted_ids(&index, query), expected, "{query}");
    }
}

#[test]
fn a_word_with_nothing_searchable_does_not_empty_the_results() {
    let index = index(&[post(1, "budget"), post(2, "other")]);
    let long = "x".repeat(80);
    assert_eq!(ids(&index, &format!("budget {long}")), [1]);
    assert_eq!(ids(&index, &long), Vec::<i64>::new());
}
