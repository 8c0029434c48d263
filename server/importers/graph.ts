import { inArray } from 'drizzle-orm';
import { slugify } from '../../common/text.ts';
import type { Database } from '../db/connection.ts';
import { members } from '../db/schema.ts';
import type { EdgeListRead } from './edge-list.ts';
import { type ImportOptions, type ImportPerson, type ImportResult, importPeople } from './people.ts';

/** A node of the file and the member it became. */
export interface NodeMember {
  fileId: string;
  memberId: number;
  handle: string;
}

export interface GraphImportResult {
  /** Members and connections created (connectionsCreated). */
  people: ImportResult;
  /** In ascending file id order. */
  nodes: NodeMember[];
}

export interface GraphImportOptions extends Pick<ImportOptions, 'publicUrl' | 'scryptLogN'> {
  /** Names the data set in the members' addresses, so two files' node 7 are different people. */
  source: string;
  names?: Map<string, string>;
  onProgress?: (phase: 'members' | 'connections', done: number, total: number) => void;
}

/**
 * The address that identifies a node's member: the external reference that makes a re-import find the
 * same member. `.invalid` is reserved (RFC 2606), so no mail is ever sent to it.
 */
export function nodeEmail(source: string, fileId: string): string {
  return `${fileId}@${slugify(source, 'graph')}.graph.invalid`;
}

/**
 * Imports a parsed edge list in one transaction: one member per node (through importPeople, matched by
 * address, so a second import creates nobody), and every edge as a connection (origin "import", dated now).
 */
export async function importGraph(database: Database, read: EdgeListRead, options: GraphImportOptions): Promise<GraphImportResult> {
  const emails = read.nodes.map((fileId) => nodeEmail(options.source, fileId));
  const people: ImportPerson[] = read.nodes.map((fileId, i) => ({
    source: `node ${fileId}:${i + 1}`,
    email: emails[i]!,
    name: options.names?.get(fileId) ?? `Node ${fileId}`,
    patch: {},
  }));
  const atMs = Date.now();
  const imported = await importPeople(database, people, {
    publicUrl: options.publicUrl,
    scryptLogN: options.scryptLogN,
    connections: read.pairs.map(([i, j]) => ({ a: emails[i]!, b: emails[j]!, atMs, context: 'import' })),
    onProgress: (done, total) => options.onProgress?.('members', done, total),
    onConnectProgress: (done, total) => options.onProgress?.('connections', done, total),
  });

  const byEmail = new Map<string, { id: number; handle: string }>();
  for (let i = 0; i < emails.length; i += 1000) {
    const batch = emails.slice(i, i + 1000);
    const found = await database.db.select({ id: members.id, handle: members.handle, email: members.email }).from(members).where(inArray(members.email, batch));
    for (const f of found) byEmail.set(f.email, f);
  }
  const nodes = read.nodes.map((fileId, i) => {
    const m = byEmail.get(emails[i]!);
    if (!m) throw new Error(`node ${fileId} has no member after the import`);
    return { fileId, memberId: m.id, handle: m.handle };
  });
  return { people: imported, nodes };
}
