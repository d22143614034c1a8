/**
 * A pathway started by a PLO message through the inbox (issue 16, point 5): a discharge
 * (`LOG_UTSKREVET`) of a patient the allocation office has sent to home care starts the home-care
 * unit's `plo-discharged` pathways, anchored at the discharge time in the message, exactly once,
 * in the same transaction as the message. Real folder, real hub store (SQLite), the hub's own
 * inbox watcher; synthetic people only.
 */

import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PloTarget } from '../../../main/flow/plo-apply.js';
import { importPloPath } from '../../../main/flow/plo-import.js';
import { watchPloInbox, type PloInbox } from '../../../main/flow/plo-inbox.js';
import { arrivalStayId } from '../../../main/flow/transfer-records.js';
import { HubService } from '../../../main/hub/hub-service.js';
import { dischargePathwayId } from '../../../main/pathway/pathway-plo.js';
import { listPathways } from '../../../main/pathway/pathway-view.js';
import type { RecordEdit } from '../../../main/store/field-store.js';
import type { FieldValue } from '../../../shared/domain/schema.js';
import { tempDir } from '../../support/temp-dir.js';
import { PATIENTS, ploMessage, type PloSpec } from '../../support/plo-messages.js';
import { waitFor } from '../../support/wait.js';

const AO = 'tildeling';
const HOME = 'hjemme';
const TEMPLATE = 'ex-home-after-hospital';
const NOW = new Date('2026-11-20T12:00:00Z');

const unit = (id: string, name: string, kind: string): RecordEdit => ({ c: 'unit', id, scope: id, fields: { municipality: 'fjordvik', name, kind, capacity: 10, deleted: false } });
const transfer = (id: string, stay: string, toUnit: string, fields: Record<string, FieldValue> = {}): RecordEdit => ({
  c: 'transfer',
  id,
  scope: AO,
  fields: { fromUnit: AO, toUnit, stay, status: 'accepted', requestedAt: '2026-11-18T10:00:00.000Z', acceptedAt: '2026-11-19T09:00:00.000Z', initials: 'KN', deleted: false, ...fields },
});

