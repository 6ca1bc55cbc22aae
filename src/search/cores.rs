//! Splitting one search between the two cores, from whichever thread it
//! runs on: a request's own async worker or one of rayon's threads.

/// Runs `a` and `b` at once and returns both results; `b`'s is None only
/// if it never ran, which a panic in it (re-raised here) prevents.
///
/// On rayon's threads this is `rayon::join`. Elsewhere, `rayon::join`
/// would hand both halves to rayon and put the caller to sleep until they
/// were done; here the caller runs `a` itself while a rayon thread runs
/// `b`. A search no longer waits for a rayon thread to wake before it
/// starts, nor for its worker to wake when it ends (BENCHMARKS.md,
/// "Eighteenth run").
pub(super) fn both<A, B, RA, RB>(a: A, b: B) -> (RA, Option<RB>)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if rayon::current_thread_index().is_some() {
        let (ra, rb) = rayon::join(a, b);
        return (ra, Some(rb));
    }
    let mut rb = None;
    let ra = rayon::in_place_scope(|scope| {
        scope.spawn(|_| rb = Some(b()));
        a()
    });
    (ra, rb)
}

#[cfg(test)]
mod tests {
    use super::both;

    #[test]
    fn both_halves_run_from_inside_and_outside_the_pool() {
        let outside = both(|| 1, || 2);
        assert_eq!(outside, (1, Some(2)));
        let inside = rayon::scope(|_| both(rayon::current_thread_index, || 3));
        assert!(inside.0.is_some(), "ran on a rayon thread");
        assert_eq!(inside.1, Some(3));
    }
}
