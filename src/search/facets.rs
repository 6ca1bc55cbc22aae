//! Counts every match by area and by criterion, read from the fast fields, so
//! the page can offer "DM (12) · LC (3)" for the whole result, not one page.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts for each value of the `area` and the (multi-valued) `criteria` field.
pub struct FacetCounts;

#[derive(Debug, Clone, Default)]
pub struct Counted {
    pub area: HashMap<String, u64>,
    pub criterion: HashMap<String, u64>,
}

pub struct SegmentFacetCounts {
    columns: [Option<(StrColumn, Vec<u64>)>; 2],
}

impl Collector for FacetCounts {
    type Fruit = Counted;
    type Child = SegmentFacetCounts;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounts> {
        let column = |name: &str| -> tantivy::Result<Option<(StrColumn, Vec<u64>)>> {
            let column = reader.fast_fields().str(name)?;
            Ok(column.map(|c| {
                let counts = vec![0; c.num_terms()];
                (c, counts)
            }))
        };
        Ok(SegmentFacetCounts {
            columns: [column("area")?, column("criteria")?],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counted>) -> tantivy::Result<Counted> {
        let mut merged = Counted::default();
        for fruit in fruits {
            for (name, count) in fruit.area {
                *merged.area.entry(name).or_default() += count;
            }
            for (name, count) in fruit.criterion {
                *merged.criterion.entry(name).or_default() += count;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentFacetCounts {
    type Fruit = Counted;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for (column, counts) in self.columns.iter_mut().flatten() {
            for ord in column.term_ords(doc) {
                if let Some(count) = usize::try_from(ord).ok().and_then(|o| counts.get_mut(o)) {
                    *count += 1;
                }
            }
        }
    }

    fn harvest(self) -> Counted {
        let [area, criterion] = self.columns.map(|c| c.map(named).unwrap_or_default());
        Counted { area, criterion }
    }
}

/// Ordinals to values, leaving out those no match had. The dictionary is
/// read once, in order, rather than looked up block by block for each value.
fn named((column, counts): (StrColumn, Vec<u64>)) -> HashMap<String, u64> {
    let ords: Vec<u64> = (0u64..)
        .zip(&counts)
        .filter(|(_, n)| **n > 0)
        .map(|(ord, _)| ord)
        .collect();
    let mut found = counts.iter().filter(|n| **n > 0);
    let mut named = HashMap::new();
    let _complete = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
        if let (Some(&count), Ok(name)) = (found.next(), std::str::from_utf8(bytes)) {
            named.insert(name.to_owned(), count);
        }
    });
    named
}

/// Most frequent first, then by name, so the order is stable.
pub fn ranked(counts: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut ranked: Vec<(String, u64)> = counts.into_iter().collect();
    ranked.sort_by(|(a, m), (b, n)| n.cmp(m).then_with(|| a.cmp(b)));
    ranked
}
