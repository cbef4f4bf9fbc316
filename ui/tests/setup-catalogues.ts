// The window loads each catalogue when its language is first needed; the tests switch language
// freely, so both are loaded before any test runs.
import { loadLanguage } from '../src/lib/i18n';

await Promise.all([loadLanguage('en'), loadLanguage('de')]);
