//! The passcode's trip through the real clipboard (an X display: Xvfb in scripts/test). The
//! clearing waits on a timer the tests move on, not on the wall clock.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use pindesk_core::clipboard::{Scheduler, SecretClipboard};

type Task = Box<dyn FnOnce() + Send>;
/// The time gone by, and the tasks still to run with when each falls due.
type Pending = (Duration, Vec<(Duration, Task)>);

/// A clock that moves only when the test moves it. What falls due runs inside `advance`, on the
/// test's thread, so it has finished when `advance` returns.
#[derive(Clone, Default)]
struct ManualTimer {
    state: Arc<Mutex<Pending>>,
}

impl ManualTimer {
    fn new() -> ManualTimer {
        ManualTimer::default()
    }

    fn scheduler(&self) -> Scheduler {
        let state = Arc::clone(&self.state);
        Arc::new(move |delay, task| {
            let mut state = state.lock().unwrap_or_else(|p| p.into_inner());
            let at = state.0 + delay;
            state.1.push((at, task));
        })
    }

    fn advance(&self, by: Duration) {
        let mut due = {
            let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
            state.0 += by;
            let now = state.0;
            let (due, later) = std::mem::take(&mut state.1)
                .into_iter()
                .partition::<Vec<_>, _>(|(at, _)| *at <= now);
            state.1 = later;
            due
        };
        due.sort_by_key(|(at, _)| *at);
        for (_, task) in due {
            task();
        }
    }
}

/// There is one clipboard per display: these tests take turns.
static TURN: Mutex<()> = Mutex::new(());

fn display() -> bool {
    let present =
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some();
    if !present {
        eprintln!("skipped: no display to hold a clipboard (scripts/test runs these under Xvfb)");
    }
    present
}

fn read() -> Option<String> {
    arboard::Clipboard::new()
        .ok()?
        .get_text()
        .ok()
        .filter(|text| !text.is_empty())
}

#[test]
fn a_copied_passcode_is_on_the_clipboard_and_gone_after_the_delay() {
    let _turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !display() {
        return;
    }
    let timer = ManualTimer::new();
    let clipboard = SecretClipboard::with_scheduler(timer.scheduler());
    clipboard.copy("583920", Duration::from_secs(60)).unwrap();
    assert_eq!(read().as_deref(), Some("583920"));
    timer.advance(Duration::from_secs(59));
    assert_eq!(read().as_deref(), Some("583920"));
    timer.advance(Duration::from_secs(1));
    assert_eq!(read(), None);
}

#[test]
fn something_copied_after_the_passcode_is_left_alone() {
    let _turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !display() {
        return;
    }
    let timer = ManualTimer::new();
    let clipboard = SecretClipboard::with_scheduler(timer.scheduler());
    clipboard.copy("111222", Duration::from_secs(60)).unwrap();
    let mut other = arboard::Clipboard::new().unwrap();
    other.set_text("meeting notes").unwrap();
    timer.advance(Duration::from_secs(60));
    assert_eq!(other.get_text().unwrap(), "meeting notes");
}

#[test]
fn copying_again_restarts_the_clearing_time() {
    let _turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !display() {
        return;
    }
    let timer = ManualTimer::new();
    let clipboard = SecretClipboard::with_scheduler(timer.scheduler());
    clipboard.copy("270115", Duration::from_secs(60)).unwrap();
    timer.advance(Duration::from_secs(30));
    clipboard.copy("270115", Duration::from_secs(60)).unwrap();
    timer.advance(Duration::from_secs(30));
    assert_eq!(read().as_deref(), Some("270115"));
    timer.advance(Duration::from_secs(30));
    assert_eq!(read(), None);
}

#[test]
fn quitting_before_the_timer_clears_the_copied_passcode() {
    let _turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !display() {
        return;
    }
    let clipboard = SecretClipboard::default();
    clipboard.copy("904417", Duration::from_secs(600)).unwrap();
    assert_eq!(read().as_deref(), Some("904417"));
    // What the app does on its way out.
    clipboard.clear_if_ours();
    assert_eq!(read(), None);
}

#[test]
fn quitting_leaves_alone_what_the_person_copied_after_the_passcode() {
    let _turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !display() {
        return;
    }
    let clipboard = SecretClipboard::default();
    clipboard.copy("333444", Duration::from_secs(600)).unwrap();
    let mut other = arboard::Clipboard::new().unwrap();
    other.set_text("ticket 4711").unwrap();
    clipboard.clear_if_ours();
    assert_eq!(other.get_text().unwrap(), "ticket 4711");
}
