// The administrator's rules for a reset's confirmation, from the managed configuration
// (`requireTicket`, `requireCallerCheck`): set when the app's information is read.

export interface ResetRules {
  requireTicket: boolean;
  requireCallerCheck: boolean;
}

export const resetRules = $state<ResetRules>({ requireTicket: false, requireCallerCheck: false });

export function applyResetRules(rules: ResetRules | undefined): void {
  resetRules.requireTicket = rules?.requireTicket ?? false;
  resetRules.requireCallerCheck = rules?.requireCallerCheck ?? false;
}
