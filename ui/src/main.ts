import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { askFirstQuestions, atMost } from './lib/startup';

const target = document.getElementById('app');
if (!target) throw new Error('PinDesk: the #app element is missing from index.html');

// The first screen opens complete: its answers come in a few milliseconds, well inside the limit.
await atMost(askFirstQuestions(), 120);

export default mount(App, { target });
