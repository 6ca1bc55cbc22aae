//! Related threads: tagged ones first, then titles sharing telling words in
//! any form; one hit per thread, replies never, private spaces kept private.

use super::*;

fn thread(id: i64, title: &str) -> PostDoc {
    PostDoc {
        title: title.to_owned(),
        ..post(id, "Some text.")
    }
}

fn related(index: &SearchIndex, viewer: &Viewer, text: &str, criterion: Option<&str>) -> Vec<i64> {
    let req = RelatedRequest {
        texts: vec![text.to_owned()],
        criterion: criterion.map(str::to_owned),
        limit: 10,
    };
    index
        .related(viewer, &req)
        .expect("related threads")
        .iter()
        .map(|t| t.thread_id)
        .collect()
}

#[test]
fn tagged_threads_come_first_then_titles_sharing_telling_words() {
    let tagged = PostDoc {
        criteria: vec!["DM1".to_owned()],
        ..thread(1, "Where do we begin?")
    };
    let solved = PostDoc {
        solved: true,
        ..thread(2, "Governing our data")
    };
    let reply = PostDoc {
        is_opening: false,
        post_id: 30,
        ..thread(3, "Data governance strategy")
    };
    let private = PostDoc {
        space: "city:north".to_owned(),
        ..thread(4, "Data governance for the council")
    };
    let index = index(&[
        tagged,
        thread(3, "Data governance strategy"),
        solved,
        reply,
        private,
        thread(5, "Hiring a statistician"),
    ]);
    let member = Viewer {
        all_spaces: false,
        city_space: Some("city:south".to_owned()),
    };
    let found = related(
        &index,
        &member,
        "Implementing a data strategy and governance",
        Some("dm1"),
    );
    assert_eq!(
        found,
        [1, 3, 2],
        "tagged, then the better title, one hit per thread"
    );
    let staff_found = related(&index, &staff(), "data governance", None);
    assert!(staff_found.contains(&4) && !staff_found.contains(&1));
    assert_eq!(
        related(&index, &member, "the and of", None),
        Vec::<i64>::new()
    );
}
