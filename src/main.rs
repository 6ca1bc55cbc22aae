//! The `peerhall` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    peerhall::cli::main()
}
