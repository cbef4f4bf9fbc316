// The three jobs of PinDesk, in order. `short` names the job, `label` says it for a person.

import type { Task } from './api';

export type StepId = 'consent' | 'policy' | 'reset';

export interface Step {
  id: StepId;
  number: number;
  short: string;
  label: string;
  audience: string;
}

export const STEPS: readonly Step[] = [
  {
    id: 'consent',
    number: 1,
    short: 'Consent',
    label: 'Allow PIN reset',
    audience: 'Administrators, once per organisation',
  },
  {
    id: 'policy',
    number: 2,
    short: 'Policy',
    label: 'Turn on PIN recovery',
    audience: 'Administrators, once per organisation',
  },
  {
    id: 'reset',
    number: 3,
    short: 'Reset',
    label: 'Reset a passcode',
    audience: 'Helpdesk, every day',
  },
];

/** Where a fresh session starts: helpdesk work on Reset, setup on Consent. */
export function firstStep(task: Task): StepId {
  return task === 'setup' ? 'consent' : 'reset';
}
