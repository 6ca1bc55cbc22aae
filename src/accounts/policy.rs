//! Who may see and do what. Every handler asks here; none decides alone.
//! Pure: it knows the actor and the thing, nothing else.

use super::users::{Role, User};

/// Something a person might want to see or do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A city's assessments, drafts, evidence notes and roadmap.
    ViewCityPrivate { city_id: i32 },
    /// Submit or edit a city's assessments.
    EditCityAssessments { city_id: i32 },
    /// Invite and manage a city's people, and change its settings.
    ManageCityPeople { city_id: i32 },
    /// Create cities, invite anyone, read the audit log.
    AdministerProgram,
    /// Hide, restore, lock and move forum posts.
    Moderate,
    /// Search and read every city's private forum space at once.
    ReadEveryCitySpace,
    /// See which criteria a city meets and its level, as a peer.
    ViewPeerProfile { city_id: i32, discoverable: bool },
    /// Read a forum space: public (`None`) or a city's private space.
    ReadForum { private_to: Option<i32> },
    /// Ask a peer city for an introduction on behalf of this city.
    RequestIntroduction { city_id: i32 },
    /// See an introduction between two cities.
    ViewIntroduction { from_city: i32, to_city: i32 },
    /// Accept or decline an introduction asked of this city.
    AnswerIntroduction { city_id: i32 },
    /// Mark a question's accepted answer: its asker (None: a removed account) or a moderator.
    AcceptAnswer { asker_id: Option<i32> },
    /// Edit or delete a post: its author (None: a removed account) or a moderator.
    EditPost { author_id: Option<i32> },
}

/// Whether `actor` (None: anonymous) may do `action`.
pub fn allows(actor: Option<&User>, action: Action) -> bool {
    let Some(actor) = actor else { return false };
    if actor.role == Role::ProgramAdmin {
        return true;
    }
    let same_city = |city_id: i32| actor.city_id == Some(city_id);
    match action {
        Action::ViewCityPrivate { city_id }
        | Action::EditCityAssessments { city_id }
        | Action::RequestIntroduction { city_id } => same_city(city_id),
        Action::ManageCityPeople { city_id } | Action::AnswerIntroduction { city_id } => {
            same_city(city_id) && actor.role == Role::CityAdmin
        }
        Action::ViewIntroduction { from_city, to_city } => {
            same_city(from_city) || same_city(to_city)
        }
        Action::AdministerProgram | Action::ReadEveryCitySpace => false,
        Action::Moderate => actor.role == Role::Moderator,
        Action::AcceptAnswer { asker_id: owner } | Action::EditPost { author_id: owner } => {
            owner == Some(actor.id) || actor.role == Role::Moderator
        }
        Action::ViewPeerProfile {
            city_id,
            discoverable,
        } => discoverable || same_city(city_id),
        Action::ReadForum { private_to: None } => true,
        Action::ReadForum {
            private_to: Some(city_id),
        } => same_city(city_id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn user(role: Role, city_id: Option<i32>) -> User {
        User {
            id: 1,
            email: "a@b.org".into(),
            display_name: "A".into(),
            language: Lang::En,
            time_zone: "UTC".into(),
            city_id,
            city_slug: None,
            city_name: None,
            role,
        }
    }

    #[test]
    fn a_city_s_private_data_is_for_its_people_and_program_admins_only() {
        let action = Action::ViewCityPrivate { city_id: 7 };
        assert!(!allows(None, action));
        assert!(allows(Some(&user(Role::Member, Some(7))), action));
        assert!(allows(Some(&user(Role::CityAdmin, Some(7))), action));
        assert!(!allows(Some(&user(Role::Member, Some(8))), action));
        assert!(!allows(Some(&user(Role::Moderator, None)), action));
        assert!(allows(Some(&user(Role::ProgramAdmin, None)), action));
    }

    #[test]
    fn only_a_city_admin_of_that_city_manages_its_people() {
        let action = Action::ManageCityPeople { city_id: 7 };
        assert!(!allows(Some(&user(Role::Member, Some(7))), action));
        assert!(allows(Some(&user(Role::CityAdmin, Some(7))), action));
        assert!(!allows(Some(&user(Role::CityAdmin, Some(8))), action));
        assert!(allows(Some(&user(Role::ProgramAdmin, None)), action));
    }

    #[test]
    fn peers_see_only_discoverable_cities_and_their_own() {
        let member = user(Role::Member, Some(7));
        let hidden = Action::ViewPeerProfile {
            city_id: 9,
            discoverable: false,
        };
        let shown = Action::ViewPeerProfile {
            city_id: 9,
            discoverable: true,
        };
        assert!(!allows(Some(&member), hidden));
        assert!(allows(Some(&member), shown));
        assert!(allows(
            Some(&member),
            Action::ViewPeerProfile {
                city_id: 7,
                discoverable: false
            }
        ));
        assert!(!allows(None, shown), "peers are for signed-in people");
    }

    #[test]
    fn introductions_are_seen_by_both_cities_and_answered_by_the_asked_city_s_admins() {
        let view = Action::ViewIntroduction {
            from_city: 7,
            to_city: 8,
        };
        let answer = Action::AnswerIntroduction { city_id: 8 };
        assert!(allows(Some(&user(Role::Member, Some(7))), view));
        assert!(allows(Some(&user(Role::Member, Some(8))), view));
        assert!(!allows(Some(&user(Role::Member, Some(9))), view));
        assert!(!allows(Some(&user(Role::Moderator, None)), view));
        assert!(allows(Some(&user(Role::CityAdmin, Some(8))), answer));
        assert!(!allows(Some(&user(Role::Member, Some(8))), answer));
        assert!(!allows(Some(&user(Role::CityAdmin, Some(7))), answer));
        assert!(allows(Some(&user(Role::ProgramAdmin, None)), answer));
    }

    #[test]
    fn public_forum_spaces_are_for_everyone_signed_in_and_private_ones_for_the_city() {
        let public = Action::ReadForum { private_to: None };
        let private = Action::ReadForum {
            private_to: Some(7),
        };
        assert!(!allows(None, public));
        assert!(allows(Some(&user(Role::Moderator, None)), public));
        assert!(allows(Some(&user(Role::Member, Some(7))), private));
        assert!(!allows(Some(&user(Role::Member, Some(8))), private));
        assert!(!allows(Some(&user(Role::Moderator, None)), private));
        assert!(allows(Some(&user(Role::ProgramAdmin, None)), private));
    }

    #[test]
    fn the_asker_or_a_moderator_accepts_an_answer() {
        let mut asker = user(Role::Member, Some(7));
        asker.id = 5;
        let action = Action::AcceptAnswer { asker_id: Some(5) };
        assert!(allows(Some(&asker), action));
        assert!(!allows(Some(&user(Role::CityAdmin, Some(7))), action));
        assert!(allows(Some(&user(Role::Moderator, None)), action));
        assert!(allows(Some(&user(Role::ProgramAdmin, None)), action));
        let orphan = Action::AcceptAnswer { asker_id: None };
        assert!(!allows(Some(&asker), orphan));
    }

    #[test]
    fn moderation_and_program_administration_follow_the_role() {
        assert!(allows(Some(&user(Role::Moderator, None)), Action::Moderate));
        assert!(!allows(
            Some(&user(Role::CityAdmin, Some(1))),
            Action::Moderate
        ));
        assert!(!allows(
            Some(&user(Role::Moderator, None)),
            Action::AdministerProgram
        ));
        assert!(allows(
            Some(&user(Role::ProgramAdmin, None)),
            Action::AdministerProgram
        ));
    }
}
