/**
 * The applying half of an import: one batch of staged records (stage.ts) into the member's contacts, notes,
 * history and profile draft, in the caller's transaction. Every write is idempotent, so a batch applied
 * twice (a job that died after its commit but before it knew) changes nothing the second time:
 *
 * - contacts are upserted by their dedupe key (keys.ts), lists merged, blanks never overwrite a value;
 * - interactions take the greatest count and the latest date, never a sum;
 * - notes and history carry a digest of their content, unique per contact or member;
 * - the profile draft merges its items by content.
 */
import { sql } from 'drizzle-orm';
import type { ProfileDraft } from '../../common/schemas/imports.ts';
import { type Tx, rows } from '../db/connection.ts';
import { contactDedupeKey, digest, urlKey } from './keys.ts';
import type { MatchIndex } from './match.ts';
import type { ImportedPerson, ImportIssue, ImportRecord, PersonRef } from './records.ts';
import { jsonText } from './stage.ts';

export interface ApplyContext {
  tx: Tx;
  memberId: number;
  importId: number;
  matcher: MatchIndex;
  /** Counts of what was done, added to across batches. */
  counts: Record<string, number>;
  issue(issue: ImportIssue): void;
}

type Rec<K extends ImportRecord['kind']> = Extract<ImportRecord, { kind: K }>;

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  if (by) counts[key] = (counts[key] ?? 0) + by;
};

/** A date column from a parser's ISO date: a year or a month becomes its first day; anything else, none. */
export function dayOf(value: string | undefined | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const day = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) || !new Date(t).toISOString().startsWith(day) || day < '1900-01-01' ? null : day;
}

const clip = (value: string | undefined | null, max: number) => (value ? value.slice(0, max) : null);
const uniq = (values: readonly string[], max: number) => [...new Set(values.map((v) => v.trim()).filter(Boolean))].slice(0, max).map((v) => v.slice(0, 500));

export async function applyBatch(ctx: ApplyContext, records: readonly ImportRecord[]): Promise<void> {
  const contacts = records.filter((r): r is Rec<'contact'> => r.kind === 'contact');
  if (contacts.length) await applyContacts(ctx, contacts);
  const interactions = records.filter((r): r is Rec<'interactions'> => r.kind === 'interactions');
  if (interactions.length) await applyInteractions(ctx, interactions);
  const notes = records.filter((r): r is Rec<'note'> => r.kind === 'note');
  if (notes.length) await applyNotes(ctx, notes);
  const history = records.filter((r): r is Rec<'endorsement_received'> | Rec<'recommendation_received'> => r.kind === 'endorsement_received' || r.kind === 'recommendation_received');
  if (history.length) await applyHistory(ctx, history);
  const profile = records.filter((r) => r.kind === 'profile' || r.kind === 'position' || r.kind === 'education' || r.kind === 'skill');
  if (profile.length) await applyProfileDraft(ctx, profile);
}

interface MergedContact {
  key: string;
  source: string;
  person: ImportedPerson;
  notes: { text: string; metOn?: string | undefined }[];
  tags: { name: string; colour?: string | undefined }[];
}

/** Records of one person within a batch become one row (an upsert may touch a row once per statement). */
function mergeContacts(records: readonly Rec<'contact'>[]): MergedContact[] {
  const byKey = new Map<string, MergedContact>();
  for (const r of records) {
    const key = contactDedupeKey(r.person);
    const had = byKey.get(key);
    if (!had) {
      byKey.set(key, { key, source: r.source, person: { ...r.person }, notes: [...(r.notes ?? [])], tags: [...(r.tags ?? [])] });
      continue;
    }
    const p = had.person;
    const q = r.person;
    had.person = {
      ...p,
      ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')),
      emails: [...p.emails, ...q.emails],
      phones: [...p.phones, ...q.phones],
      urls: [...p.urls, ...q.urls],
    } as ImportedPerson;
    had.notes.push(...(r.notes ?? []));
    had.tags.push(...(r.tags ?? []));
  }
  return [...byKey.values()];
}

interface UpsertedRow {
  id: number;
  key: string;
  inserted: boolean;
  name: string;
  emails: string[];
  urls: string[];
  organisation: string | null;
}

