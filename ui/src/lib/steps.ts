// The three jobs of PinDesk, in order. `short` names the job, `label` says it for a person.

import type { Task } from './api';
import { t } from './i18n';

export type StepId = 'consent' | 'policy' | 'reset';

export interface Step {
  id: StepId;
  number: number;
  short: string;
  label: string;
  audience: string;
}

/** A step whose words are read from the catalogue each time, in the language chosen now. */
function step(id: StepId, number: number, audience: 'admins' | 'helpdesk'): Step {
  return {
    id,
    number,
    get short() {
      return t(`steps.${id}.short`);
    },
    get label() {
      return t(`steps.${id}.label`);
    },
    get audience() {
      return t(`steps.audience.${audience}`);
    },
  };
}

export const STEPS: readonly Step[] = [
  step('consent', 1, 'admins'),
  step('policy', 2, 'admins'),
  step('reset', 3, 'helpdesk'),
];

/** Where a fresh session starts: helpdesk work on Reset, setup on Consent. */
export function firstStep(task: Task): StepId {
  return task === 'setup' ? 'consent' : 'reset';
}
