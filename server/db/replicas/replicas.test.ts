import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isConnectionFailure } from './fallback-pool.ts';
import { replicaLagMs } from './lag.ts';
import { RecentWriters } from './recent-writers.ts';

/** A replica answering the lag query with this row. */
const replicaSaying = (row: { standby?: boolean; behind: number | null; behindPrevious?: number | null; sinceReplayMs: number | null }) =>
  ({ query: async () => ({ rows: [{ standby: true, behindPrevious: row.behind, ...row }] }) }) as unknown as pg.Pool;

describe('replica lag', () => {
  const now = () => 10_000;
  const current = { lsn: '0/3000000', at: 9_990 };
  const previous = { lsn: '0/2000000', at: 9_000 };

  it('is 0 for a replica that has replayed what the primary had, however old its last replayed commit (an idle primary)', async () => {
    expect(await replicaLagMs(replicaSaying({ behind: 0, sinceReplayMs: 3_600_000 }), current, previous, now)).toBe(0);
  });

  it('is the age of the last replayed commit when behind', async () => {
    expect(await replicaLagMs(replicaSaying({ behind: 4096, behindPrevious: 2048, sinceReplayMs: 4_500 }), current, previous, now)).toBe(4_500);
  });

  it('is at most the previous check’s age when the replica has what the primary had then (the first write after an idle hour)', async () => {
    expect(await replicaLagMs(replicaSaying({ behind: 4096, behindPrevious: 0, sinceReplayMs: 3_600_000 }), current, previous, now)).toBe(1_000);
  });

  it('is unbounded when behind with no replayed commit to time it by, and refuses a server that is not a standby', async () => {
    expect(await replicaLagMs(replicaSaying({ behind: 4096, sinceReplayMs: null }), current, null, now)).toBe(Number.POSITIVE_INFINITY);
    await expect(replicaLagMs(replicaSaying({ standby: false, behind: 0, sinceReplayMs: 0 }), current, null, now)).rejects.toThrow(/not in recovery/);
    await expect(replicaLagMs(replicaSaying({ behind: null, sinceReplayMs: null }), current, null, now)).rejects.toThrow(/not replayed/);
  });
});

describe('isConnectionFailure', () => {
  it('is a dropped or refused connection, a shutdown or too many connections; not a statement the primary would refuse too', () => {
    for (const err of [new Error('Connection terminated unexpectedly'), Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), { code: '57P01' }, { code: '08006' }, { code: '53300' }]) {
      expect(isConnectionFailure(err)).toBe(true);
    }
    for (const code of ['42601', '22P02', '40001']) expect(isConnectionFailure({ code })).toBe(false);
  });
});

describe('RecentWriters', () => {
  it('keeps a member on the primary for the window after a write, then lets them go', () => {
    let t = 0;
    const writers = new RecentWriters(5_000, () => t);
    expect(writers.note(7)).toBe(5_000);
    expect(writers.wroteRecently(7)).toBe(true);
    expect(writers.wroteRecently(8)).toBe(false);
    t = 5_000;
    expect(writers.wroteRecently(7)).toBe(false);
    expect(writers.size).toBe(0);
  });

  it('stays bounded: expired members are swept before more are added', () => {
    let t = 0;
    const writers = new RecentWriters(10, () => t);
    for (let id = 0; id < 10_000; id++) writers.note(id);
    t = 100;
    writers.note(10_000);
    expect(writers.size).toBe(1);
  });
});
