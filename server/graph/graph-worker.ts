/**
 * A graph worker thread (started by worker-pool.ts): a read-only CsrGraph replica over the main thread's
 * SharedArrayBuffers and its own CsrQueries, answering one query message at a time.
 *
 * Every answer is validated with the seqlock (csr.ts): read ctl[SEQ] (even, no change under way), adopt
 * the newest array set if ctl[GEN] moved, re-read the scalars, run the query, and keep the answer only if
 * SEQ is unchanged; otherwise run it again. So an answer is exactly the answer for the graph between two
 * committed changes. A query that throws while SEQ moved was reading a torn state and is retried too; one
 * that throws on a stable state is a real error and goes back as one.
 *
 * A run that overlapped a write is wasted (and its leftovers in the scratch and caches are scrubbed), so a
 * long query under a steady stream of writes could retry for ever: after `maxAttempts` runs it answers
 * "contended" and the main thread answers inline instead.
 */
import { isMainThread, type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { CsrGraph, CTL } from './csr.ts';
import { copyForLouvain, structureOf } from './csr-community.ts';
import { egoStructureOf } from './csr-ego.ts';
import { edgesOfCsr, learnFromEdges } from './csr-learn.ts';
import type { Edges } from './learn-links.ts';
import { CsrQueries } from './csr-queries.ts';
import type { ArraysMessage, FromWorker, QueryArgs, QueryOp, QueryResults, ToWorker, WorkerInit } from './worker-pool.ts';

type Answer = { ok: true; value: unknown; attempts: number; transfer: ArrayBuffer[] } | { ok: false; attempts: number };

const toSet = (ids: Int32Array | null): Set<number> | undefined => (ids && ids.length > 0 ? new Set(ids) : undefined);

/** Runs one operation on the replica; typed arrays in the result are listed in `transfer`. */
function execute(q: CsrQueries, op: QueryOp, raw: QueryArgs[QueryOp], transfer: ArrayBuffer[]): unknown {
  switch (op) {
    case 'degrees': {
      const a = raw as QueryArgs['degrees'];
      const degrees = q.degrees(a.viewer, a.targets, toSet(a.avoid));
      const buffer = new ArrayBuffer(degrees.length);
      const out: QueryResults['degrees'] = new Int8Array(buffer);
      for (let i = 0; i < degrees.length; i++) out[i] = degrees[i] ?? -1;
      transfer.push(buffer);
      return out;
    }
    case 'mutuals': {
      const a = raw as QueryArgs['mutuals'];
      return q.mutuals(a.a, a.b, a.limit, toSet(a.avoid), a.nowDay);
    }
    case 'mutualCounts': {
      const a = raw as QueryArgs['mutualCounts'];
      const out: QueryResults['mutualCounts'] = Int32Array.from(q.mutualCounts(a.viewer, a.others, toSet(a.avoid)));
      if (out.buffer instanceof ArrayBuffer) transfer.push(out.buffer);
      return out;
    }
    case 'paths': {
      const a = raw as QueryArgs['paths'];
      return q.paths(a.viewer, a.target, a.k, toSet(a.avoid), a.nowDay);
    }
    case 'secondDegree': {
      const a = raw as QueryArgs['secondDegree'];
      const out = q.secondDegree(a.viewer, toSet(a.avoid));
      if (out.buffer instanceof ArrayBuffer) transfer.push(out.buffer);
      return out;
    }
    case 'suggest': {
      const a = raw as QueryArgs['suggest'];
      return q.suggest(a.viewer, a.limit, toSet(a.avoid), toSet(a.exclude), a.nowDay, a.model ?? undefined);
    }
    case 'egoStructure': {
      const a = raw as QueryArgs['egoStructure'];
      const out: QueryResults['egoStructure'] = egoStructureOf(q.g, a.viewer, toSet(a.avoid), a.seed);
      for (const arr of [out.alters, out.tieA, out.tieB, out.cluster, out.bridgeScore]) if (arr.buffer instanceof ArrayBuffer) transfer.push(arr.buffer);
      return out;
    }
    case 'communityStructure': {
      // Only the copy runs under the seqlock: Louvain on a million members takes seconds, and would be thrown
      // away by any write in the meantime. `finish` clusters the copy once it is known to be consistent.
      const a = raw as QueryArgs['communityStructure'];
      return copyForLouvain(q.g, a.exclude);
    }
    case 'learnLinks':
      // Likewise: only the copy of the edges under the seqlock, the learning (a minute at a million members) after it.
      return edgesOfCsr(q.g);
  }
}

/** The part of an operation that runs after its validated read (see `execute`'s communityStructure and learnLinks). */
function finish(op: QueryOp, raw: QueryArgs[QueryOp], value: unknown, transfer: ArrayBuffer[]): unknown {
  if (op === 'learnLinks') return learnFromEdges(value as Edges, raw as QueryArgs['learnLinks']);
  if (op !== 'communityStructure') return value;
  const copy = value as ReturnType<typeof copyForLouvain>;
  const out: QueryResults['communityStructure'] = structureOf(copy.csr, copy.members, (raw as QueryArgs['communityStructure']).seed);
  for (const arr of [out.cluster, out.bridges, out.bridgeScores, out.bridgeClusterOff, out.bridgeClusters]) if (arr.buffer instanceof ArrayBuffer) transfer.push(arr.buffer);
  return out;
}

/** The replica and its query loop, apart from the message plumbing (so it can be driven directly). */
export class ReplicaAnswerer {
  readonly graph: CsrGraph;
  readonly queries: CsrQueries;
  private gen: number;
  private readonly ctl: Int32Array;

  constructor(
    private readonly init: WorkerInit,
  ) {
    this.graph = CsrGraph.replica(init.arrays);
    this.ctl = init.arrays.ctl;
    this.gen = init.gen;
    this.queries = new CsrQueries(this.graph, { hubCacheSize: init.hubCacheSize });
    this.queries.activity = init.activity;
  }

  setActivity(activity: Float64Array | null): void {
    this.queries.activity = activity;
  }

  /** Adopts the newest array set posted so far, if any. */
  private drainArrays(): void {
    let latest: ArraysMessage | null = null;
    for (let m = receiveMessageOnPort(this.init.arraysPort); m; m = receiveMessageOnPort(this.init.arraysPort)) {
      latest = m.message as ArraysMessage;
    }
    if (latest) {
      this.graph.adopt(latest.arrays);
      this.gen = latest.gen;
    }
  }

  /**
   * Forgets what a thrown-away run may have left behind. A query clears its bitsets by walking the same
   * rows it marked, and a row that changed in between leaves stray bits; a hub ball built from a torn
   * state (say, old base rows read after a compaction reset the overlay in place, which bumps no version)
   * would pass the change-log check for ever. Both are cheap to rebuild, and runs are rarely thrown away.
   */
  private scrub(): void {
    this.queries.scrub();
  }

  answer(op: QueryOp, args: QueryArgs[QueryOp]): Answer {
    const ctl = this.ctl;
    const deadline = performance.now() + this.init.maxWaitMs;
    let attempts = 0;
    for (;;) {
      const seq = Atomics.load(ctl, CTL.SEQ);
      if ((seq & 1) === 1 || Atomics.load(ctl, CTL.GEN) !== this.gen) {
        // A change is under way (a compaction can take a while), or the new arrays' message is not here yet.
        if ((seq & 1) === 0) this.drainArrays();
        if (performance.now() > deadline) return { ok: false, attempts };
        if ((seq & 1) === 1) Atomics.wait(ctl, CTL.SEQ, seq, 1);
        continue;
      }
      this.graph.refresh();
      const transfer: ArrayBuffer[] = [];
      let value: unknown, error: unknown, threw = false;
      try {
        value = execute(this.queries, op, args, transfer);
      } catch (err) {
        threw = true;
        error = err;
      }
      attempts++;
      const valid = Atomics.load(ctl, CTL.SEQ) === seq;
      if (!valid || threw) this.scrub();
      if (valid) {
        if (threw) throw error;
        return { ok: true, value: finish(op, args, value, transfer), attempts, transfer };
      }
      if (attempts >= this.init.maxAttempts || performance.now() > deadline) return { ok: false, attempts };
    }
  }
}

function serve(port: MessagePort, init: WorkerInit): void {
  const answerer = new ReplicaAnswerer(init);
  const send = (m: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  port.on('message', (m: ToWorker) => {
    if (m.type === 'activity') {
      answerer.setActivity(m.activity);
      return;
    }
    try {
      const a = answerer.answer(m.op, m.args);
      if (a.ok) send({ type: 'result', id: m.id, value: a.value, attempts: a.attempts }, a.transfer);
      else send({ type: 'contended', id: m.id, attempts: a.attempts });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      send({ type: 'error', id: m.id, message: e.message, stack: e.stack });
    }
  });
  send({ type: 'ready' });
}

if (!isMainThread && parentPort) serve(parentPort, workerData as WorkerInit);
