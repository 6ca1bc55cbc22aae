//! Splitting one search between the two cores, from whichever thread it
//! runs on: a request's own async worker or one of rayon's threads.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long the caller, done with its half, spins for the other half
/// before it sleeps: waking a sleeping thread costs tens of microseconds
/// on these virtual machines, and a longer spin would keep a busy
/// server's core from other requests.
const SPIN: Duration = Duration::from_micros(60);

/// Runs `a` and `b` at once and returns both results; `b`'s is None only
/// if it never ran, which a panic in it (re-raised here) prevents.
///
/// On rayon's threads this is `rayon::join`. Elsewhere, `rayon::join`
/// would hand both halves to rayon and put the caller to sleep until they
/// were done; here the caller runs `a` itself while a rayon thread runs
/// `b`. A search no longer waits for a rayon thread to wake before it
/// starts, nor for its worker to wake when it ends (BENCHMARKS.md,
/// "Eighteenth run"). As `rayon::join` does, the caller runs `b` itself
/// if no rayon thread has taken it by the time `a` is done, and spins a
/// little for one that has rather than going to sleep at once.
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
    let other = Other::new(b);
    let ra = rayon::in_place_scope(|scope| {
        scope.spawn(|_| other.run());
        let ra = a();
        other.run();
        other.spin(SPIN);
        ra
    });
    (ra, other.into_result())
}

/// The half a rayon thread was asked to run, which whichever thread comes
/// first runs.
struct Other<B, RB> {
    job: Mutex<Option<B>>,
    result: Mutex<Option<RB>>,
    done: AtomicBool,
}

impl<B: FnOnce() -> RB, RB> Other<B, RB> {
    fn new(job: B) -> Self {
        Other {
            job: Mutex::new(Some(job)),
            result: Mutex::new(None),
            done: AtomicBool::new(false),
        }
    }

    /// Runs the half unless another thread has taken it.
    fn run(&self) {
        let job = self
            .job
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(job) = job {
            let result = job();
            *self.result.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
            self.done.store(true, Ordering::Release);
        }
    }

    /// Waits up to `limit` for the half to be done, without sleeping.
    fn spin(&self, limit: Duration) {
        let start = Instant::now();
        while !self.done.load(Ordering::Acquire) && start.elapsed() < limit {
            std::hint::spin_loop();
        }
    }

    fn into_result(self) -> Option<RB> {
        self.result
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
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

    /// Whichever thread takes the other half, it runs once and its result
    /// comes back: the caller and a rayon thread race for it every time.
    #[test]
    fn the_other_half_runs_exactly_once_whoever_takes_it() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let runs = AtomicUsize::new(0);
        for i in 0..2_000usize {
            let (a, b) = both(
                || i,
                || {
                    runs.fetch_add(1, Ordering::Relaxed);
                    i * 2
                },
            );
            assert_eq!((a, b), (i, Some(i * 2)));
        }
        assert_eq!(runs.load(Ordering::Relaxed), 2_000);
    }
}
