/**
 * When the running server writes graph snapshots: after `everyChanges` changes, or once `intervalMs` has
 * passed with any change, and at shutdown. After a periodic snapshot the events outbox is pruned below its
 * mark (persist.ts `pruneEvents`); shutdown only writes, so stopping stays quick.
 */
import type { DbOrTx } from '../db/connection.ts';
import { type GraphLog, pruneEvents, saveSnapshot } from './persist.ts';
import type { GraphService } from './service.ts';
import type { SnapshotMeta } from './snapshot.ts';

export interface SnapshotScheduleOptions {
  path: string;
  /** 0: only at shutdown. */
  intervalMs: number;
  everyChanges: number;
  /** The snapshot the service was loaded from, if any: nothing to write until something changes. */
  loaded: SnapshotMeta | null;
}

export class SnapshotSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastAt = Date.now();
  /** marks.appliedCount when the file on disk was current; -1 when there is no current file. */
  private writtenCount: number;

  constructor(
    private readonly service: GraphService,
    private readonly db: DbOrTx,
    private readonly log: GraphLog,
    private readonly opts: SnapshotScheduleOptions,
  ) {
    // Changes replayed at start-up are not in the file yet.
    this.writtenCount = opts.loaded && service.marks.appliedCount === 0 ? 0 : -1;
  }

  private get changed(): number {
    return this.writtenCount < 0 ? Infinity : this.service.marks.appliedCount - this.writtenCount;
  }

  /**
   * Prunes the outbox below the snapshot loaded at start-up (in the background), then checks once a minute
   * (or every interval, if shorter) whether a snapshot is due.
   */
  start(): void {
    const loaded = this.opts.loaded;
    if (loaded) {
      this.running = pruneEvents(this.db, loaded.mark)
        .then((pruned) => (pruned ? this.log.info({ pruned, below: loaded.mark }, 'events outbox pruned') : undefined))
        .catch((err: unknown) => this.log.warn({ err }, 'events outbox pruning failed'))
        .finally(() => {
          this.running = null;
        });
    }
    if (this.opts.intervalMs <= 0) return;
    this.timer = setInterval(() => this.tick(), Math.min(60_000, this.opts.intervalMs));
    this.timer.unref();
  }

  private tick(): void {
    if (this.running) return;
    const due = this.changed >= this.opts.everyChanges || (this.changed > 0 && Date.now() - this.lastAt >= this.opts.intervalMs);
    if (!due) return;
    this.running = this.write(true)
      .then(() => undefined)
      .catch((err: unknown) => this.log.warn({ err }, 'graph snapshot failed'))
      .finally(() => {
        this.running = null;
      });
  }

  /** Writes a snapshot now; with `prune`, then trims the events outbox below it. */
  async write(prune: boolean): Promise<SnapshotMeta> {
    const count = this.service.marks.appliedCount;
    const started = performance.now();
    const meta = await saveSnapshot(this.service, this.db, this.opts.path);
    this.writtenCount = count;
    this.lastAt = Date.now();
    const pruned = prune ? await pruneEvents(this.db, meta.mark) : 0;
    this.log.info({ mark: meta.mark, bytes: meta.payloadBytes, pruned, ms: Math.round(performance.now() - started) }, 'graph snapshot written');
    return meta;
  }

  /** Stops the timer and writes a last snapshot if anything changed since the one on disk. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    if (this.changed > 0) await this.write(false);
  }
}
