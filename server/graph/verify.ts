/**
 * Compares an in-memory graph with the connection and follow tables, row for row: every connection row
 * (both directions) must be an index edge with the same day and every index edge a row; every follow
 * row must be an index follow and back. `rapport graph verify` runs it on the index built the way the
 * server builds it; a test corrupts an index and expects the difference.
 *
 * It streams member-id ranges, merging each member's sorted rows with its sorted index row, so memory
 * stays bounded by one range whatever the graph's size. Only the first `limit` differences are kept;
 * all of them are counted.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import type { CsrGraph } from './csr.ts';
import { toDay } from './scoring.ts';

export type DifferenceKind =
  /** A connection row with no reverse row: the table itself is inconsistent. */
  | 'one-sided-row'
  /** A connection row (a → b) the index lacks. */
  | 'missing-edge'
  /** An index edge (a → b) with no connection row. */
  | 'extra-edge'
  /** Both have the edge, with different days (the index keeps whole days since 2000-01-01). */
  | 'edge-day'
  | 'missing-follow'
  | 'extra-follow';

export interface GraphDifference {
  kind: DifferenceKind;
  a: number;
  b: number;
  detail: string;
}

export interface VerifyReport {
  /** Connection rows (two per connection). */
  connectionRows: number;
  /** Directed edges in the index (two per connection). */
  indexEdges: number;
  followRows: number;
  indexFollows: number;
  /** Every difference found… */
  differenceCount: number;
  /** …and the first `limit` of them, in member order. */
  differences: GraphDifference[];
}

const ID_RANGE = 5_000;

class Differences {
  count = 0;
  readonly kept: GraphDifference[] = [];
  constructor(private readonly limit: number) {}
  add(kind: DifferenceKind, a: number, b: number, detail: string): void {
    this.count++;
    if (this.kept.length < this.limit) this.kept.push({ kind, a, b, detail });
  }
}

interface Row {
  a: number;
  b: number;
  ms?: number;
}

/** One member-id range's rows (sorted by a, then b), grouped by a: the b ids and, when read, the dates. */
function groupBy(list: Row[]): Map<number, { ids: number[]; ms: number[] }> {
  const out = new Map<number, { ids: number[]; ms: number[] }>();
  for (const r of list) {
    let g = out.get(r.a);
    if (!g) out.set(r.a, (g = { ids: [], ms: [] }));
    g.ids.push(r.b);
    g.ms.push(Number(r.ms ?? 0));
  }
  return out;
}

/**
 * Merges two ascending id lists, reporting what only one side has. `onBoth` sees the ids in both.
 * The lists come from ORDER BY on integers and from the CSR's sorted rows, so a plain merge is exact.
 */
function mergeSorted(
  table: readonly number[],
  index: ArrayLike<number>,
  onlyTable: (b: number) => void,
  onlyIndex: (b: number) => void,
  onBoth?: (b: number, i: number) => void,
): number {
  let i = 0, j = 0, matched = 0;
  while (i < table.length || j < index.length) {
    const t = i < table.length ? table[i]! : Infinity;
    const x = j < index.length ? index[j]! : Infinity;
    if (t === x) {
      onBoth?.(t, i);
      matched++;
      i++;
      j++;
    } else if (t < x) onlyTable(table[i++]!);
    else onlyIndex(index[j++]!);
  }
  return matched;
}

async function memberSlots(db: DbOrTx): Promise<number> {
  const [size] = await rows<{ n: number }>(db, sql`SELECT coalesce(max(id), 0)::int + 1 AS n FROM members`);
  return size?.n ?? 1;
}

async function oneSidedRows(db: DbOrTx, out: Differences): Promise<void> {
  // The primary key (member_id, other_id) answers the reverse lookup; the window count totals them all.
  const found = await rows<{ a: number; b: number; total: number }>(
    db,
    sql`SELECT c.member_id AS a, c.other_id AS b, (count(*) OVER ())::int AS total
          FROM connections c
         WHERE NOT EXISTS (SELECT 1 FROM connections r WHERE r.member_id = c.other_id AND r.other_id = c.member_id)
         ORDER BY 1, 2 LIMIT 1000`,
  );
  for (const r of found) out.add('one-sided-row', r.a, r.b, `connection row ${r.a} → ${r.b} has no reverse row ${r.b} → ${r.a}`);
  // Count, without keeping, the ones past the query's own limit.
  out.count += Math.max(0, (found[0]?.total ?? 0) - found.length);
}

