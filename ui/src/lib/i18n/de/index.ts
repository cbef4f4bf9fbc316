// The German catalogue: each part is typed against its English part, so no key can be missing.
import type { Key } from '../en';
import app from './app';
import daily from './daily';
import errors from './errors';
import files from './files';
import reset from './reset';
import rules from './rules';
import setup from './setup';
import setupStatus from './setup-status';
import signinConsent from './signin-consent';
import windows from './windows';

export const de: Record<Key, string> = { ...app, ...reset, ...errors, ...files, ...rules, ...setup, ...setupStatus, ...signinConsent, ...daily, ...windows };
