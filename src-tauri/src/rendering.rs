//! How the window paints on Linux. PinDesk is a form: no animation, video or 3D that would
//! profit from WebKitGTK's compositing, which keeps tiles, their copies and a compositor thread
//! for the page's whole life. Painting without it measured about 100 MB less for the window's
//! process on the same screens (docs/performance.md), and avoids the GPU-driver paths behind
//! blank windows on some Linux desktops. Windows (WebView2) and macOS (WKWebView) keep their
//! defaults: neither offers the choice.

/// Asks the main window's WebKitGTK view to paint without compositing.
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
