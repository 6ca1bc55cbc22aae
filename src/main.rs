//! The `peerhall` binary: everything lives in the library.

/// jemalloc rather than glibc's malloc, which kept freed memory in per-thread
/// arenas (BENCHMARKS.md, "The service at scale"). It is also the process's
/// `malloc`, so SQLite's page caches are returned to the system with the rest;
/// a rebuild's large blocks go on huge pages (`memory.rs`).
#[global_allocator]
static ALLOCATOR: peerhall::memory::Allocator = peerhall::memory::Allocator;

fn main() -> std::process::ExitCode {
    peerhall::cli::main()
}
