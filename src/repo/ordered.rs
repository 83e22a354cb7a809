//! Mapping a list on the rayon pool while the calling thread consumes the results in order.
//!
//! Batches (conclude 64 images, hand them on, conclude the next 64) stop both workers at every
//! batch's end until the thread that hands the batch out is woken, and keep up to three batches
//! alive. Here each worker takes the next index as it becomes free, so no worker waits for
//! another's batch; results wait in a window of [`WINDOW`] slots for the consumer, which takes
//! every result that is ready in one go. Memory is bounded by the window: a worker does not
//! start an index more than [`WINDOW`] ahead of the consumer.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// Results finished but not yet consumed, at most. At 128 the repo bench's peak RSS rose from
/// 37–38 to 39–40 MiB (photo folders: no faster than at 64).
pub(crate) const WINDOW: usize = 64;

/// The consumer is woken when this many results are ready in a row (or the last one is): one
/// wake-up per run of results instead of one per result.
const RUN: usize = 16;

struct Ring<R> {
    slots: Vec<Option<R>>,
    /// Results handed to the consumer so far (the index of the next one).
    taken: usize,
    /// Every index below this one is finished (`taken <= ready`).
    ready: usize,
    /// Whether the consumer sleeps until `ready` reaches its mark.
    consumer_waits: bool,
    /// Workers sleeping until the window moves.
    workers_wait: usize,
    /// A worker's panic, handed on to the caller once every worker has stopped.
    panic: Option<Box<dyn std::any::Any + Send>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Calls `f` on every input on the rayon pool and hands the results to `sink` in the inputs'
/// order, on the calling thread, as they become ready. A panic in `f` or in `sink` stops the
/// workers at their next input and is raised again here once they have stopped.
pub(crate) fn map_in_order<T, R, F>(inputs: &[T], f: F, mut sink: impl FnMut(R))
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let n = inputs.len();
    if n == 0 {
        return;
    }
    if rayon::current_thread_index().is_some() {
        // On a pool thread, waiting for the pool could wait for this very thread: map a window
        // at a time with rayon's own joins instead.
        use rayon::prelude::*;
        for chunk in inputs.chunks(WINDOW) {
            let done: Vec<R> = chunk.par_iter().map(&f).collect();
            done.into_iter().for_each(&mut sink);
        }
        return;
    }
    let next = AtomicUsize::new(0);
    let ring = Mutex::new(Ring {
        slots: (0..WINDOW.min(n)).map(|_| None).collect(),
        taken: 0,
        ready: 0,
        consumer_waits: false,
        workers_wait: 0,
        panic: None,
    });
    let window = WINDOW.min(n);
    let filled = Condvar::new();
    let room = Condvar::new();
    let workers = rayon::current_num_threads().clamp(1, n);
    let work = || {
        let run = catch_unwind(AssertUnwindSafe(|| {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    return;
                }
                {
                    let mut g = lock(&ring);
                    while i >= g.taken + window && g.panic.is_none() {
                        g.workers_wait += 1;
                        g = room.wait(g).unwrap_or_else(|e| e.into_inner());
                        g.workers_wait -= 1;
                    }
                    if g.panic.is_some() {
                        return;
                    }
                }
                let r = f(&inputs[i]);
                let mut g = lock(&ring);
                g.slots[i % window] = Some(r);
                let before = g.ready;
                while g.ready < n
                    && g.ready < g.taken + window
                    && g.slots[g.ready % window].is_some()
                {
                    g.ready += 1;
                }
                let mark = (g.taken + RUN).min(n);
                if g.consumer_waits && before < mark && g.ready >= mark {
                    filled.notify_one();
                }
            }
        }));
        if let Err(p) = run {
            let mut g = lock(&ring);
            g.panic.get_or_insert(p);
            filled.notify_one();
            room.notify_all();
        }
    };
    rayon::in_place_scope(|s| {
        for _ in 0..workers {
            s.spawn(|_| work());
        }
        let consumed = catch_unwind(AssertUnwindSafe(|| {
            let mut run = Vec::with_capacity(window);
            let mut taken = 0;
            while taken < n {
                {
                    let mut g = lock(&ring);
                    // Wait for a run of results (or the last ones), unless a worker panicked.
                    let mark = (g.taken + RUN).min(n);
                    while g.ready < mark && g.panic.is_none() {
                        g.consumer_waits = true;
                        g = filled.wait(g).unwrap_or_else(|e| e.into_inner());
                        g.consumer_waits = false;
                    }
                    if g.panic.is_some() {
                        return;
                    }
                    for i in g.taken..g.ready {
                        if let Some(r) = g.slots[i % window].take() {
                            run.push(r);
                        }
                    }
                    g.taken = g.ready;
                    taken = g.taken;
                    if g.workers_wait > 0 {
                        room.notify_all();
                    }
                }
                run.drain(..).for_each(&mut sink);
            }
        }));
        if let Err(p) = consumed {
            // The workers must not wait for room that will never come.
            let mut g = lock(&ring);
            g.panic.get_or_insert(p);
            room.notify_all();
        }
    });
    // Every worker has stopped: in_place_scope waits for them.
    if let Some(p) = lock(&ring).panic.take() {
        resume_unwind(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_length() {
        for n in [0, 1, 2, 15, 16, 17, WINDOW - 1, WINDOW, WINDOW + 1, 1000] {
            let inputs: Vec<usize> = (0..n).collect();
            let mut out = Vec::new();
            map_in_order(&inputs, |&i| i * 2, |r| out.push(r));
            assert_eq!(out, inputs.iter().map(|i| i * 2).collect::<Vec<_>>(), "{n}");
        }
    }

    #[test]
    fn uneven_work_still_comes_in_order() {
        let inputs: Vec<u64> = (0..500).collect();
        let mut out = Vec::new();
        map_in_order(
            &inputs,
            |&i| {
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                i
            },
            |r| out.push(r),
        );
        assert_eq!(out, inputs);
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller_without_a_hang() {
        let inputs: Vec<usize> = (0..1000).collect();
        let mut seen = 0;
        let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
            map_in_order(
                &inputs,
                |&i| {
                    assert!(i != 300, "input 300");
                    i
                },
                |_| seen += 1,
            )
        }));
        assert!(r.is_err());
        assert!(seen <= 300);
    }
}
