//! Who may read which posts: public posts and the reader's own city's space,
//! or every space for program staff; as a query for counting and filtering,
//! and as a per-candidate check for ranking.

use std::num::NonZeroUsize;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use lru::LruCache;
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::query::Query;
use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::{BitSet, DocId, SegmentReader};

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
    column: Option<StrColumn>,
    allowed: Vec<u64>,
    /// Set for the segment's posts outside the public space; None when the
    /// reader may not read public posts, so that every post is looked up.
    not_public: Option<Arc<BitSet>>,
}

impl Readable {
    pub(super) fn in_segment(segment: &SegmentReader, spaces: &[String]) -> tantivy::Result<Self> {
        let column = segment.fast_fields().str(SPACE)?;
        let mut allowed = Vec::new();
        let mut not_public = None;
        if let Some(column) = &column {
            for space in spaces {
                allowed.extend(column.dictionary().term_ord(space)?);
            }
            if spaces.iter().any(|s| s == PUBLIC) {
                not_public = Some(not_public_in(segment, column)?);
            }
        }
        Ok(Readable {
            column,
            allowed,
            not_public,
        })
    }

    pub(super) fn allows(&self, doc: DocId) -> bool {
        if self
            .not_public
            .as_ref()
            .is_some_and(|set| !set.contains(doc))
        {
            return true;
        }
        self.column
            .as_ref()
            .is_some_and(|c| c.term_ords(doc).any(|ord| self.allowed.contains(&ord)))
    }
}

/// Bit sets of the posts outside the public space, by segment. A segment never
/// changes and its id is unique, so each set is worked out once, in one pass
/// over the segment's `space` column, rather than a column read per candidate
/// (a tenth of a search at 1M posts). A set takes one bit per post.
static NOT_PUBLIC: LazyLock<Mutex<LruCache<SegmentId, Arc<BitSet>>>> =
    LazyLock::new(|| Mutex::new(LruCache::new(SEGMENTS_REMEMBERED)));

const SEGMENTS_REMEMBERED: NonZeroUsize = match NonZeroUsize::new(256) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

fn not_public_in(segment: &SegmentReader, column: &StrColumn) -> tantivy::Result<Arc<BitSet>> {
    let id = segment.segment_id();
    let remembered = || NOT_PUBLIC.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(set) = remembered().get(&id) {
        return Ok(Arc::clone(set));
    }
    let public = column.dictionary().term_ord(PUBLIC)?;
    let mut set = BitSet::with_max_value(segment.max_doc());
    for doc in 0..segment.max_doc() {
        // A post without a space is not public either: it is looked up, and refused.
        let first = column.term_ords(doc).next();
        if public.is_none() || first != public {
            set.insert(doc);
        }
    }
    let set = Arc::new(set);
    remembered().put(id, Arc::clone(&set));
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
