// The names the window uses for what crosses IPC about the app, the person and the settings.
// The types themselves are generated from the Rust side (generated/types.ts).
import type { Settings, SignedIn } from './generated/types';

export type {
  Account,
  AppInfo,
  Diagnostics,
  FileProblem,
  ListedAccount,
  LogLevel,
  Origin,
  SettingValue,
  SettingsView,
  Task,
} from './generated/types';

/** A session as the window sees it, with the keychain's warning. */
export type Session = SignedIn;
/** The person's own settings; an empty or missing value falls back to the next source. */
export type UserSettings = Settings;
