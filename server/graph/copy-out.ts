/**
 * `COPY … TO STDOUT (FORMAT binary)` over a node-postgres client, with nothing but `pg` itself.
 *
 * Why not pg-copy-streams: it is a dev dependency here (the benchmarks load data with it), and the server's
 * start-up must not need one. Why this is enough: pg's client already parses every CopyData message and
 * hands it to the active query's `handleCopyData` (its own Query ignores them); a "submittable" object
 * (node-postgres' documented extension point, which pg-cursor and pg-query-stream use too) sends the COPY
 * and receives them. The server sends one CopyData message per row, so a reader whose rows are large
 * (load-copy.ts reads one row per member, holding the whole neighbour list) pays pg's per-message cost about
 * a million times at 1 M members, not once per edge.
 *
 * Binary COPY framing (PostgreSQL "COPY" docs, binary format): an 11-byte signature, a 32-bit flags field
 * and a header extension (32-bit length, then that many bytes); tuples, each a 16-bit field count then per
 * field a 32-bit length (-1 for NULL) and the bytes; a 16-bit -1 trailer.
 */
import type pg from 'pg';

const SIGNATURE = 11;

/** Reads a binary COPY stream tuple by tuple; `onTuple` gets the buffer and the offset of a tuple's field count. */
class TupleSplitter {
  private header = true;
  private carry: Buffer | null = null;
  done = false;

  constructor(private readonly onTuple: (buf: Buffer, at: number) => void) {}

  push(chunk: Buffer): void {
    if (this.done) return;
    // A tuple split across messages (never seen: the server sends whole rows) is joined here.
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let p = 0;
    if (this.header) {
      if (buf.length < SIGNATURE + 8) return this.keep(buf, 0);
      p = SIGNATURE + 8 + buf.readUInt32BE(SIGNATURE + 4);
      this.header = false;
    }
    while (p + 2 <= buf.length) {
      const fields = buf.readInt16BE(p);
      if (fields === -1) {
        this.done = true;
        return;
      }
      let end = p + 2;
      for (let f = 0; f < fields && end !== -1; f++) {
        if (end + 4 > buf.length) end = -1;
        else {
          const len = buf.readInt32BE(end);
          end += 4 + Math.max(0, len);
          if (end > buf.length) end = -1;
        }
      }
      if (end === -1) break;
      this.onTuple(buf, p);
      p = end;
    }
    if (p < buf.length) this.keep(buf, p);
  }

  /** Copies the unread tail: pg reuses the buffer a message was sliced from. */
  private keep(buf: Buffer, from: number): void {
    this.carry = Buffer.from(buf.subarray(from));
  }
}

/** A node-postgres submittable running one COPY … TO STDOUT (FORMAT binary) statement. */
class CopyOutQuery {
  private readonly splitter: TupleSplitter;
  private error: Error | null = null;
  readonly done: Promise<void>;
  private resolve!: () => void;
  private reject!: (err: Error) => void;

  constructor(
    private readonly text: string,
    onTuple: (buf: Buffer, at: number) => void,
  ) {
    this.splitter = new TupleSplitter(onTuple);
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  handleCopyData(msg: { chunk: Buffer }): void {
    if (this.error) return;
    try {
      this.splitter.push(msg.chunk);
    } catch (err) {
      // Keep reading to the end of the statement (the connection stays usable); report once it is over.
      this.error = err instanceof Error ? err : new Error(String(err));
    }
  }

  /** A server error (ReadyForQuery follows) or a lost connection (nothing follows): either way, fail now. */
  handleError(err: Error): void {
    this.error ??= err;
    this.reject(this.error);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (this.error) this.reject(this.error);
    else if (!this.splitter.done) this.reject(new Error('COPY ended without its trailer'));
    else this.resolve();
  }
}

/** Runs `COPY (query) TO STDOUT (FORMAT binary)` on the client, calling `onTuple` for every tuple as it arrives. */
export async function copyOutBinary(client: pg.ClientBase, query: string, onTuple: (buf: Buffer, at: number) => void): Promise<void> {
  const copy = new CopyOutQuery(`COPY (${query}) TO STDOUT (FORMAT binary)`, onTuple);
  void client.query(copy as unknown as pg.QueryConfig);
  await copy.done;
}
