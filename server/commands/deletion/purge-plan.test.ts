import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { MEMBER_COLUMN, PURGE_PLAN } from './purge-plan.ts';

/**
 * Every table that refers to a member must be in the purge plan, so a table added later cannot keep a
 * deleted member's data by being forgotten. Read from the migrated database's own catalogue.
 */
describeEachEngine('the purge plan covers every table that refers to members', (get) => {
  it('classifies each table with a foreign key to members or a member-like column, and names no missing table', async () => {
    const db = get().database.db;
    const byForeignKey = await rows<{ t: string }>(
      db,
      sql`SELECT DISTINCT c.conrelid::regclass::text AS t FROM pg_constraint c
           WHERE c.contype = 'f' AND c.confrelid = 'members'::regclass`,
    );
    const columns = await rows<{ table_name: string; column_name: string }>(
      db,
      sql`SELECT c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
           WHERE c.table_schema = current_schema()`,
    );
    const referring = new Set([
      ...byForeignKey.map((r) => r.t.replace(/^.*\./, '').replace(/"/g, '')),
      ...columns.filter((c) => MEMBER_COLUMN.test(c.column_name)).map((c) => c.table_name),
      'members',
    ]);
    const planned = new Set(PURGE_PLAN.map((e) => e.table));
    const missing = [...referring].filter((t) => !planned.has(t)).sort();
    expect(missing, `add these tables to PURGE_PLAN in server/commands/deletion/purge-plan.ts: ${missing.join(', ')}`).toEqual([]);
    const tables = new Set(columns.map((c) => c.table_name));
    expect(PURGE_PLAN.map((e) => e.table).filter((t) => !tables.has(t))).toEqual([]);
  });
});

describe('the purge plan', () => {
  it('lists each table once, with a reason, and statements unless kept', () => {
    const names = PURGE_PLAN.map((e) => e.table);
    expect(new Set(names).size).toBe(names.length);
    for (const e of PURGE_PLAN) {
      expect(e.why.length, e.table).toBeGreaterThan(5);
      expect(e.action === 'keep' ? e.statements === undefined : (e.statements?.({ id: 1, email: 'a@b' }).length ?? 0) > 0, e.table).toBe(true);
    }
  });

  it('fails for a table it does not know (the check can fail)', () => {
    expect(MEMBER_COLUMN.test('member_id')).toBe(true);
    expect(MEMBER_COLUMN.test('contact_member_id')).toBe(true);
    expect(MEMBER_COLUMN.test('skill_id')).toBe(false);
  });
});
