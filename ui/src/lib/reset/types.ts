// The names the Reset view uses for what crosses IPC; the types are generated from the Rust
// side (generated/types.ts).
import type { ResetStartedForWindow, ResetStatusForWindow } from '../generated/types';

export type {
  AuditRow,
  Copied,
  DeviceSummary,
  Effect,
  Eligibility,
  Exported,
  ExportWords,
  Outcome,
  ResetState,
  SearchResults,
  Verdict,
} from '../generated/types';

export type ResetStarted = ResetStartedForWindow;
export type ResetStatus = ResetStatusForWindow;
