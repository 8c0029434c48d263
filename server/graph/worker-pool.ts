/**
 * A pool of worker threads that answer graph queries over the main thread's CsrGraph, without copying it.
 *
 * Every array of the graph lives on a SharedArrayBuffer (csr.ts), so each worker holds a read-only
 * `CsrGraph.replica` over the same memory and its own CsrQueries (scratch and hub-ball cache). The main
 * thread stays the only writer. When a change replaces arrays (growth, compaction), `onPublish` hands the
 * new set to this pool inside the change, and the pool posts it, tagged with its generation, on a
 * dedicated port per worker; a worker drains that port synchronously (`receiveMessageOnPort`) whenever it
 * sees `ctl[GEN]` move, so it never has to wait for its event loop to learn about new arrays mid-query.
 * Each answer is validated with the seqlock in graph-worker.ts.
 *
 * Scheduling: one query in flight per worker and a FIFO queue in front, so a cheap query never waits
 * behind a 30 ms one that was queued on a busy worker while another sat idle. A worker is ref'd only
 * while it has work, so a forgotten `close()` cannot keep the process alive (but do call it).
 *
 * Failure modes a caller can recover from by answering inline (WorkerGraphIndex does) reject with
 * `GraphPoolUnavailable`: the pool is closed, it failed to start, or a query lost the race against
 * writes too many times in a row ("contended"). Errors raised by a query itself reject as they are.
 *
 * Workers are TypeScript modules run through tsx. Node 20 applies neither the parent's loader hooks nor
 * `--import` in `execArgv` to a worker (nodejs/node#47747, fixed in Node 22.2), so the worker starts from
 * a two-line bootstrap that registers tsx's ESM hooks through its API and then imports graph-worker.ts.
 * That works the same under `tsx server/main.ts`, `node --import tsx` and vitest.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, type TransferListItem, Worker } from 'node:worker_threads';
import { type CsrArrays, type CsrGraph, CTL } from './csr.ts';
import type { EgoResult } from './csr-ego.ts';
import type { Mutuals, Suggestion } from './graph-index.ts';
import type { CommunityStructure } from './csr-community.ts';
import type { LearnArgs, LearnedFromIndex } from './csr-learn.ts';
import type { LinkModel } from './link-model.ts';

// ---- the protocol (graph-worker.ts imports these types) ----

/** Arguments per operation. Sets travel as Int32Array (valid ids only); "now" travels as a day number. */
export interface QueryArgs {
  degrees: { viewer: number; targets: number[]; avoid: Int32Array | null };
  mutuals: { a: number; b: number; limit: number; avoid: Int32Array | null; nowDay: number };
  mutualCounts: { viewer: number; others: number[]; avoid: Int32Array | null };
  paths: { viewer: number; target: number; k: number; avoid: Int32Array | null; nowDay: number };
  secondDegree: { viewer: number; avoid: Int32Array | null };
  suggest: { viewer: number; limit: number; avoid: Int32Array | null; exclude: Int32Array | null; nowDay: number; model: LinkModel | null };
  egoStructure: { viewer: number; avoid: Int32Array | null; seed: number };
  /** The whole graph's clusters and bridges (csr-community.ts), leaving out `exclude` (inactive members). */
  communityStructure: { exclude: Int32Array | null; seed: number };
  /** Learn the people-you-may-know weights from the whole graph (csr-learn.ts), for the weekly job. */
  learnLinks: LearnArgs;
}

/** Results per operation. Degrees come back as an Int8Array with -1 for null, counts as an Int32Array (transferred, not copied). */
export interface QueryResults {
  degrees: Int8Array;
  mutuals: Mutuals;
  mutualCounts: Int32Array;
  paths: number[][];
  secondDegree: Int32Array;
  suggest: Suggestion[];
  egoStructure: EgoResult;
  communityStructure: CommunityStructure;
  learnLinks: LearnedFromIndex;
}

export type QueryOp = keyof QueryArgs;

/** Main → worker, on the worker's parentPort. */
export type ToWorker =
  | { type: 'query'; id: number; op: QueryOp; args: QueryArgs[QueryOp] }
  | { type: 'activity'; activity: Float64Array | null };

/** Main → worker, on the worker's arrays port: a new array set and the generation it belongs to. */
export interface ArraysMessage {
  gen: number;
  arrays: CsrArrays;
}

