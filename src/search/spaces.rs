//! Who may read which posts: public posts and the reader's own city's space,
//! or every space for program staff; as a query for counting and filtering,
//! and as a per-candidate check for ranking.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::query::Query;
use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::{BitSet, DocId, SegmentReader};

use super::memo::SegmentMemo;
use super::searcher::Viewer;

/// The fast field saying who may read a post: "public" or "city:<slug>".
const SPACE: &str = "space";
const PUBLIC: &str = "public";

/// The spaces `viewer` reads: public posts and their own city's space; None
/// for program staff, who read every space.
pub(super) fn spaces(viewer: &Viewer) -> Option<Vec<String>> {
    if viewer.all_spaces {
        return None;
    }
    let mut spaces = vec![PUBLIC.to_owned()];
    spaces.extend(viewer.city_space.clone());
    Some(spaces)
}

/// Which documents of one segment are in the readable spaces. Checked per
/// candidate rather than as a union of the spaces' postings: nearly every post
/// is public, and seeking through a union that holds such a dense list
/// refills its whole look-ahead window (4,096 documents) for every candidate.
/// A public post is known from a bit set; only the few others are looked up
/// in the `space` fast field.
pub(super) struct Readable {
    segment: Arc<SegmentSpaces>,
    spaces: Vec<String>,
    /// The spaces' numbers in the segment's column, looked up on the first
    /// post outside the public space: most searches meet none. A
    /// dictionary that cannot be read allows nothing.
    allowed: OnceLock<Vec<u64>>,
    /// Whether the reader may read public posts; if not, every post is
    /// looked up.
    public: bool,
}

/// One segment's `space` column and the set of its posts outside the
/// public space, both worked out once per segment: opening the column was
/// a tenth of a rare word's search, and reading it for every candidate a
/// tenth of a search at 1M posts. The set takes one bit per post.
struct SegmentSpaces {
    column: Option<StrColumn>,
    not_public: BitSet,
}

static SPACES: SegmentMemo<SegmentSpaces> = SegmentMemo::new();

fn segment_spaces(segment: &SegmentReader) -> tantivy::Result<Arc<SegmentSpaces>> {
    SPACES.get(segment, || {
        let column = segment.fast_fields().str(SPACE)?;
        let not_public = not_public(segment, column.as_ref())?;
        Ok(SegmentSpaces { column, not_public })
    })
}

/// Works out the segment's spaces ahead of the first search.
pub(super) fn remember(segment: &SegmentReader) -> tantivy::Result<()> {
    segment_spaces(segment).map(drop)
}

pub(super) fn forget(segments: &HashSet<SegmentId>) {
    SPACES.forget(segments);
}

#[cfg(test)]
pub(super) fn remembers(segment: &SegmentId) -> bool {
    SPACES.holds(segment)
}

impl Readable {
    pub(super) fn in_segment(segment: &SegmentReader, spaces: &[String]) -> tantivy::Result<Self> {
        Ok(Readable {
            segment: segment_spaces(segment)?,
            spaces: spaces.to_vec(),
            allowed: OnceLock::new(),
            public: spaces.iter().any(|s| s == PUBLIC),
        })
    }

    pub(super) fn allows(&self, doc: DocId) -> bool {
        if self.public && !self.segment.not_public.contains(doc) {
            return true;
        }
        let Some(column) = &self.segment.column else {
            return false;
        };
        let allowed = self.allowed.get_or_init(|| {
            let ord = |space: &String| column.dictionary().term_ord(space).ok().flatten();
            self.spaces.iter().filter_map(ord).collect()
        });
        column.term_ords(doc).any(|ord| allowed.contains(&ord))
    }
}

/// The posts outside the public space, in one pass over the column. A post
/// without a space is not public either: it is looked up, and refused.
fn not_public(segment: &SegmentReader, column: Option<&StrColumn>) -> tantivy::Result<BitSet> {
    let mut set = BitSet::with_max_value(segment.max_doc());
    let public = match column {
        Some(column) => column.dictionary().term_ord(PUBLIC)?,
        None => None,
    };
    for doc in 0..segment.max_doc() {
        let first = column.and_then(|c| c.term_ords(doc).next());
        if public.is_none() || first != public {
            set.insert(doc);
        }
    }
    Ok(set)
}

/// Public posts, the viewer's own city space, or everything for program staff.
pub(super) fn permission(viewer: &Viewer) -> Option<Box<dyn Query>> {
    let spaces = spaces(viewer)?;
    let readable = FunctionPredicate::from(move |segment: &SegmentReader| {
        let readable = Readable::in_segment(segment, &spaces)?;
        Ok(move |doc: DocId| readable.allows(doc))
    });
    Some(Box::new(DocPredicateQuery::from(readable)))
}
