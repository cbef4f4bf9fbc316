//! Puts a secret (a passcode) on the clipboard for a short while: kept out of clipboard history
//! where the OS allows, and cleared afterwards unless the person has copied something else since.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use zeroize::Zeroizing;

use crate::error::CoreError;
use crate::sync::lock;

/// What a copied secret's clearing waits on: runs the task once the delay has passed. The app's
/// is a thread that sleeps, so the clearing needs no async runtime from whoever copied; a test
/// passes one it moves on itself.
pub type Scheduler = Arc<dyn Fn(Duration, Box<dyn FnOnce() + Send>) + Send + Sync>;

/// How long a copied passcode stays on the clipboard.
pub const CLEAR_AFTER: Duration = Duration::from_secs(60);

/// Shortens (or lengthens, up to ten minutes) the time a passcode stays on the clipboard, in
/// seconds; tests and training set it.
pub const ENV_CLIPBOARD_SECONDS: &str = "PINDESK_CLIPBOARD_SECONDS";

/// The clearing time for this run: [`CLEAR_AFTER`] unless the environment says otherwise.
pub fn clear_after(env: impl Fn(&str) -> Option<String>) -> Duration {
    env(ENV_CLIPBOARD_SECONDS)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| (1..=600).contains(s))
        .map_or(CLEAR_AFTER, Duration::from_secs)
}

/// One per app: on Linux the clipboard's contents live as long as the process serves them.
#[derive(Clone, Default)]
pub struct SecretClipboard {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Open only while a secret may be on the clipboard: on Linux an open connection is a
    /// window, a thread and a socket, and a clearing that is still on its way to that window
    /// could otherwise wipe what is copied next.
    board: Mutex<Option<arboard::Clipboard>>,
    generation: AtomicU64,
    /// The secret last copied, until it is cleared: what [`SecretClipboard::clear_if_ours`]
    /// looks for when the app quits before the timer.
    copied: Mutex<Option<Zeroizing<String>>>,
    /// `None`: the wall clock.
    scheduler: Option<Scheduler>,
}

impl std::fmt::Debug for SecretClipboard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretClipboard").finish_non_exhaustive()
    }
}

impl SecretClipboard {
    /// A clipboard whose clearing waits on `scheduler` instead of the wall clock.
    pub fn with_scheduler(scheduler: Scheduler) -> SecretClipboard {
        SecretClipboard {
            inner: Arc::new(Inner {
                scheduler: Some(scheduler),
                ..Inner::default()
            }),
        }
    }

    /// Copies `secret` and clears it after `clear_after`; a later copy restarts the clock.
    pub fn copy(&self, secret: &str, clear_after: Duration) -> Result<(), CoreError> {
        self.with_board(|board| set_secret(board, secret))?;
        let generation = self.inner.generation.fetch_add(1, Ordering::SeqCst) + 1;
        *lock(&self.inner.copied) = Some(Zeroizing::new(secret.to_owned()));
        // The timer does not keep the clipboard alive: once its owner is gone (the app quit and
        // cleared already), there is nothing left for it to do.
        let inner = Arc::downgrade(&self.inner);
        let clear = move || {
            if let Some(inner) = inner.upgrade()
                && inner.generation.load(Ordering::SeqCst) == generation
            {
                SecretClipboard { inner }.clear_if_ours();
            }
        };
        match &self.inner.scheduler {
            Some(scheduler) => scheduler(clear_after, Box::new(clear)),
            None => {
                std::thread::spawn(move || {
                    std::thread::sleep(clear_after);
                    clear();
                });
            }
        }
        Ok(())
    }

    /// Clears the clipboard now if it still holds the secret copied last; something the person
    /// copied since stays. The app calls this when it quits, so a passcode never outlives
    /// PinDesk on the clipboard (on Windows and macOS the clipboard keeps it otherwise).
    pub fn clear_if_ours(&self) {
        let Some(secret) = lock(&self.inner.copied).take() else {
            return;
        };
        let mut board = lock(&self.inner.board);
        let Some(open) = board.as_mut() else {
            return;
        };
        let cleared = match open.get_text().map(Zeroizing::new) {
            Ok(text) if *text == *secret => open.clear(),
            _ => Ok(()),
        };
        match cleared {
            // The secret is off the clipboard either way, so there is nothing left to serve;
            // closing the connection now also means a clearing cannot reach a later copy.
            Ok(_) => *board = None,
            Err(error) => {
                tracing::warn!(%error, "could not clear the copied passcode from the clipboard");
            }
        }
    }

    fn with_board(
        &self,
        work: impl FnOnce(&mut arboard::Clipboard) -> Result<(), arboard::Error>,
    ) -> Result<(), CoreError> {
        let mut guard = lock(&self.inner.board);
        if guard.is_none() {
            *guard = Some(connect()?);
        }
        match guard.as_mut() {
            Some(board) => work(board).map_err(|e| clipboard_error(&e.to_string())),
            None => Err(clipboard_error("no clipboard")),
        }
    }
}

/// The display server can refuse a connection for a moment (seen with X servers under load); a
/// person pressing Copy should not see an error for that, so two more tries follow a short pause.
fn connect() -> Result<arboard::Clipboard, CoreError> {
    let mut pause = Duration::from_millis(100);
    let mut tries_left = 2;
    loop {
        match arboard::Clipboard::new() {
            Ok(board) => return Ok(board),
            Err(error) if tries_left == 0 => return Err(clipboard_error(&error.to_string())),
            Err(error) => {
                tracing::debug!(%error, "the clipboard is not reachable yet; trying again");
                std::thread::sleep(pause);
                pause *= 3;
                tries_left -= 1;
            }
        }
    }
}

#[cfg(any(target_os = "linux", target_os = "windows", target_os = "macos"))]
fn set_secret(board: &mut arboard::Clipboard, secret: &str) -> Result<(), arboard::Error> {
    #[cfg(target_os = "macos")]
    use arboard::SetExtApple as _;
    #[cfg(target_os = "linux")]
    use arboard::SetExtLinux as _;
    #[cfg(target_os = "windows")]
    use arboard::SetExtWindows as _;
    board.set().exclude_from_history().text(secret)
}

#[cfg(not(any(target_os = "linux", target_os = "windows", target_os = "macos")))]
fn set_secret(board: &mut arboard::Clipboard, secret: &str) -> Result<(), arboard::Error> {
    board.set_text(secret)
}

fn clipboard_error(reason: &str) -> CoreError {
    CoreError::Clipboard(reason.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clearing_time_is_sixty_seconds_unless_a_sane_number_is_set() {
        let env = |v: &'static str| move |_: &str| Some(v.to_owned());
        assert_eq!(clear_after(|_| None), CLEAR_AFTER);
        assert_eq!(clear_after(env("5")), Duration::from_secs(5));
        assert_eq!(clear_after(env("0")), CLEAR_AFTER);
        assert_eq!(clear_after(env("86400")), CLEAR_AFTER);
        assert_eq!(clear_after(env("soon")), CLEAR_AFTER);
    }
}
