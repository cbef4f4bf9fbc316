//! How the window paints on Linux. PinDesk is a form: no animation, video or 3D that would
//! profit from WebKitGTK's compositing, which keeps tiles, their copies and a compositor thread
//! for the page's whole life. Painting without it measured about 100 MB less for the window's
//! process on the same screens (docs/performance.md), and avoids the GPU-driver paths behind
//! blank windows on some Linux desktops. Windows (WebView2) and macOS (WKWebView) keep their
//! defaults: neither offers the choice.

/// Asks WebKitGTK to paint without compositing from the window's first page on; called first
/// thing at start. WebKit sets a page's way of painting up when it creates the page, which the
/// window's first load does before `paint_plainly` can reach the view. Asked that late, WebKit
/// leaves compositing but keeps what it had started for it for the page's whole life: the
/// compositor's threads, a software GL context (Mesa's llvmpipe) in both processes, and about
/// 6 MB (docs/performance.md). WebKitGTK reads this variable for every view it makes, and the
/// processes it starts inherit it. Set with GLib's setter while PinDesk has no other thread, so
/// nothing reads the environment meanwhile; a value already there is left as it is.
/// The browser PinDesk opens for sign-in inherits it too: only a WebKit browser that this starts
/// afresh reads it, and paints the sign-in page without compositing, as PinDesk does.
#[cfg(target_os = "linux")]
pub fn before_the_window() {
    const VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if webkit2gtk::glib::setenv(VARIABLE, "1", false).is_err() {
        // Only the memory differs: `paint_plainly` still turns compositing off.
        eprintln!("PinDesk could not set {VARIABLE}");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn before_the_window() {}

/// Asks the main window's WebKitGTK view to paint without compositing (again, should the
/// variable above have been set otherwise before PinDesk started).
#[cfg(target_os = "linux")]
pub fn paint_plainly(window: &tauri::WebviewWindow) {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt as _, WebViewExt as _};
    let asked = window.with_webview(|webview| {
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
    if let Err(error) = asked {
        // The window still works with WebKit's default; only its memory is higher.
        tracing::warn!(%error, "the window's rendering setting could not be applied");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn paint_plainly(_window: &tauri::WebviewWindow) {}

/// Shows the main window once its page has loaded. The window starts hidden (`tauri.conf.json`):
/// painting without compositing, WebKitGTK answers GTK's first drawing of a window by waiting for
/// the page's first picture, up to 500 ms with the app's main thread blocked, and a page still
/// loading often has none yet (on a busy machine, shown at once, the first screen came 0.4 to
/// 0.6 s later in about one start in two; docs/performance.md). Shown once loaded, the window's
/// first picture is ready at once.
pub fn show_when_loaded<R: tauri::Runtime>(
    webview: &tauri::Webview<R>,
    payload: &tauri::webview::PageLoadPayload<'_>,
) {
    if matches!(payload.event(), tauri::webview::PageLoadEvent::Finished) {
        let _ = webview.window().show();
    }
}

/// However the page's load goes, the window is shown after this long.
const SHOWN_AT_THE_LATEST: std::time::Duration = std::time::Duration::from_secs(3);

/// Shows the window after `SHOWN_AT_THE_LATEST` whatever its page does: a page that never
/// finishes loading must not leave PinDesk running unseen.
pub fn show_at_the_latest(window: &tauri::WebviewWindow) {
    let window = window.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(SHOWN_AT_THE_LATEST).await;
        let _ = window.show();
    });
}