async function applyContacts(ctx: ApplyContext, records: readonly Rec<'contact'>[]): Promise<void> {
  const merged = mergeContacts(records);
  const input = merged.map(({ key, source, person: p }) => ({
    key,
    source,
    name: p.name.slice(0, 300),
    first: clip(p.firstName, 200),
    last: clip(p.lastName, 200),
    emails: uniq(p.emails.map((e) => e.toLowerCase()), 20),
    phones: uniq(p.phones, 20),
    urls: uniq(p.urls, 20),
    org: clip(p.organisation, 300),
    title: clip(p.title, 300),
    birthday: clip(p.birthday, 20),
    note: clip(p.note, 10_000),
    connected: dayOf(p.connectedOn),
  }));
  const mergeArray = (col: string) => sql.raw(`ARRAY(SELECT e FROM unnest(contacts.${col} || EXCLUDED.${col}) WITH ORDINALITY u(e, o) GROUP BY e ORDER BY min(o) LIMIT 50)`);
  const upserted = await rows<UpsertedRow>(
    ctx.tx,
    sql`INSERT INTO contacts (member_id, dedupe_key, source, name, first_name, last_name, emails, phones, urls, organisation, title, birthday, note, connected_on)
        SELECT ${ctx.memberId}, x.key, x.source, x.name, x.first, x.last,
               ARRAY(SELECT jsonb_array_elements_text(x.emails)), ARRAY(SELECT jsonb_array_elements_text(x.phones)), ARRAY(SELECT jsonb_array_elements_text(x.urls)),
               x.org, x.title, x.birthday, x.note, x.connected::date
          FROM jsonb_to_recordset(${jsonText(input)}::jsonb)
            AS x(key text, source text, name text, first text, last text, emails jsonb, phones jsonb, urls jsonb, org text, title text, birthday text, note text, connected text)
        ON CONFLICT (member_id, dedupe_key) DO UPDATE SET
          name = EXCLUDED.name,
          first_name = COALESCE(EXCLUDED.first_name, contacts.first_name),
          last_name = COALESCE(EXCLUDED.last_name, contacts.last_name),
          emails = ${mergeArray('emails')},
          phones = ${mergeArray('phones')},
          urls = ${mergeArray('urls')},
          organisation = COALESCE(EXCLUDED.organisation, contacts.organisation),
          title = COALESCE(EXCLUDED.title, contacts.title),
          birthday = COALESCE(EXCLUDED.birthday, contacts.birthday),
          note = COALESCE(EXCLUDED.note, contacts.note),
          connected_on = LEAST(EXCLUDED.connected_on, contacts.connected_on),
          updated_at = now()
        RETURNING id, dedupe_key AS key, (xmax = 0) AS inserted, name, emails, urls, organisation`,
  );
  bump(ctx.counts, 'contactsCreated', upserted.filter((r) => r.inserted).length);
  bump(ctx.counts, 'contactsUpdated', upserted.filter((r) => !r.inserted).length);

  // Matched on the merged row, so a later file's email or URL can match a person an earlier one named.
  const matches = upserted.map((r) => ({ id: r.id, m: ctx.matcher.match(r) }));
  bump(ctx.counts, 'matched', matches.filter((x) => x.m).length);
  await ctx.tx.execute(
    sql`UPDATE contacts c SET matched_member_id = x.member, match_kind = x.kind, match_confidence = x.confidence
          FROM jsonb_to_recordset(${jsonText(matches.map(({ id, m }) => ({ id, member: m?.memberId ?? null, kind: m?.kind ?? null, confidence: m?.confidence ?? null })))}::jsonb)
            AS x(id integer, member integer, kind text, confidence real)
         WHERE c.id = x.id AND c.member_id = ${ctx.memberId}
           AND c.matched_member_id IS DISTINCT FROM x.member`,
  );

  // Rapport's own export carries each card's notes and tags.
  const idOf = new Map(upserted.map((r) => [r.key, r.id]));
  const notes = merged.flatMap((c) => c.notes.filter((n) => n.text?.trim()).map((n) => ({ contact: idOf.get(c.key)!, text: n.text.slice(0, 10_000), on: dayOf(n.metOn), key: digest(n.text, n.metOn) })));
  if (notes.length) await insertNotes(ctx, notes);
  const tags = merged.flatMap((c) => c.tags.filter((t) => t.name?.trim()).map((t) => ({ contact: idOf.get(c.key)!, name: t.name.trim().slice(0, 60), colour: t.colour ?? 'gray' })));
  if (tags.length) await attachTags(ctx, tags);
}

async function insertNotes(ctx: ApplyContext, notes: { contact: number; text: string; on: string | null; key: string }[]): Promise<void> {
  const inserted = await rows<{ id: number }>(
    ctx.tx,
    sql`INSERT INTO contact_notes (member_id, contact_id, text, noted_on, dedupe_key)
        SELECT ${ctx.memberId}, x.contact, x.text, x.on::date, x.key
          FROM jsonb_to_recordset(${jsonText(notes)}::jsonb) AS x(contact integer, text text, "on" text, key text)
        ON CONFLICT (contact_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
        RETURNING id`,
  );
  bump(ctx.counts, 'notes', inserted.length);
}

const COLOURS = new Set(['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange']);

