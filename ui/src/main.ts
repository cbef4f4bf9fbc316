import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { loadLanguage, locale } from './lib/i18n';
import { askFirstQuestions, atMost } from './lib/startup';

const target = document.getElementById('app');
if (!target) throw new Error('PinDesk: the #app element is missing from index.html');

// The first screen opens complete: its answers come in a few milliseconds, well inside the limit.
await atMost(askFirstQuestions(), 120);
// Words in some language are needed for any screen: the system's, if the saved choice is late.
if (Object.keys(locale.catalogues).length === 0) await loadLanguage(locale.current);

export default mount(App, { target });