describe('a pathway started by a PLO discharge', () => {
  let dir: ReturnType<typeof tempDir>;
  let hub: HubService;
  let inboxDir: string;
  let inbox: PloInbox | undefined;
  let target: PloTarget;

  const pathways = () => hub.db.prepare('SELECT * FROM pathway ORDER BY id').all() as Record<string, unknown>[];
  const officeStay = () => (hub.db.prepare('SELECT id, hospitalStatus FROM stay WHERE unit = ?').get(AO) as { id: string; hospitalStatus: string }) ?? undefined;
  /** Drops a message into the watched inbox and waits until the hub has taken it. */
  const drop = async (name: string, spec: PloSpec) => {
    writeFileSync(join(inboxDir, name), ploMessage({ patient: PATIENTS.kari, ...spec }));
    await waitFor(() => existsSync(join(inboxDir, name)), (left) => !left, { what: `${name} taken from the inbox`, timeout: 10_000 });
  };

  beforeEach(async () => {
    dir = tempDir('tavla-plo-pathway-');
    hub = new HubService({ dataDir: join(dir.path, 'hub'), municipality: 'fjordvik' });
    hub.store.commit({ actor: 'test', action: 'seed' }, [unit(AO, 'Tildelingskontoret', 'allocation-office'), unit(HOME, 'Hjemmetjenesten', 'home-care'), unit('solsiden', 'Solsiden sykehjem', 'nursing-home')]);
    target = { store: hub.store, unit: AO, now: () => NOW, pseudonyms: hub.pseudonyms };
    inboxDir = join(dir.path, 'plo-inbox');
    mkdirSync(inboxDir);
    inbox = watchPloInbox({ dir: inboxDir, target: () => target, onResults: () => undefined, intervalMs: 25, settleMs: 0 });
    // The hospital reports Kari discharge-ready; the office sends her to home care, which accepts.
    await drop('1-ready.xml', { type: 'LOG_UTSKRIVNINGSKLAR', genDate: '2026-11-18T09:30:00' });
  });
  afterEach(() => {
    inbox?.stop();
    hub.close();
    dir.remove();
  });

  it('starts the home-care pathway at the discharge time from the message, with its deadlines, once', async () => {
    const office = officeStay();
    hub.store.commit({ actor: 'test', action: 'sync' }, [transfer('tr-home', office.id, HOME)]);
    // Discharged Friday 20 November 2026 at 11:00 Oslo time (CET: 10:00Z).
    await drop('2-discharged.xml', { type: 'LOG_UTSKREVET', genDate: '2026-11-20T11:30:00', leftAt: '2026-11-20T11:00:00' });

    const arrival = arrivalStayId('tr-home');
    expect(pathways()).toEqual([
      expect.objectContaining({ id: dischargePathwayId('tr-home', TEMPLATE), unit: HOME, stay: arrival, template: TEMPLATE, trigger: 'plo-discharged', startedAt: '2026-11-20T10:00:00.000Z', startedBy: 'plo-import' }),
    ]);
    // Into the home-care unit's scope, so it syncs to that board (and no other).
    expect(hub.db.prepare("SELECT DISTINCT scope FROM change_log WHERE collection = 'pathway'").all()).toEqual([{ scope: HOME }]);
    expect(readdirSync(join(inboxDir, 'imported')).sort()).toEqual(['1-ready.xml', '2-discharged.xml']);

    // The patient arrives (the transfer completes): the board lists the pathway with its deadlines.
    hub.store.commit({ actor: 'test', action: 'sync' }, [{ c: 'stay', id: arrival, scope: HOME, fields: { unit: HOME, initials: 'KN', status: 'active', admittedAt: '2026-11-20T13:00:00.000Z', deleted: false } }]);
    const [view] = listPathways(hub.db, HOME, 'home-care', NOW.getTime(), { withReasons: false });
    expect(view.steps.map((step) => [step.id, step.due])).toEqual([
      ['home-visit', '2026-11-25T10:00:00.000Z'], // 3 working days from Friday: Mon 23, Tue 24, Wed 25 November, 11:00 Oslo
      ['screening', '2026-12-04T10:00:00.000Z'], // P2W
      ['decision', '2026-12-18T10:00:00.000Z'], // P4W
    ]);

    // The same message again, and a corrected one (a new MsgId, a later time): nothing new starts.
    const msgId = (hub.db.prepare("SELECT msg_id FROM plo_message WHERE type = 'LOG_UTSKREVET'").get() as { msg_id: string }).msg_id;
    await drop('3-again.xml', { type: 'LOG_UTSKREVET', msgId, genDate: '2026-11-20T11:30:00', leftAt: '2026-11-20T11:00:00' });
    await drop('4-corrected.xml', { type: 'LOG_UTSKREVET', genDate: '2026-11-20T15:00:00', leftAt: '2026-11-20T14:00:00' });
    expect(pathways()).toHaveLength(1);
    expect(pathways()[0].startedAt).toBe('2026-11-20T10:00:00.000Z');
  });

  it('starts nothing for a discharge without a transfer to home care: to a nursing home, a declined one, or none', async () => {
    await drop('2-discharged.xml', { type: 'LOG_UTSKREVET', genDate: '2026-11-20T11:30:00', leftAt: '2026-11-20T11:00:00' });
    expect(pathways()).toEqual([]);

    const office = officeStay();
    hub.store.commit({ actor: 'test', action: 'sync' }, [
      transfer('tr-home', office.id, HOME, { status: 'declined', declinedAt: '2026-11-19T10:00:00.000Z' }),
      transfer('tr-home-2', office.id, 'solsiden'),
    ]);
    await drop('3-discharged-again.xml', { type: 'LOG_UTSKREVET', genDate: '2026-11-20T12:30:00', leftAt: '2026-11-20T11:00:00' });
    expect(officeStay().hospitalStatus).toBe('discharged');
    expect(pathways()).toEqual([]);
  });

  it('applies nothing of the discharge when its pathway cannot be saved, and `tavla import-plo` starts it on the next try', async () => {
    inbox?.stop();
    const office = officeStay();
    hub.store.commit({ actor: 'test', action: 'sync' }, [transfer('tr-home', office.id, HOME)]);
    const folder = join(dir.path, 'messages');
    mkdirSync(folder);
    writeFileSync(join(folder, 'discharged.xml'), ploMessage({ type: 'LOG_UTSKREVET', patient: PATIENTS.kari, genDate: '2026-11-20T11:30:00', leftAt: '2026-11-20T11:00:00' }));

    // The stay's fields are written, then the pathway's commit meets a full disk: the whole message rolls back.
    const original = hub.store.commit.bind(hub.store);
    const commit = vi.spyOn(hub.store, 'commit').mockImplementation((audit, edits) => {
      if (edits.some((edit) => edit.c === 'pathway')) throw new Error('SQLITE_FULL: database or disk is full');
      return original(audit, edits);
    });
    const [failed] = importPloPath(target, folder);
    expect(failed).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/SQLITE_FULL/) });
    expect(officeStay().hospitalStatus).toBe('discharge-ready');
    expect(hub.db.prepare("SELECT count(*) AS n FROM plo_message WHERE type = 'LOG_UTSKREVET'").get()).toEqual({ n: 0 });
    expect(pathways()).toEqual([]);
    commit.mockRestore();

    // import-plo's path shares the code: the next run imports it and starts the pathway once.
    expect(importPloPath(target, folder).map((r) => r.outcome)).toEqual(['imported']);
    expect(importPloPath(target, folder).map((r) => r.outcome)).toEqual(['duplicate']);
    expect(officeStay().hospitalStatus).toBe('discharged');
    expect(pathways()).toEqual([expect.objectContaining({ stay: arrivalStayId('tr-home'), template: TEMPLATE, startedAt: '2026-11-20T10:00:00.000Z' })]);
  });
});