/** The member's tags by name (created when missing, as relationship memory's tags), then on the contacts. */
async function attachTags(ctx: ApplyContext, tags: { contact: number; name: string; colour: string }[]): Promise<void> {
  const wanted = [...new Map(tags.map((t) => [t.name.toLowerCase(), t])).values()].map((t) => ({ name: t.name, colour: COLOURS.has(t.colour) ? t.colour : 'gray' }));
  await ctx.tx.execute(
    sql`INSERT INTO relationship_tags (member_id, name, colour)
        SELECT ${ctx.memberId}, x.name, x.colour FROM jsonb_to_recordset(${jsonText(wanted)}::jsonb) AS x(name text, colour text)
        ON CONFLICT (member_id, lower(name)) DO NOTHING`,
  );
  await ctx.tx.execute(
    sql`INSERT INTO contact_tags (member_id, contact_id, tag_id)
        SELECT DISTINCT ${ctx.memberId}::int, x.contact, t.id
          FROM jsonb_to_recordset(${jsonText(tags)}::jsonb) AS x(contact integer, name text)
          JOIN relationship_tags t ON t.member_id = ${ctx.memberId} AND lower(t.name) = lower(x.name)
        ON CONFLICT DO NOTHING`,
  );
}

/**
 * The contact a loose reference names: by its URL (a LinkedIn profile is a contact's dedupe key), else by
 * its name when exactly one of my contacts carries it. Returns null when neither settles it.
 */
async function resolveRefs(ctx: ApplyContext, refs: readonly PersonRef[]): Promise<(number | null)[]> {
  const keys = refs.map((r) => (r.url ? urlKey(r.url) : null)).map((k) => (k ? `url:${k}` : null));
  const names = refs.map((r) => r.name.trim().toLowerCase());
  const found = await rows<{ id: number; key: string; lname: string }>(
    ctx.tx,
    sql`SELECT id, dedupe_key AS key, lower(name) AS lname FROM contacts
         WHERE member_id = ${ctx.memberId}
           AND (dedupe_key = ANY(ARRAY(SELECT jsonb_array_elements_text(${jsonText([...new Set(keys.filter((k): k is string => k !== null))])}::jsonb)))
                OR lower(name) = ANY(ARRAY(SELECT jsonb_array_elements_text(${jsonText([...new Set(names)])}::jsonb))))`,
  );
  const byKey = new Map(found.map((r) => [r.key, r.id]));
  const byName = new Map<string, number[]>();
  for (const r of found) byName.set(r.lname, [...(byName.get(r.lname) ?? []), r.id]);
  return refs.map((_, i) => {
    const k = keys[i];
    if (k && byKey.has(k)) return byKey.get(k)!;
    const ids = byName.get(names[i]!);
    return ids?.length === 1 ? ids[0]! : null;
  });
}

async function applyInteractions(ctx: ApplyContext, records: readonly Rec<'interactions'>[]): Promise<void> {
  const ids = await resolveRefs(ctx, records.map((r) => r.person));
  const byContact = new Map<number, { id: number; messages: number; invitations: number; at: string | null }>();
  records.forEach((r, i) => {
    const id = ids[i];
    if (id == null) {
      bump(ctx.counts, 'interactionsUnattached');
      return;
    }
    const at = Number.isNaN(Date.parse(r.lastAt)) ? null : new Date(r.lastAt).toISOString();
    const had = byContact.get(id) ?? { id, messages: 0, invitations: 0, at: null };
    had.messages = Math.max(had.messages, Math.max(0, Math.floor(r.messages) || 0));
    had.invitations = Math.max(had.invitations, Math.max(0, Math.floor(r.invitations) || 0));
    if (at && (!had.at || at > had.at)) had.at = at;
    byContact.set(id, had);
  });
  if (byContact.size === 0) return;
  await ctx.tx.execute(
    sql`UPDATE contacts c
           SET message_count = GREATEST(c.message_count, x.messages),
               invitation_count = GREATEST(c.invitation_count, x.invitations),
               last_interaction_at = GREATEST(c.last_interaction_at, x.at::timestamptz)
          FROM jsonb_to_recordset(${jsonText([...byContact.values()])}::jsonb) AS x(id integer, messages integer, invitations integer, at text)
         WHERE c.id = x.id AND c.member_id = ${ctx.memberId}`,
  );
  bump(ctx.counts, 'interactions', byContact.size);
}

async function applyNotes(ctx: ApplyContext, records: readonly Rec<'note'>[]): Promise<void> {
  const ids = await resolveRefs(ctx, records.map((r) => r.person));
  const notes: { contact: number; text: string; on: string | null; key: string }[] = [];
  records.forEach((r, i) => {
    const id = ids[i];
    if (id == null || !r.text.trim()) {
      ctx.issue({ file: r.at.file, line: r.at.line, code: 'note_contact_not_found', detail: r.person.name.slice(0, 100) });
      bump(ctx.counts, 'notesUnattached');
      return;
    }
    notes.push({ contact: id, text: r.text.slice(0, 10_000), on: dayOf(r.date), key: digest(r.text, r.date) });
  });
  if (notes.length) await insertNotes(ctx, notes);
}

