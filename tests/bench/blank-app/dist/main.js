// The page's first IPC call on load, as PinDesk's app_info; the button asks again.
const invoke = (cmd) => window.__TAURI_INTERNALS__.invoke(cmd);
const version = await invoke('info');
document.querySelector('[data-testid="app-version"]').textContent = `Blank ${version}`;
// The benchmark's observer can only start once the page has loaded, and this page's one answer
// often comes before that: note when it was painted, timed exactly as the observer times PinDesk.
requestAnimationFrame(() => setTimeout(() => (window.__benchPaintedAt = Date.now())));
document.querySelector('[data-testid="ask"]').addEventListener('click', async () => {
  document.querySelector('[data-testid="answer"]').textContent = await invoke('info');
});
