//! Generated people: a city (most of them), a language, a time zone and a
//! role, deterministic from the seed. Pure: no I/O.

use super::cities::City;

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub email: String,
    pub handle: String,
    pub display_name: String,
    pub language: &'static str,
    pub time_zone: &'static str,
    /// Index into the generated cities (from 0); none for program staff.
    pub city: Option<usize>,
    pub role: &'static str,
}

/// One person in fifty works for the program rather than a city.
const STAFF_EVERY: usize = 50;

/// Person number `i` (from 1). The first person of each city administers it.
pub fn person(rng: &mut fastrand::Rng, i: usize, cities: &[City]) -> Person {
    let city =
        (!i.is_multiple_of(STAFF_EVERY) && !cities.is_empty()).then(|| (i - 1) % cities.len());
    let (language, country) = match city.map(|c| &cities[c]) {
        // Most people write in their city's language; some in English.
        Some(c) if rng.u32(0..10) < 8 => (c.language, c.country),
        Some(c) => ("en", c.country),
        None => (["en", "es", "pt", "fr"][rng.usize(0..4)], "US"),
    };
    let role = match city {
        None if i.is_multiple_of(STAFF_EVERY * 5) => "program_admin",
        None => "moderator",
        Some(_) if i <= cities.len() => "city_admin",
        Some(_) => "member",
    };
    let handle = format!("user{i}");
    Person {
        email: format!("{handle}@scale.example.org"),
        display_name: display_name(rng, language),
        handle,
        language,
        time_zone: time_zone(rng, country, language),
        city,
        role,
    }
}

#[rustfmt::skip]
const NAMES: [(&str, [&str; 8], [&str; 8]); 4] = [
    ("en", ["Ava", "Liam", "Maya", "Noah", "Grace", "Owen", "Ruth", "Caleb"],
        ["Smith", "Johnson", "Brown", "Nguyen", "Walker", "Patel", "Clark", "Young"]),
    ("es", ["Lucía", "Mateo", "Valentina", "Diego", "Camila", "Javier", "Sofía", "Andrés"],
        ["García", "Rodríguez", "López", "Martínez", "Gómez", "Díaz", "Torres", "Ramírez"]),
    ("pt", ["Ana", "João", "Beatriz", "Pedro", "Larissa", "Rafael", "Júlia", "Thiago"],
        ["Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Ferreira"]),
    ("fr", ["Chloé", "Louis", "Camille", "Gabriel", "Léa", "Étienne", "Manon", "Julien"],
        ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie"]),
];

fn display_name(rng: &mut fastrand::Rng, language: &str) -> String {
    let (_, given, family) = NAMES.iter().find(|n| n.0 == language).unwrap_or(&NAMES[0]);
    format!(
        "{} {}",
        given[rng.usize(0..given.len())],
        family[rng.usize(0..family.len())]
    )
}

/// A zone where the city could be: by country, and in Canada by language.
fn time_zone(rng: &mut fastrand::Rng, country: &str, language: &str) -> &'static str {
    let zones: &[&'static str] = match (country, language) {
        ("US", _) => &[
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/Phoenix",
        ],
        ("CA", "fr") => &["America/Toronto"],
        ("CA", _) => &[
            "America/Toronto",
            "America/Vancouver",
            "America/Edmonton",
            "America/Halifax",
        ],
        ("BR", _) => &["America/Sao_Paulo", "America/Manaus", "America/Recife"],
        ("MX", _) => &[
            "America/Mexico_City",
            "America/Monterrey",
            "America/Tijuana",
        ],
        ("CO", _) => &["America/Bogota"],
        ("AR", _) => &[
            "America/Argentina/Buenos_Aires",
            "America/Argentina/Cordoba",
        ],
        ("CL", _) => &["America/Santiago"],
        _ => &["UTC"],
    };
    zones[rng.usize(0..zones.len())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scale::cities;

    #[test]
    fn people_get_real_zones_and_the_first_of_each_city_administers_it() {
        let mut rng = fastrand::Rng::with_seed(9);
        let towns: Vec<City> = (1..=20).map(|i| cities::city(&mut rng, i)).collect();
        let people: Vec<Person> = (1..=400).map(|i| person(&mut rng, i, &towns)).collect();
        for p in &people {
            assert!(
                p.time_zone.parse::<chrono_tz::Tz>().is_ok(),
                "{}",
                p.time_zone
            );
        }
        let admins = people.iter().filter(|p| p.role == "city_admin").count();
        assert_eq!(admins, 20);
        let staff = people.iter().filter(|p| p.city.is_none()).count();
        assert_eq!(staff, 400 / STAFF_EVERY);
        assert!(people.iter().any(|p| p.role == "program_admin"));
    }
}