async function applyHistory(ctx: ApplyContext, records: readonly (Rec<'endorsement_received'> | Rec<'recommendation_received'>)[]): Promise<void> {
  const input = records.map((r) =>
    r.kind === 'endorsement_received'
      ? { kind: 'endorsement', name: r.endorser.name.slice(0, 300), url: clip(r.endorser.url, 500), org: null, title: null, skill: r.skill.slice(0, 200), text: null, dated: clip(r.date, 40), key: digest('e', r.endorser.name, r.endorser.url, r.skill) }
      : { kind: 'recommendation', name: r.author.name.slice(0, 300), url: clip(r.author.url, 500), org: clip(r.author.organisation, 300), title: clip(r.author.title, 300), skill: null, text: r.text.slice(0, 20_000), dated: clip(r.date, 40), key: digest('r', r.author.name, r.text) },
  );
  const inserted = await rows<{ id: number }>(
    ctx.tx,
    sql`INSERT INTO imported_history (member_id, kind, person_name, person_url, person_organisation, person_title, skill, text, dated, dedupe_key)
        SELECT ${ctx.memberId}, x.kind, x.name, x.url, x.org, x.title, x.skill, x.text, x.dated, x.key
          FROM jsonb_to_recordset(${jsonText(input)}::jsonb) AS x(kind text, name text, url text, org text, title text, skill text, text text, dated text, key text)
        ON CONFLICT (member_id, dedupe_key) DO NOTHING
        RETURNING id`,
  );
  bump(ctx.counts, 'history', inserted.length);
}

const emptyDraft = (): ProfileDraft => ({ profile: { websites: [] }, positions: [], education: [], skills: [] });
const DRAFT_ITEMS_MAX = 100;

/** The draft this import offers, merged by content; a draft from an earlier import is replaced. */
async function applyProfileDraft(ctx: ApplyContext, records: readonly ImportRecord[]): Promise<void> {
  const [row] = await rows<{ importId: number | null; draft: ProfileDraft }>(
    ctx.tx,
    sql`SELECT import_id AS "importId", draft FROM import_profile_drafts WHERE member_id = ${ctx.memberId} FOR UPDATE`,
  );
  const draft = row && row.importId === ctx.importId ? row.draft : emptyDraft();
  const has = (list: unknown[], item: unknown) => list.some((x) => JSON.stringify(x) === JSON.stringify(item));
  for (const r of records) {
    if (r.kind === 'profile') {
      const p = r.profile;
      const name = [p.firstName, p.lastName].filter(Boolean).join(' ').trim();
      draft.profile = {
        ...draft.profile,
        ...(name ? { name: name.slice(0, 100) } : {}),
        ...(p.headline ? { headline: p.headline.slice(0, 220) } : {}),
        ...(p.summary ? { about: p.summary.slice(0, 2600) } : {}),
        ...(p.location ? { location: p.location.slice(0, 100) } : {}),
        ...(p.industry ? { industry: p.industry.slice(0, 100) } : {}),
        websites: [...new Set([...draft.profile.websites, ...p.websites])].slice(0, 10),
      };
    } else if (r.kind === 'position') {
      const item = JSON.parse(JSON.stringify(r.position)) as ProfileDraft['positions'][number];
      if (draft.positions.length < DRAFT_ITEMS_MAX && !has(draft.positions, item)) draft.positions.push(item);
    } else if (r.kind === 'education') {
      const e = r.education;
      const item = JSON.parse(JSON.stringify({ school: e.school, degree: e.degree, startedOn: e.startedOn, finishedOn: e.finishedOn })) as ProfileDraft['education'][number];
      if (draft.education.length < DRAFT_ITEMS_MAX && !has(draft.education, item)) draft.education.push(item);
    } else if (r.kind === 'skill') {
      const name = r.name.trim().slice(0, 60);
      if (name && draft.skills.length < DRAFT_ITEMS_MAX && !draft.skills.some((s) => s.toLowerCase() === name.toLowerCase())) draft.skills.push(name);
    }
  }
  await ctx.tx.execute(
    sql`INSERT INTO import_profile_drafts (member_id, import_id, draft) VALUES (${ctx.memberId}, ${ctx.importId}, ${jsonText(draft)}::jsonb)
        ON CONFLICT (member_id) DO UPDATE SET import_id = EXCLUDED.import_id, draft = EXCLUDED.draft, applied_at = NULL,
          created_at = CASE WHEN import_profile_drafts.import_id IS DISTINCT FROM EXCLUDED.import_id THEN now() ELSE import_profile_drafts.created_at END`,
  );
  bump(ctx.counts, 'profileItems', records.length);
}
