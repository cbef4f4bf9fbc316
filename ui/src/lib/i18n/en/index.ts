// The English catalogue: the source of every key. Split in parts only to keep files short.
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

export const en = { ...app, ...reset, ...errors, ...files, ...rules, ...setup, ...setupStatus, ...signinConsent, ...daily, ...windows };

export type Key = keyof typeof en;
