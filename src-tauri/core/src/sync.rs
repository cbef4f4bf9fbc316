//! Locks that outlive a panic elsewhere: what a poisoned mutex guards is still consistent for
//! every use in PinDesk (plain values replaced whole), and the release build aborts on a panic.

use std::sync::{Mutex, MutexGuard, PoisonError};

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
