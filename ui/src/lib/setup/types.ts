// The names the setup screens use for what crosses IPC; the types are generated from the Rust
// side (generated/types.ts). Sentences come as a key and the values they name: words.ts says
// them in the person's language.
import type { TenantPart } from '../generated/types';

export type {
  AppCheck,
  AssignmentView,
  ConsentLink,
  ConsentLinks,
  ConsentStatus,
  Deployment,
  DeploymentCounts,
  DeviceLine,
  GroupChoice,
  ItemState,
  NewTarget,
  PinResetApp,
  PinResetAppState,
  PolicyChoice,
  ProblemKind,
  ProfileProblem,
  ProfileRef,
  SetupOverview,
  SignInConsent,
  TargetKind,
} from '../generated/types';

/** What every line of the overview says: where it stands, by key. */
export type Status = Pick<TenantPart, 'state' | 'sentence' | 'detail'>;
