// The Reset step in German: results, every eligibility rule, the confirmation, progress, the
// passcode, failures, earlier resets and the activity log show no English catalogue text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Reset from '../src/views/Reset.svelte';
import { choose } from '../src/lib/i18n';
import type { AuditRow, ResetStatus } from '../src/lib/api';
import { OUTCOMES } from '../src/lib/generated/keys';
import type { ExportWords } from '../src/lib/generated/types';
import { de } from '../src/lib/i18n/de';
import { fakeBackend, page, resetStatus, type Handler } from './backend';
import { DEVICES, englishLeft } from './german';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

const STARTED = { deviceId: 'd-ok', startedAt: '2026-11-25T10:00:00Z', alreadyRunning: true, deviceName: null, auditWarning: 'storage' };
const VALID_UNTIL = '2026-12-02T10:00:00Z';
const noEnglish = () => expect(englishLeft()).toEqual([]);

beforeEach(() => choose('de'));
afterEach(() => choose(null));

/** The Reset view in German with every kind of device; `status` answers the reset it sends,
 * `earlier` the read of earlier resets when a device opens. */
async function searchAll(status: Handler = () => resetStatus(), earlier: Handler = () => resetStatus({ state: 'none' })) {
  const backend = fakeBackend({
    search_devices: () => page(DEVICES, 'next-page'),
    start_reset: () => STARTED,
    copy_passcode: () => ({ clearAfterSeconds: 60 }),
    reset_status: (args) => ((args as { since: string }).since === STARTED.startedAt ? status(args) : earlier(args)),
  });
  render(Reset, { timing: { debounceMs: 5, pollScale: 0.01 } });
  await userEvent.type(screen.getByTestId('device-search'), 'PHONE');
  await waitFor(() => expect(screen.getAllByTestId('device-result')).toHaveLength(DEVICES.length));
  return backend;
}

async function open(name: string) {
  const result = screen.getAllByTestId('device-result').find((el) => el.textContent!.includes(name))!;
  await userEvent.click(result);
  await screen.findByTestId('device-details');
}