async function compareConnections(db: DbOrTx, graph: CsrGraph, slots: number, out: Differences): Promise<number> {
  let rowsSeen = 0;
  for (let lo = 0; lo < slots; lo += ID_RANGE) {
    const hi = lo + ID_RANGE;
    const page = await rows<{ a: number; b: number; ms: number }>(
      db,
      sql`SELECT member_id AS a, other_id AS b, floor(extract(epoch FROM created_at) * 1000)::float8 AS ms
            FROM connections WHERE member_id >= ${lo} AND member_id < ${hi} ORDER BY member_id, other_id`,
    );
    rowsSeen += page.length;
    const byMember = groupBy(page);
    for (let u = lo; u < hi && u < slots; u++) {
      const table = byMember.get(u) ?? { ids: [], ms: [] };
      mergeSorted(
        table.ids,
        graph.neighbours(u),
        (b) => out.add('missing-edge', u, b, `connection row ${u} → ${b} is not in the index`),
        (b) => out.add('extra-edge', u, b, `index edge ${u} → ${b} has no connection row`),
        (b, i) => {
          const want = toDay(table.ms[i]!);
          const got = graph.edgeDay(u, b);
          if (want !== got) out.add('edge-day', u, b, `connection ${u} → ${b}: day ${want} in the table, ${got} in the index`);
        },
      );
    }
  }
  return rowsSeen;
}

async function compareFollows(db: DbOrTx, graph: CsrGraph, slots: number, out: Differences): Promise<{ rowsSeen: number; followsSeen: number }> {
  let rowsSeen = 0, followsSeen = 0;
  for (let lo = 0; lo < slots; lo += ID_RANGE) {
    const hi = lo + ID_RANGE;
    const page = await rows<{ a: number; b: number }>(
      db,
      sql`SELECT follower_id AS a, followee_id AS b FROM follows
           WHERE follower_id >= ${lo} AND follower_id < ${hi} ORDER BY follower_id, followee_id`,
    );
    rowsSeen += page.length;
    const byMember = groupBy(page);
    for (let u = lo; u < hi && u < slots; u++) {
      followsSeen += mergeSorted(
        byMember.get(u)?.ids ?? [],
        graph.follows.following(u),
        (b) => out.add('missing-follow', u, b, `follow row ${u} → ${b} is not in the index`),
        (b) => out.add('extra-follow', u, b, `index follow ${u} → ${b} has no follow row`),
      );
    }
  }
  return { rowsSeen, followsSeen };
}

/**
 * Compares `graph` with the tables. Run it while nothing writes (the CLI does, on a stopped server's
 * database), or a change committed mid-scan shows up as a difference.
 */
export async function verifyGraph(db: DbOrTx, graph: CsrGraph, opts: { limit?: number } = {}): Promise<VerifyReport> {
  const out = new Differences(opts.limit ?? 50);
  // Scan past the index's own size too, so edges the index holds for ids the table lacks are reported.
  const slots = Math.max(await memberSlots(db), graph.n);
  await oneSidedRows(db, out);
  const connectionRows = await compareConnections(db, graph, slots, out);
  const fol = await compareFollows(db, graph, slots, out);
  // The scan covers every index row (slots ≥ graph.n), but follows may name ids past both: list those.
  if (fol.followsSeen < graph.follows.size()) {
    const pairs = graph.follows.toPairs();
    for (let i = 0; i < pairs.length; i += 2) {
      const a = pairs[i]!, b = pairs[i + 1]!;
      if (a < 0 || a >= slots) out.add('extra-follow', a, b, `index follow ${a} → ${b} is outside the member id range`);
    }
  }
  return {
    connectionRows,
    indexEdges: graph.directedEdges,
    followRows: fol.rowsSeen,
    indexFollows: graph.follows.size(),
    differenceCount: out.count,
    differences: out.kept,
  };
}
