import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from './connection.ts';
import { type Distribution, GROUP_ROOTS, type Rule } from './distribution.ts';

/**
 * Checks the live schema against the distribution plan (distribution.ts) with the rules Citus enforces
 * when a table is distributed, so that what would break on the way to Citus is found by a test rather
 * than by `create_distributed_table` on the day. The facts are read from the migrated database's own
 * catalogue; the rules are a pure function of them, testable on a made-up catalogue.
 */

export interface ColumnFacts {
  type: string;
  notNull: boolean;
}

export interface TableFacts {
  columns: Map<string, ColumnFacts>;
  /** The primary key's columns, or null when the table has none. */
  primaryKey: string[] | null;
  /** Unique constraints and unique indexes other than the primary key: their plain columns, and whether an expression is part of the key. */
  uniques: { name: string; columns: string[]; hasExpression: boolean }[];
  foreignKeys: { name: string; columns: string[]; refTable: string; refColumns: string[] }[];
}

export type Catalogue = Map<string, TableFacts>;

/** One way a table breaks a rule; `subject` names the columns at fault, as an exception in the plan names them. */
export interface Violation {
  table: string;
  rule: Rule;
  subject: string;
  detail: string;
}

/** Reads every ordinary table of the current schema, with its columns, keys, unique indexes and foreign keys. */
export async function readCatalogue(db: DbOrTx): Promise<Catalogue> {
  const columns = await rows<{ t: string; col: string; type: string; not_null: boolean }>(
    db,
    sql`SELECT c.relname AS t, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
          FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace`,
  );
  // Unique indexes cover unique constraints and primary keys too; indkey 0 marks an expression.
  const indexes = await rows<{ t: string; name: string; is_primary: boolean; cols: (string | null)[] }>(
    db,
    sql`SELECT t.relname AS t, i.relname AS name, x.indisprimary AS is_primary,
               array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, n)
                       LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                      ORDER BY k.n) AS cols
          FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
         WHERE x.indisunique AND t.relnamespace = current_schema()::regnamespace`,
  );
  const foreignKeys = await rows<{ t: string; name: string; cols: string[]; ref: string; ref_cols: string[] }>(
    db,
    sql`SELECT t.relname AS t, c.conname AS name, r.relname AS ref,
               array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS cols,
               array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
                       JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS ref_cols
          FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
         WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const catalogue: Catalogue = new Map();
  const table = (name: string): TableFacts => {
    let facts = catalogue.get(name);
    if (!facts) catalogue.set(name, (facts = { columns: new Map(), primaryKey: null, uniques: [], foreignKeys: [] }));
    return facts;
  };
  for (const c of columns) table(c.t).columns.set(c.col, { type: c.type, notNull: c.not_null });
  for (const i of indexes) {
    const plain = i.cols.filter((c): c is string => c !== null);
    if (i.is_primary) table(i.t).primaryKey = plain;
    else table(i.t).uniques.push({ name: i.name, columns: plain, hasExpression: plain.length < i.cols.length });
  }
  for (const f of foreignKeys) table(f.t).foreignKeys.push({ name: f.name, columns: f.cols, refTable: f.ref, refColumns: f.ref_cols });
  return catalogue;
}

/**
 * Every way the schema breaks Citus's rules for the planned placement of its tables:
 * - `key-column`: a distributed table has no such column, or it may be null, or its type differs from its
 *   co-location group's root key (`members.id` for the member group), which co-location requires;
 * - `primary-key` and `unique`: a distributed table's primary key or a unique constraint or index does not
 *   include the distribution column (Citus can only enforce uniqueness within a shard);
 * - `foreign-key`: a foreign key Citus refuses: between distributed tables unless both sides are the
 *   distribution columns of one co-location group; from a reference table to anything but a reference table;
 *   from a distributed table to a local one; from a local table to a distributed one.
 * Tables missing from the plan are reported by the caller, not here.
 */
export function findViolations(catalogue: Catalogue, plan: Distribution): Violation[] {
  const out: Violation[] = [];
  const add = (table: string, rule: Rule, subject: string, detail: string) => out.push({ table, rule, subject, detail });
  for (const [name, facts] of catalogue) {
    const placement = plan[name];
    if (!placement) continue;
    if (placement.kind === 'distributed') {
      const root = GROUP_ROOTS[placement.group ?? 'member'];
      const rootType = catalogue.get(root.table)?.columns.get(root.key)?.type;
      const key = facts.columns.get(placement.key);
      if (!key) add(name, 'key-column', placement.key, `${name} has no column ${placement.key} to distribute by`);
      else if (!key.notNull) add(name, 'key-column', placement.key, `${name}.${placement.key} may be null`);
      else if (key.type !== rootType) add(name, 'key-column', placement.key, `${name}.${placement.key} is ${key.type}, ${root.table}.${root.key} is ${rootType ?? 'missing'}`);
      if (facts.primaryKey && !facts.primaryKey.includes(placement.key)) {
        add(name, 'primary-key', facts.primaryKey.join(','), `primary key (${facts.primaryKey.join(', ')}) lacks ${placement.key}`);
      }
      for (const u of facts.uniques) {
        if (u.columns.includes(placement.key)) continue;
        const subject = [...u.columns, ...(u.hasExpression ? ['(expression)'] : [])].join(',');
        add(name, 'unique', subject, `unique index ${u.name} (${subject}) lacks ${placement.key}`);
      }
    }
    for (const fk of facts.foreignKeys) {
      const target = plan[fk.refTable];
      if (!target) continue;
      const problem = foreignKeyProblem(placement, target, fk);
      if (problem) add(name, 'foreign-key', fk.columns.join(','), `${fk.name}: (${fk.columns.join(', ')}) → ${fk.refTable}(${fk.refColumns.join(', ')}): ${problem}`);
    }
  }
  return out;
}

type Placement = Distribution[string];

function foreignKeyProblem(from: Placement, to: Placement, fk: TableFacts['foreignKeys'][number]): string | null {
  if (from.kind !== 'distributed') {
    if (from.kind === 'reference') return to.kind === 'reference' ? null : `a reference table may only refer to reference tables, not a ${to.kind} one`;
    return to.kind === 'distributed' ? 'a local table cannot refer to a distributed one' : null;
  }
  if (to.kind !== 'distributed') return to.kind === 'reference' ? null : 'a distributed table cannot refer to a local one';
  if ((from.group ?? 'member') !== (to.group ?? 'member')) return 'the two tables are in different co-location groups';
  const at = fk.columns.indexOf(from.key);
  if (at < 0 || fk.refColumns[at] !== to.key) return `not co-located: the key must map ${from.key} to ${to.key}`;
  return null;
}