/** Worker → main. `attempts` counts the runs a query needed before one was valid. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; value: unknown; attempts: number }
  | { type: 'contended'; id: number; attempts: number }
  | { type: 'error'; id: number; message: string; stack: string | undefined };

/** The worker's `workerData`. */
export interface WorkerInit {
  arrays: CsrArrays;
  gen: number;
  arraysPort: MessagePort;
  activity: Float64Array | null;
  hubCacheSize: number;
  maxAttempts: number;
  maxWaitMs: number;
}

// ---- the pool ----

export interface GraphWorkerPoolOptions {
  /** Worker threads; default max(1, availableParallelism() - 1), leaving a core to the event loop. */
  size?: number;
  /** Hub balls each worker caches (csr-hub-cache.ts); default 32. */
  hubCacheSize?: number;
  /** Runs of one query invalidated by concurrent writes before the worker gives up ("contended"); default 8. */
  maxAttempts?: number;
  /** How long a worker waits for a change in progress (a compaction) before giving up; default 5,000 ms. */
  maxWaitMs?: number;
  /** Told about a worker that failed (and was replaced, or, if it never started, disabled the pool). */
  onError?: (err: Error) => void;
}

/** The pool cannot answer right now; the caller can answer the same query on the main thread instead. */
export class GraphPoolUnavailable extends Error {
  constructor(
    readonly reason: 'closed' | 'failed' | 'contended',
    message: string,
  ) {
    super(message);
    this.name = 'GraphPoolUnavailable';
  }
}

export interface GraphWorkerPoolStats {
  size: number;
  busy: number;
  queued: number;
  /** Queries answered by a worker. */
  answered: number;
  /** Runs thrown away because a write overlapped them (answered queries only). */
  retries: number;
  contended: number;
  /** Workers replaced after a crash. */
  respawns: number;
  failed: string | null;
  closed: boolean;
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface Task {
  id: number;
  op: QueryOp;
  args: QueryArgs[QueryOp];
  transfer: TransferListItem[];
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  arraysPort: MessagePort;
  task: Task | null;
  started: boolean;
  gone: boolean;
  ready: Promise<void>;
  markReady: () => void;
  failReady: (err: Error) => void;
}

const isTs = import.meta.url.endsWith('.ts');
const ENTRY = new URL(isTs ? './graph-worker.ts' : './graph-worker.js', import.meta.url);

function startWorker(workerData: WorkerInit, transferList: TransferListItem[]): Worker {
  // execArgv [] keeps the parent's flags (--import tsx, heap sizes) out: a worker accepts few of them.
  if (!isTs) return new Worker(ENTRY, { workerData, transferList, execArgv: [] });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, transferList, execArgv: [] });
}

