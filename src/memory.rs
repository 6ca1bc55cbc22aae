//! The process's allocator: jemalloc, with large blocks on huge pages while
//! a rebuild runs.
//!
//! A rebuild's indexing threads spend most of their time in tantivy's term
//! hash table and the arena behind it, hundreds of megabytes read and written
//! at random: most of their samples fall just after a load from one or the
//! other. Backing those blocks with 2 MiB pages instead of 4 KiB ones
//! should save a page-table walk on most such loads (these VMs expose no
//! counter to count them). In ten interleaved pairs of 1M-post rebuilds,
//! the one with huge pages was 7% faster at the median, from 1% slower to
//! 15% faster (BENCHMARKS.md, "Twenty-third run"). The kernel's
//! `transparent_hugepage` setting is `madvise` on these machines: nothing
//! gets huge pages unasked.
//!
//! Only a rebuild asks ([`HugePages`]), and only for large blocks: a huge
//! page is resident whole, however little of it a block uses, and the
//! server's peak resident memory in the bench is already within a few
//! percent of its 300 MB target.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

use tikv_jemallocator::Jemalloc;

/// Blocks this large or larger are advised onto huge pages: tantivy's arena
/// pages (1 MiB each) and its hash tables.
const LARGE: usize = 1 << 20;

/// A huge page. The advice covers the huge pages a block touches, not only
/// the block: a 1 MiB arena page is half of one, and advising it alone left
/// most of a rebuild's arena on small pages (60 MB of huge pages against
/// 450 MB). The rest of such a huge page is most often the next arena page;
/// whatever lies there, the advice changes none of it.
const HUGE: usize = 2 << 20;

/// How many [`HugePages`] are held.
static HOLDERS: AtomicUsize = AtomicUsize::new(0);

/// While one is held, large blocks are advised onto huge pages. A rebuild
/// holds one: its indexing threads allocate on threads tantivy starts, so
/// the switch is the process's, not a thread's.
#[must_use = "huge pages are advised only while this is held"]
pub struct HugePages(());

impl HugePages {
    /// Huge pages for large blocks from now until this is dropped.
    pub fn hold() -> HugePages {
        HOLDERS.fetch_add(1, Ordering::Relaxed);
        HugePages(())
    }
}

impl Drop for HugePages {
    fn drop(&mut self) {
        HOLDERS.fetch_sub(1, Ordering::Relaxed);
    }
}

/// jemalloc, advising the kernel to back large blocks with huge pages.
pub struct Allocator;

// SAFETY: every call is jemalloc's with the caller's own arguments. The
// advice only tells the kernel how to back pages already mapped; it changes
// neither a mapping nor any byte in it.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller keeps `alloc`'s contract, which is jemalloc's.
        let block = unsafe { Jemalloc.alloc(layout) };
        advise(block, layout.size());
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let block = unsafe { Jemalloc.alloc_zeroed(layout) };
        advise(block, layout.size());
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: `block` came from this allocator, so from jemalloc.
        unsafe { Jemalloc.dealloc(block, layout) }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`, with `realloc`'s contract.
        let moved = unsafe { Jemalloc.realloc(block, layout, new_size) };
        advise(moved, new_size);
        moved
    }
}

/// Advises the huge pages a large block lies in. Advice only: where the
/// kernel has no huge page to give, or refuses, the block is as good.
fn advise(block: *mut u8, size: usize) {
    if block.is_null() || size < LARGE || HOLDERS.load(Ordering::Relaxed) == 0 {
        return;
    }
    let start = block as usize / HUGE * HUGE;
    let end = (block as usize).saturating_add(size).next_multiple_of(HUGE);
    // SAFETY: MADV_HUGEPAGE neither maps, unmaps nor writes; on a range
    // holding addresses that are not mapped it fails with no other effect.
    unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Large blocks take the advice; what is written in them stays through
    /// growing, shrinking and zeroed allocation.
    #[test]
    fn large_blocks_keep_their_contents() {
        let _huge = HugePages::hold();
        for size in [LARGE - 1, LARGE, 3 * LARGE + 123] {
            let layout = Layout::from_size_align(size, 8).unwrap();
            // SAFETY: no layout is zero-sized; each block is read only within
            // its size and freed once, with the layout it has then.
            unsafe {
                let zeroed = Allocator.alloc_zeroed(layout);
                assert!(!zeroed.is_null());
                assert!(
                    std::slice::from_raw_parts(zeroed, size)
                        .iter()
                        .all(|b| *b == 0)
                );
                Allocator.dealloc(zeroed, layout);

                let block = Allocator.alloc(layout);
                assert!(!block.is_null());
                for i in 0..size {
                    block.add(i).write((i % 251) as u8);
                }
                let grown = Allocator.realloc(block, layout, 2 * size);
                assert!(!grown.is_null());
                let kept = std::slice::from_raw_parts(grown, size);
                assert!(kept.iter().enumerate().all(|(i, b)| *b == (i % 251) as u8));
                let grown_layout = Layout::from_size_align(2 * size, 8).unwrap();
                let shrunk = Allocator.realloc(grown, grown_layout, size / 2);
                let kept = std::slice::from_raw_parts(shrunk, size / 2);
                assert!(kept.iter().enumerate().all(|(i, b)| *b == (i % 251) as u8));
                Allocator.dealloc(shrunk, Layout::from_size_align(size / 2, 8).unwrap());
            }
        }
    }
}
