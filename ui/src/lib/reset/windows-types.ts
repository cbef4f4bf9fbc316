// The names the Windows panels use for what the Rust side answers about a PC's self-service PIN
// reset and the Temporary Access Pass; generated from the Rust side (generated/types.ts).
import type { TapForWindow, TapOfferView } from '../generated/types';

export type {
  Check,
  Conclusion,
  Fixer,
  Missing,
  OfferState,
  PrimaryUser,
  Readiness,
  ReadinessView,
  TapRequest,
} from '../generated/types';

export type TapOffer = TapOfferView;
/** The pass, shown once. */
export type TapMade = TapForWindow;
