// The setup's sentences in the person's language: what the Rust side sends comes with a key and
// the values it names (its English text is the fallback); names of targets, group kinds and
// device statuses are worded here too.

import { errorWords, t, tOr, type Params } from '../i18n';
import { isFailureKind } from '../ipc-error';
import type { RustPhrase } from '../reset/types';
import type { AppCheck, AssignmentView, ConsentLink, DeviceLine, GroupChoice, ProfileProblem } from './types';

type Said = { message: string; phrase?: RustPhrase };

function say(prefix: string, said: Said, extra: Params = {}): string {
  const phrase = said.phrase;
  if (!phrase) return said.message;
  const kind = phrase.params.kind;
  if (phrase.key === 'error') return isFailureKind(kind) ? errorWords(kind).what : said.message;
  return tOr(`${prefix}.${phrase.key}`, said.message, { ...phrase.params, ...extra });
}

/** A line of the overview ("Organisation: Northwind Demo."); `extra` replaces named values. */
export function statusText(status: Said, extra: Params = {}): string {
  return say('setup.status', status, extra);
}

/** A Graph permission in plain words ("Reset a device's passcode"); its name when unknown. */
export function permissionName(scope: string): string {
  return tOr(`permission.${scope}`, scope);
}

export function appText(check: AppCheck): string {
  return say('setup.app', check);
}

export function problemText(problem: ProfileProblem): string {
  return say('setup.problem', problem);
}

/** A group's own name, or the words for a target that has none. */
export function targetName(view: AssignmentView): string {
  const phrase = view.phrase;
  if (!phrase || phrase.key === 'group') return view.name;
  return tOr(`setup.target.${phrase.key}`, view.name, phrase.params);
}

/** Who the profile reaches, as the overview's "Assigned to …" line names them. */
export function assignedNames(views: AssignmentView[]): string {
  return views
    .filter((v) => v.kind !== 'excludedGroup')
    .map(targetName)
    .join(', ');
}

export function groupKind(group: GroupChoice): string {
  return group.kindKey ? tOr(`groupKind.${group.kindKey}`, group.kind) : group.kind;
}

export function deviceStatus(line: DeviceLine): string {
  return tOr(`setup.device.${line.status}`, line.status);
}

export function deviceWhy(line: DeviceLine): string {
  return tOr(`setup.device.${line.status}.why`, line.explanation);
}

/** The message someone without the role sends an administrator, with both links in order. */
export function adminMessage(links: ConsentLink[]): string {
  const list = links.map((link, i) => `${i + 1}. ${link.app.displayName}:\n${link.url}`);
  return [t('consent.ask.message'), ...list, t('consent.ask.thanks')].join('\n\n') + '\n';
}
