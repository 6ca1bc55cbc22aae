//! Rebuilds the binary when a migration is added: `embed_migrations!` reads
//! the folders at compile time, and cargo does not watch them on its own.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
