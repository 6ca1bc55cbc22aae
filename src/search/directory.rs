//! Where the index lives on disk: mapped into memory for what a search walks
//! (term dictionaries, postings, positions, fast fields), but stored posts
//! read with plain reads, so that fetching a page's ten hits leaves nothing
//! mapped behind.
//!
//! Every page of a mapped file a search touches stays in the server's
//! resident memory, and the kernel maps the cached pages around each fault
//! too. After the bench's 600 searches at 1M posts the stored posts alone
//! were 94 MB of it (BENCHMARKS.md, "Seventh run"), for ten small blocks a
//! search. A read copies the block instead and leaves the file to the page
//! cache, which the kernel shares and reclaims.

use std::fmt;
use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Advice, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback, WatchHandle,
    WritePtr,
};
use tantivy::{Directory, HasLen};

/// The stored posts' files.
const STORE_EXTENSION: &str = "store";
/// Reads up to this size are copied; larger ones (a merge copying a whole
/// store) use the mapping rather than a buffer the size of the file.
const MAX_COPIED_READ: usize = 1 << 20;

/// An index directory: tantivy's mapped one, except for stored posts.
#[derive(Clone)]
pub struct IndexDirectory {
    mapped: MmapDirectory,
    root: PathBuf,
}

impl fmt::Debug for IndexDirectory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IndexDirectory({})", self.root.display())
    }
}

impl IndexDirectory {
    /// Mapped with no read-ahead: a search reads a few blocks here and
    /// there, and the kernel's read-ahead around each was most of what the
    /// index added to the server's resident memory.
    pub fn open(root: &Path) -> anyhow::Result<IndexDirectory> {
        let mapped = MmapDirectory::open_with_madvice(root, Advice::Random)
            .with_context(|| format!("cannot open the search index at {}", root.display()))?;
        Ok(IndexDirectory {
            mapped,
            root: root.to_owned(),
        })
    }
}

impl Directory for IndexDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let mapped = self.mapped.get_file_handle(path)?;
        if path.extension().and_then(|e| e.to_str()) != Some(STORE_EXTENSION) {
            return Ok(mapped);
        }
        let full = self.root.join(path);
        let file = File::open(&full).map_err(|e| OpenReadError::wrap_io_error(e, full))?;
        Ok(Arc::new(ReadByCopy { file, mapped }))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.mapped.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.mapped.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.mapped.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.mapped.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.mapped.atomic_write(path, data)
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.mapped.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.mapped.watch(watch_callback)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.mapped.sync_directory()
    }
}

/// A file read by copying small ranges out of it; the open file outlives
/// its deletion, as a mapping does.
struct ReadByCopy {
    file: File,
    mapped: Arc<dyn FileHandle>,
}

impl fmt::Debug for ReadByCopy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReadByCopy({} bytes)", self.len())
    }
}

impl HasLen for ReadByCopy {
    fn len(&self) -> usize {
        self.mapped.len()
    }
}

impl FileHandle for ReadByCopy {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.len() > MAX_COPIED_READ {
            return self.mapped.read_bytes(range);
        }
        let mut buffer = vec![0; range.len()];
        self.file.read_exact_at(&mut buffer, range.start as u64)?;
        Ok(OwnedBytes::new(buffer))
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use tantivy::directory::TerminatingWrite;

    use super::*;

    #[test]
    fn stored_posts_are_copied_and_the_rest_mapped_with_the_same_bytes() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let directory = IndexDirectory::open(dir.path()).expect("opened");
        let content: Vec<u8> = (0..3 * MAX_COPIED_READ).map(|i| (i % 251) as u8).collect();
        for name in ["a.store", "a.idx"] {
            let mut writer = directory.open_write(Path::new(name)).expect("writable");
            writer.write_all(&content).expect("written");
            writer.terminate().expect("closed");
        }
        let store = directory
            .get_file_handle(Path::new("a.store"))
            .expect("store");
        let postings = directory
            .get_file_handle(Path::new("a.idx"))
            .expect("postings");
        assert!(format!("{store:?}").starts_with("ReadByCopy"));
        assert!(!format!("{postings:?}").starts_with("ReadByCopy"));
        for range in [
            0..10,
            4000..8200,
            5..(2 * MAX_COPIED_READ),
            0..content.len(),
        ] {
            let expected = content.get(range.clone()).expect("in range");
            let copied = store.read_bytes(range.clone()).expect("read");
            assert_eq!(copied.as_slice(), expected, "{range:?}");
        }
        assert_eq!(store.len(), content.len());
        // Deleted while open, as a merge leaves a segment some searcher reads.
        directory.delete(Path::new("a.store")).expect("deleted");
        let after = store.read_bytes(100..200).expect("still readable");
        assert_eq!(after.as_slice(), content.get(100..200).expect("in range"));
    }
}