export class GraphWorkerPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private failure: Error | null = null;
  private activity: Float64Array | null = null;
  private readonly counts = { answered: 0, retries: 0, contended: 0, respawns: 0 };
  private readonly hubCacheSize: number;
  private readonly maxAttempts: number;
  private readonly maxWaitMs: number;
  private readonly onError: ((err: Error) => void) | undefined;
  private readonly publish = (arrays: CsrArrays): void => {
    // Called inside the change, before ctl[GEN] is bumped: the set belongs to the next generation.
    const message: ArraysMessage = { gen: Atomics.load(this.graph.ctl, CTL.GEN) + 1, arrays };
    for (const slot of this.slots) slot.arraysPort.postMessage(message);
  };

  constructor(
    readonly graph: CsrGraph,
    opts: GraphWorkerPoolOptions = {},
  ) {
    if (graph.readOnly) throw new Error('GraphWorkerPool: needs the owning graph, not a replica');
    this.size = Math.max(1, Math.floor(opts.size ?? defaultPoolSize()));
    this.hubCacheSize = opts.hubCacheSize ?? 32;
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.maxWaitMs = opts.maxWaitMs ?? 5000;
    this.onError = opts.onError;
    graph.onPublish.add(this.publish);
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /** Resolves once every worker has loaded (queries sent earlier simply wait for it). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
    if (this.failure) throw this.failure;
  }

  /** Runs one query on the first free worker. `transfer` lists argument buffers to move rather than copy. */
  run<O extends QueryOp>(op: O, args: QueryArgs[O], transfer: TransferListItem[] = []): Promise<QueryResults[O]> {
    if (this.closed) return Promise.reject(new GraphPoolUnavailable('closed', 'graph worker pool is closed'));
    if (this.failure) return Promise.reject(new GraphPoolUnavailable('failed', `graph worker pool failed: ${this.failure.message}`));
    return new Promise<QueryResults[O]>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, op, args, transfer, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Shares per-member activity with the workers (copied once into shared memory; null entries become NaN, "unknown"). */
  setActivity(activity: ArrayLike<number> | null): void {
    let shared: Float64Array | null = null;
    if (activity) {
      shared = new Float64Array(new SharedArrayBuffer(Math.max(1, activity.length) * 8)).subarray(0, activity.length);
      for (let i = 0; i < activity.length; i++) shared[i] = activity[i] ?? NaN;
    }
    this.activity = shared;
    for (const slot of this.slots) this.post(slot, { type: 'activity', activity: shared });
  }

  stats(): GraphWorkerPoolStats {
    return {
      size: this.slots.length,
      busy: this.slots.filter((s) => s.task).length,
      queued: this.queue.length,
      ...this.counts,
      failed: this.failure?.message ?? null,
      closed: this.closed,
    };
  }

  /** Stops the workers. Queued and in-flight queries reject with GraphPoolUnavailable('closed'). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.graph.onPublish.delete(this.publish);
    const closing = new GraphPoolUnavailable('closed', 'graph worker pool is closed');
    for (const task of this.queue.splice(0)) task.reject(closing);
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      slot.gone = true;
      slot.task?.reject(closing);
      slot.task = null;
      slot.failReady(closing);
      slot.arraysPort.close();
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const { port1, port2 } = new MessageChannel();
    const init: WorkerInit = {
      arrays: this.graph.arrays(),
      gen: Atomics.load(this.graph.ctl, CTL.GEN),
      arraysPort: port2,
      activity: this.activity,
      hubCacheSize: this.hubCacheSize,
      maxAttempts: this.maxAttempts,
      maxWaitMs: this.maxWaitMs,
    };
    const worker = startWorker(init, [port2]);
    let markReady = (): void => {};
    let failReady = (_err: Error): void => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    // ready() reports failures through `failure`; this keeps an unawaited rejection from going unhandled.
    ready.catch(() => {});
    const slot: Slot = { worker, arraysPort: port1, task: null, started: false, gone: false, ready, markReady, failReady };
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (err: Error) => this.onFailure(slot, err));
    worker.on('exit', (code: number) => this.onFailure(slot, new Error(`graph worker exited with code ${code}`)));
    return slot;
  }

  private post(slot: Slot, message: ToWorker, transfer: TransferListItem[] = []): void {
    slot.worker.postMessage(message, transfer);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.task) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      this.post(slot, { type: 'query', id: task.id, op: task.op, args: task.args }, task.transfer);
    }
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'ready') {
      slot.started = true;
      slot.markReady();
      if (!slot.task) slot.worker.unref();
      return;
    }
    const task = slot.task;
    if (!task || task.id !== m.id) return;
    slot.task = null;
    if (this.queue.length === 0) slot.worker.unref();
    this.pump();
    if (m.type === 'result') {
      this.counts.answered++;
      this.counts.retries += m.attempts - 1;
      task.resolve(m.value);
    } else if (m.type === 'contended') {
      this.counts.contended++;
      task.reject(new GraphPoolUnavailable('contended', `graph query ${task.op} overlapped writes ${m.attempts} times`));
    } else {
      const err = new Error(m.message);
      if (m.stack) err.stack = m.stack;
      task.reject(err);
    }
  }

  /** A worker died: fail its query, then replace it, unless it never started (then the pool is unusable). */
  private onFailure(slot: Slot, err: Error): void {
    if (slot.gone) return;
    slot.gone = true;
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    slot.arraysPort.close();
    void slot.worker.terminate();
    slot.task?.reject(err);
    slot.task = null;
    slot.failReady(err);
    this.onError?.(err);
    if (this.closed) return;
    if (!slot.started) {
      this.failure ??= err;
      if (this.slots.length === 0) {
        const unavailable = new GraphPoolUnavailable('failed', `graph worker pool failed: ${err.message}`);
        for (const task of this.queue.splice(0)) task.reject(unavailable);
      }
      return;
    }
    this.counts.respawns++;
    this.slots.push(this.spawn());
    this.pump();
  }
}