describe('the Reset step in German', () => {
  it('words the search status, the results and every rule’s badge', async () => {
    fakeBackend({ search_devices: () => page([]) });
    render(Reset, { timing: { debounceMs: 5 } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Kennung zurücksetzen');
    await userEvent.type(screen.getByTestId('device-search'), 'P');
    expect(screen.getByTestId('search-status').textContent).toBe('Geben Sie mindestens 2 Zeichen ein.');
    await userEvent.type(screen.getByTestId('device-search'), 'H');
    await waitFor(() => expect(screen.getByTestId('search-status').textContent).toBe('Nichts gefunden für „PH“.'));
    noEnglish();
  });

  it('shows the results with German badges, facts and check-in times', async () => {
    await searchAll();
    expect(screen.getByTestId('search-status').textContent).toBe(`${DEVICES.length} Geräte gefunden`);
    expect(screen.getByTestId('more-results').textContent!.trim()).toBe('Weitere Geräte anzeigen');
    expect(document.body.textContent).toContain('vor 3 Tagen');
    noEnglish();
  });

  it('explains every eligibility verdict and rule in German', async () => {
    await searchAll();
    for (const device of DEVICES) {
      await open(device.name);
      expect(englishLeft(), device.eligibility.rule).toEqual([]);
      await userEvent.click(screen.getByTestId('close-device'));
    }
    await open('PC-17');
    expect(screen.getByTestId('self-service-steps').textContent).toContain('Ich habe meine PIN vergessen');
    await userEvent.click(screen.getByTestId('close-device'));
    await open('ODD-0');
    expect(screen.getByTestId('explanation').textContent).toContain('Betriebssystem (nicht gemeldet)');
    await userEvent.click(screen.getByTestId('close-device'));
    await open('PHONE-WIPE');
    expect(screen.getByTestId('explanation').textContent).toContain('„wartet auf Löschung“');
  });

  it('asks, follows, shows and spells the passcode in German, valid until a German date', async () => {
    const state = { current: resetStatus({ state: 'pending' }) };
    await searchAll(() => state.current);
    await open('PHONE-0042');
    await userEvent.type(screen.getByTestId('ticket'), 'INC-7');
    await userEvent.click(screen.getByTestId('reset-button'));
    expect(screen.getByRole('dialog').textContent).toContain('Damit wird die Kennung von PHONE-0042 ersetzt');
    noEnglish();
    await userEvent.click(screen.getByTestId('confirm-yes'));
    await screen.findByTestId('reset-progress');
    expect(screen.getByTestId('reset-notice').textContent).toContain('lief bereits eine Zurücksetzung');
    noEnglish();
    state.current = resetStatus({ state: 'active' });
    await waitFor(() => expect(screen.getByTestId('progress-text').textContent).toMatch(/übernommen/));
    noEnglish();
    state.current = resetStatus({ state: 'done', passcode: 'K7a-3', validUntil: VALID_UNTIL });
    await screen.findByTestId('passcode-panel');
    noEnglish();
    expect(screen.getByTestId('valid-until').textContent).toMatch(/Gültig bis .*Dezember 2026/);
    await userEvent.click(screen.getByTestId('show-passcode'));
    await userEvent.click(screen.getByTestId('spell-out'));
    expect(screen.getByTestId('spelled').textContent).toBe(
      'großes K wie Kilo sieben kleines a wie Alfa — Bindestrich drei',
    );
    await userEvent.click(screen.getByTestId('copy-passcode'));
    await screen.findByText('Kopiert – die Zwischenablage wird in 60 Sekunden geleert');
    noEnglish();
  });

  it('says why a reset failed, and that watching stopped, in German', async () => {
    const failures: Partial<ResetStatus>[] = [
      { state: 'failed', reasonKey: 'failed', detail: 'device d-ok; error code -2016281112' },
      { state: 'notSupported', reasonKey: 'notSupported' },
      { state: 'canceled', reasonKey: 'canceled' },
      { state: 'failed', reasonKey: 'unknown' },
      { state: 'done', passcode: null },
    ];
    for (const failure of failures) {
      await searchAll(() => resetStatus(failure));
      await open('PHONE-0042');
      await userEvent.click(screen.getByTestId('reset-button'));
      await userEvent.click(screen.getByTestId('confirm-yes'));
      await screen.findByTestId('reset-failure');
      expect(englishLeft(), failure.reasonKey ?? failure.state).toEqual([]);
      document.body.innerHTML = '';
    }
    await searchAll(() => resetStatus({ state: 'pending' }));
    await open('PHONE-0042');
    await userEvent.click(screen.getByTestId('reset-button'));
    await userEvent.click(screen.getByTestId('confirm-yes'));
    await userEvent.click(await screen.findByTestId('stop-watching'));
    expect(screen.getByTestId('progress-text').textContent).toContain('Beobachtung beendet');
    noEnglish();
  });

  it('reads an earlier passcode or an earlier failure back in German', async () => {
    const earlierPasscode = () =>
      resetStatus({ state: 'done', passcode: '583920', startedAt: '2026-11-24T09:00:00Z', validUntil: VALID_UNTIL });
    await searchAll(undefined, earlierPasscode);
    await open('PHONE-0042');
    expect((await screen.findByTestId('earlier-reset')).textContent).toContain('hat am');
    noEnglish();
    document.body.innerHTML = '';
    const earlierFailure = () =>
      resetStatus({ state: 'canceled', reasonKey: 'canceled', startedAt: '2026-11-24T09:00:00Z' });
    await searchAll(undefined, earlierFailure);
    await open('PHONE-0042');
    expect((await screen.findByTestId('earlier-note')).textContent).toContain('hat keine neue Kennung ergeben');
    noEnglish();
  });
});

describe('the activity log in German', () => {
  const row = (outcome: AuditRow['outcome'], noteKey: string | null = null, noteValues: Record<string, string> = {}): AuditRow => ({
    at: '2026-11-25T10:00:00Z',
    operator: 'helpdesk@contoso.example',
    tenantId: 't',
    tenantName: 'Contoso',
    deviceId: `d-${outcome}-${noteKey}`,
    deviceName: outcome === 'sent' ? null : `PHONE-${outcome}`,
    ticket: outcome === 'failed' ? 'INC-9' : null,
    outcome,
    note: noteKey?.startsWith('error:') ? 'network error (not sent): timed out' : null,
    noteKey,
    noteValues,
  });

  it('words every outcome and note, and the export', async () => {
    const backend = fakeBackend({
      audit_log: () => [
        row('sent'),
        row('alreadyRunning'),
        row('notSent', 'error:network'),
        row('unconfirmed', 'error:resetUnconfirmed'),
        row('passcodeIssued'),
        row('failed', 'reason:failed'),
        row('notSupported', 'reason:notSupported'),
        row('canceled', 'reason:canceled'),
        row('accessPassGiven', 'pass:oneTime', { person: 'zoë@contoso.example', minutes: '60' }),
        row('notSent', 'passError:tapAdminTarget'),
      ],
      export_audit_log: () => ({ path: '/home/ada/Downloads/pindesk.csv', rows: 8 }),
    });
    render(Reset);
    await userEvent.click(screen.getByTestId('open-audit'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(10));
    const log = screen.getByTestId('audit-log').textContent ?? '';
    expect(log).toContain('Befristeter Zugriffspass für zoë@contoso.example, 60 Minuten, einmal verwendbar');
    expect(log).toContain(`Befristeter Zugriffspass für den Hauptbenutzer des Geräts: ${de['errors.tapAdminTarget.what']}`);
    noEnglish();
    await userEvent.click(screen.getByTestId('export-audit'));
    expect((await screen.findByTestId('export-done')).textContent).toContain('8 Einträge gespeichert');
    noEnglish();
    // The file is written in the same words: the export carries them to the Rust side.
    const [[, args]] = backend.calls('export_audit_log') as [[string, { words: ExportWords }]];
    expect(args.words.headings).toHaveLength(9);
    expect(args.words.headings[0]).toBe('Zeit (UTC)');
    expect(Object.keys(args.words.outcomes).sort()).toEqual([...OUTCOMES].sort());
    expect(args.words.outcomes.failed).toBe(de['outcome.failed']);
    expect(args.words.notes['reason:canceled']).toBe(de['reason.canceled']);
    expect(args.words.notes['error:network']).toBe(de['errors.network.what']);
    expect(args.words.notes['pass:reusable']).toBe(de['audit.note.pass.reusable']);
    expect(args.words.notes['value:person']).toBe(de['audit.note.somePerson']);
  });
});
