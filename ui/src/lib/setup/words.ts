// The setup's sentences in the person's language. The Rust side sends each as a key and the
// values it names (generated/types.ts); the key types make `npm run check` fail while a key has
// no words here. Group kinds and device statuses are worded here too.

import { errorWords, t, tOr, type Params } from '../i18n';
import { isFailureKind } from '../ipc-error';
import type {
  AppCheck,
  AppKey,
  AssignmentView,
  ConsentLink,
  DeviceLine,
  GroupChoice,
  ProfileProblem,
  Sentence,
  StatusKey,
} from '../generated/types';

/** An error sentence names the kind of failure; the error catalogue words it. */
function failed(sentence: Sentence<'error'>): string {
  const kind = sentence.params.kind;
  return isFailureKind(kind) ? errorWords(kind).what : errorWords('internal').what;
}

/** A line of the overview ("Organisation: Northwind Demo."); `extra` replaces named values. */
export function statusText(status: { sentence: Sentence<StatusKey> }, extra: Params = {}): string {
  const { key, params } = status.sentence;
  if (key === 'error') return failed({ key, params });
  return t(`setup.status.${key}`, { ...params, ...extra });
}

/** A Graph permission in plain words ("Reset a device's passcode"); its name when unknown. */
export function permissionName(scope: string): string {
  return tOr(`permission.${scope}`, scope);
}

export function appText(check: AppCheck): string {
  const { key, params }: Sentence<AppKey> = check.sentence;
  if (key === 'error') return failed({ key, params });
  return t(`setup.app.${key}`, params);
}

export function problemText(problem: ProfileProblem): string {
  return t(`setup.problem.${problem.kind}`, { name: problem.profile.name });
}

/** A group's own name, or the words for a target that has none. */
export function targetName(view: AssignmentView): string {
  const { key, params } = view.target;
  return key === 'group' ? (params.name ?? '') : t(`setup.target.${key}`, params);
}

/** Who the profile reaches, as the overview's "Assigned to …" line names them. */
export function assignedNames(views: AssignmentView[]): string {
  return views
    .filter((v) => v.kind !== 'excludedGroup')
    .map(targetName)
    .join(', ');
}

export function groupKind(group: GroupChoice): string {
  return t(`groupKind.${group.kind}`);
}

export function deviceStatus(line: DeviceLine): string {
  return t(`setup.device.${line.status}`);
}

export function deviceWhy(line: DeviceLine): string {
  return t(`setup.device.${line.status}.why`);
}

/** The message someone without the role sends an administrator, with both links in order. */
export function adminMessage(links: ConsentLink[]): string {
  const list = links.map((link, i) => `${i + 1}. ${link.app.displayName}:\n${link.url}`);
  return [t('consent.ask.message'), ...list, t('consent.ask.thanks')].join('\n\n') + '\n';
}
