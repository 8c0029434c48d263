import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../test/engines.ts';
import { type Catalogue, findViolations, readCatalogue, type TableFacts } from './distribution-check.ts';
import { DISTRIBUTION, type Distribution } from './distribution.ts';

/**
 * The distribution plan (distribution.ts) against the migrated schema: every table placed, and every way
 * the schema breaks Citus's rules listed as an exception, no more and no fewer.
 */
for (const engine of engines()) {
  describe(`the distribution plan matches the schema [${engine}]`, () => {
    let catalogue: Catalogue;
    let drop: () => Promise<void> = async () => {};
    beforeAll(async () => {
      const opened = await openTestDatabase(engine, { migrated: true });
      drop = opened.drop;
      catalogue = await readCatalogue(opened.database.db);
    }, 180_000);
    afterAll(() => drop());

    it('places every table, and names no table that does not exist', () => {
      const tables = [...catalogue.keys()];
      expect(tables.length).toBeGreaterThan(50);
      const unplaced = tables.filter((t) => !DISTRIBUTION[t]).sort();
      expect(unplaced, `place these tables in server/db/distribution.ts (distributed by a member column, reference or local): ${unplaced.join(', ')}`).toEqual([]);
      expect(Object.keys(DISTRIBUTION).filter((t) => !catalogue.has(t))).toEqual([]);
    });

    it('breaks Citus\'s rules only where an exception says so, and every exception still happens', () => {
      const found = findViolations(catalogue, DISTRIBUTION);
      const label = (table: string, rule: string, subject: string) => `${table} ${rule} ${subject}`;
      const declared = Object.entries(DISTRIBUTION).flatMap(([table, p]) => (p.exceptions ?? []).map((e) => label(table, e.rule, e.subject)));
      const unexpected = found.filter((v) => !declared.includes(label(v.table, v.rule, v.subject))).map((v) => `${label(v.table, v.rule, v.subject)}: ${v.detail}`);
      expect(unexpected, 'fix the schema, or list these as exceptions in server/db/distribution.ts with the migration each needs').toEqual([]);
      const happening = new Set(found.map((v) => label(v.table, v.rule, v.subject)));
      expect(declared.filter((d) => !happening.has(d)), 'these exceptions no longer happen: remove them from server/db/distribution.ts').toEqual([]);
    });

    it('distributes by a NOT NULL column of the member id\'s type wherever no exception says otherwise', () => {
      const memberId = catalogue.get('members')?.columns.get('id');
      expect(memberId).toEqual({ type: 'integer', notNull: true });
      for (const [table, p] of Object.entries(DISTRIBUTION)) {
        if (p.kind !== 'distributed' || p.group === 'conversation') continue;
        if (p.exceptions?.some((e) => e.rule === 'key-column')) continue;
        expect(catalogue.get(table)?.columns.get(p.key), `${table}.${p.key}`).toEqual(memberId);
      }
    });
  });
}

describe('the distribution plan', () => {
  it('gives every table a reason and every exception its migration, once each', () => {
    for (const [table, p] of Object.entries(DISTRIBUTION)) {
      expect(p.why.length, table).toBeGreaterThan(8);
      const subjects = (p.exceptions ?? []).map((e) => `${e.rule} ${e.subject}`);
      expect(new Set(subjects).size, table).toBe(subjects.length);
      for (const e of p.exceptions ?? []) expect(e.migration.length, `${table} ${e.subject}`).toBeGreaterThan(10);
    }
  });
});

describe('the Citus rules (findViolations), on a made-up schema', () => {
  const int = { type: 'integer', notNull: true };
  const facts = (columns: Record<string, { type: string; notNull: boolean }>, more: Partial<TableFacts> = {}): TableFacts => ({
    columns: new Map(Object.entries(columns)),
    primaryKey: null,
    uniques: [],
    foreignKeys: [],
    ...more,
  });
  const fk = (columns: string[], refTable: string, refColumns: string[]) => ({ name: `${columns.join('_')}_fkey`, columns, refTable, refColumns });
  const catalogue: Catalogue = new Map([
    ['members', facts({ id: int, handle: { type: 'text', notNull: true } }, { primaryKey: ['id'], uniques: [{ name: 'members_handle_key', columns: ['handle'], hasExpression: false }] })],
    ['notes', facts({ id: int, member_id: int, other_id: int }, { primaryKey: ['id'], foreignKeys: [fk(['member_id'], 'members', ['id']), fk(['other_id'], 'members', ['id'])] })],
    ['children', facts({ member_id: int, note_id: int }, { primaryKey: ['member_id', 'note_id'], foreignKeys: [fk(['member_id', 'note_id'], 'notes', ['member_id', 'id'])] })],
    ['orphans', facts({ owner_id: { type: 'integer', notNull: false }, n: int }, { uniques: [{ name: 'orphans_pair', columns: [], hasExpression: true }] })],
    ['wide', facts({ member_id: { type: 'bigint', notNull: true } })],
    ['nokey', facts({ id: int })],
    ['settings', facts({ key: int }, { foreignKeys: [fk(['key'], 'members', ['id'])] })],
    ['queue', facts({ member_id: int }, { foreignKeys: [fk(['member_id'], 'members', ['id'])] })],
    ['pointer', facts({ member_id: int, job: int }, { foreignKeys: [fk(['job'], 'queue2', ['id'])] })],
    ['queue2', facts({ id: int })],
    ['convos', facts({ id: int, member_id: int }, { foreignKeys: [fk(['member_id'], 'members', ['id'])] })],
  ]);
  const plan: Distribution = {
    members: { kind: 'distributed', key: 'id', why: 'root' },
    notes: { kind: 'distributed', key: 'member_id', why: 'x' },
    children: { kind: 'distributed', key: 'member_id', why: 'x' },
    orphans: { kind: 'distributed', key: 'owner_id', why: 'x' },
    wide: { kind: 'distributed', key: 'member_id', why: 'x' },
    nokey: { kind: 'distributed', key: 'member_id', why: 'x' },
    settings: { kind: 'reference', why: 'x' },
    queue: { kind: 'local', why: 'x' },
    pointer: { kind: 'distributed', key: 'member_id', why: 'x' },
    queue2: { kind: 'local', why: 'x' },
    convos: { kind: 'distributed', key: 'id', group: 'conversation', why: 'x' },
  };
  const found = findViolations(catalogue, plan).map((v) => `${v.table} ${v.rule} ${v.subject}`).sort();

  it('finds each kind of break, and nothing in tables that keep the rules', () => {
    expect(found).toEqual(
      [
        'members unique handle', // unique without the key
        'notes primary-key id', // primary key without the key
        'notes foreign-key other_id', // not co-located
        'orphans key-column owner_id', // nullable key
        'orphans unique (expression)',
        'wide key-column member_id', // a type other than members.id's
        'nokey key-column member_id', // no such column
        'settings foreign-key key', // reference → distributed
        'queue foreign-key member_id', // local → distributed
        'pointer foreign-key job', // distributed → local
        'convos key-column id', // conversations' root is missing: its type cannot match
        'convos foreign-key member_id', // across co-location groups
      ].sort(),
    );
    expect(found.filter((f) => f.startsWith('children '))).toEqual([]);
  });
});
