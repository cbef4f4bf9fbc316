// The first screen's questions (the app's facts, a remembered session, else the remembered
// accounts), asked as soon as the page runs instead of after the first paint. Their answers
// take a few milliseconds; with them in hand before the first frame, the window opens on its
// real first screen rather than on a "checking…" card that the next frame replaces.

import { api, type AppInfo, type ListedAccount, type Session } from './api';
import { languageOf, loadLanguage, locale } from './i18n';

interface FirstAnswers {
  info?: Promise<AppInfo>;
  signIn?: { session: Promise<Session | null>; accounts: Promise<ListedAccount[]> };
}

const first: FirstAnswers = {};

/** Asks the first screen's questions; resolves once all are answered, never rejects. */
export function askFirstQuestions(): Promise<void> {
  const info = api.appInfo();
  const session = api.restoreSession();
  // The list only matters when no session comes back: then it is the sign-in screen's.
  const accounts = session.then(
    (restored) => (restored ? [] : api.listAccounts()),
    () => api.listAccounts(),
  );
  first.info = info;
  first.signIn = { session, accounts };
  // The first screen speaks the person's language: their saved choice, else the system's.
  const words = info.then(
    (facts) => loadLanguage(facts.language ? languageOf(facts.language) : locale.current),
    () => loadLanguage(locale.current),
  );
  // Settling every answer here also marks a failure as handled until its reader takes it.
  return Promise.allSettled([info, session, accounts, words]).then(() => undefined);
}

/** An answer asked at start, once: the first reader gets it, later readers ask anew. */
export function takeFirst<K extends keyof FirstAnswers>(key: K): FirstAnswers[K] {
  const answer = first[key];
  delete first[key];
  return answer;
}

/** Waits for `answers`, but no longer than `limitMs`: a slow silent sign-in must not leave
 * the window blank; its screen then says it is checking. */
export function atMost(answers: Promise<void>, limitMs: number): Promise<void> {
  return Promise.race([answers, new Promise<void>((resolve) => setTimeout(resolve, limitMs))]);
}

let marked = false;
let painted: () => void = () => {};
const firstScreenPainted = new Promise<void>((resolve) => (painted = resolve));

/** Notes, as the User Timing mark `first-screen`, when the first screen has been painted (the
 * frame after it is in the page); the benchmarks read it, as anyone can in the inspector. */
export function markFirstScreenPainted(): void {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('first-screen');
      painted();
    }),
  );
}

/** Resolves once the first screen is painted: what it shows later (the setup's ✓ marks) is
 * read from Graph only then, so a start costs one token request before the person sees it. */
export function afterFirstScreen(): Promise<void> {
  return firstScreenPainted;
}
