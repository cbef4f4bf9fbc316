//! The passcode's trip through the real clipboard (an X display: Xvfb in scripts/test).

use std::sync::Mutex;
use std::time::Duration;

use pindesk_core::clipboard::SecretClipboard;

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
    let clipboard = SecretClipboard::default();
    clipboard
        .copy("583920", Duration::from_millis(400))
        .unwrap();
    assert_eq!(read().as_deref(), Some("583920"));
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(read(), None);
}

#[test]
fn something_copied_after_the_passcode_is_left_alone() {
    let _turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !display() {
        return;
    }
    let clipboard = SecretClipboard::default();
    clipboard
        .copy("111222", Duration::from_millis(400))
        .unwrap();
    let mut other = arboard::Clipboard::new().unwrap();
    other.set_text("meeting notes").unwrap();
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(other.get_text().unwrap(), "meeting notes");
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
