// Which of the three jobs the window shows. A new session starts on its task's first step; the
// step list and the links between screens move it.

import type { Task } from './api';
import { firstStep, type StepId } from './steps';

export class Navigation {
  step = $state<StepId>('reset');

  /** Where a fresh session of `task` starts. */
  startAt(task: Task): void {
    this.step = firstStep(task);
  }

  go(step: StepId): void {
    this.step = step;
  }
}
