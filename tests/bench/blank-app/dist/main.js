// The page's first IPC call on load, as PinDesk's app_info; the button asks again.
const invoke = (cmd) => window.__TAURI_INTERNALS__.invoke(cmd);
const version = await invoke('info');
document.querySelector('[data-testid="app-version"]').textContent = `Blank ${version}`;
// The benchmark's observer can only start once the page has loaded, and this page's one answer
// often comes before that: mark when it was painted, exactly as PinDesk marks its first screen.
requestAnimationFrame(() => setTimeout(() => performance.mark('first-screen')));
document.querySelector('[data-testid="ask"]').addEventListener('click', async () => {
  document.querySelector('[data-testid="answer"]').textContent = await invoke('info');
});
