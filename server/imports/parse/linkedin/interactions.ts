/**
 * LinkedIn's Invitations.csv and messages.csv, folded into one `interactions` record per other person: how
 * many messages and invitations, and the latest date. Text is never kept. Every participant of a row is
 * counted, the archive's owner included; the owner is dropped at the end: the name from Profile.csv when the
 * archive has one, else whoever appears in the most rows (the owner is in every one). Memory grows with the
 * number of distinct people, not rows.
 */
import type { Readable } from 'node:stream';
import { type FileContext, dateCell } from '../context.ts';
import { readCsvTable } from '../csv-rows.ts';
import { asInstant } from '../dates.ts';
import { cleanText, normaliseUrl } from '../people.ts';
import type { SourceLine } from '../../records.ts';
import { LINKEDIN_KINDS } from './headers.ts';

interface Tally {
  name: string;
  url?: string;
  messages: number;
  invitations: number;
  lastAt?: string;
  at: SourceLine;
  rows: number;
}

const keyOf = (name: string): string => name.toLowerCase();

export class InteractionFold {
  private readonly people = new Map<string, Tally>();
  /** The owner's name from Profile.csv, when the archive has one. */
  ownerName: string | null = null;

  add(at: SourceLine, participants: { name: string; url?: string }[], what: 'messages' | 'invitations', date: string | undefined): void {
    const seen = new Set<string>();
    for (const { name, url } of participants) {
      const key = keyOf(name);
      if (seen.has(key)) continue;
      seen.add(key);
      let tally = this.people.get(key);
      if (!tally) {
        tally = { name, messages: 0, invitations: 0, at, rows: 0 };
        this.people.set(key, tally);
      }
      if (url && !tally.url) tally.url = url;
      tally[what]++;
      tally.rows++;
      if (date && (!tally.lastAt || date > tally.lastAt)) tally.lastAt = date;
    }
  }

  /** Everyone but the owner, with a date (someone seen only on rows with bad dates is reported, not guessed). */
  async emit(ctx: Pick<FileContext, 'sink'>): Promise<void> {
    let ownerKey = this.ownerName ? keyOf(this.ownerName) : null;
    if (ownerKey === null) {
      let most = 0;
      for (const [key, tally] of this.people) {
        if (tally.rows > most) {
          most = tally.rows;
          ownerKey = key;
        }
      }
    }
    for (const [key, tally] of this.people) {
      if (key === ownerKey) continue;
      if (!tally.lastAt) {
        ctx.sink.issue({ ...tally.at, code: 'missing_date', detail: tally.name });
        continue;
      }
      const person = tally.url ? { name: tally.name, url: tally.url } : { name: tally.name };
      await ctx.sink.record({ kind: 'interactions', at: tally.at, person, messages: tally.messages, invitations: tally.invitations, lastAt: tally.lastAt });
    }
    this.people.clear();
  }
}

function participant(name: string, url: string): { name: string; url?: string } | null {
  const clean = cleanText(name);
  if (!clean) return null;
  const normalised = normaliseUrl(url);
  return normalised ? { name: clean, url: normalised } : { name: clean };
}

export async function readInvitations(bytes: Readable, ctx: FileContext, fold: InteractionFold): Promise<void> {
  await readCsvTable(bytes, { ...ctx, isHeader: LINKEDIN_KINDS.invitations.isHeader }, (row) => {
    const people = [participant(row.get('From'), row.get('inviterProfileUrl')), participant(row.get('To'), row.get('inviteeProfileUrl'))].filter((p) => p !== null);
    if (people.length < 2) {
      ctx.sink.issue({ file: ctx.file, line: row.line, code: 'missing_name' });
      return;
    }
    const date = dateCell(ctx, row, 'Sent At');
    fold.add({ file: ctx.file, line: row.line }, people, 'invitations', date && asInstant(date));
  });
}

const DRAFT = new Set(['yes', 'true', '1']);

export async function readMessages(bytes: Readable, ctx: FileContext, fold: InteractionFold): Promise<void> {
  await readCsvTable(bytes, { ...ctx, isHeader: LINKEDIN_KINDS.messages.isHeader }, (row) => {
    if (DRAFT.has(row.get('IS MESSAGE DRAFT').toLowerCase())) return;
    const sender = participant(row.get('FROM'), row.get('SENDER PROFILE URL'));
    // TO and RECIPIENT PROFILE URLS list several people, comma-separated; URLs pair with names only when the counts agree.
    const names = row.get('TO').split(',').map((n) => n.trim()).filter(Boolean);
    const urls = row.get('RECIPIENT PROFILE URLS').split(/[,\s]+/).filter(Boolean);
    const recipients = names.map((n, i) => participant(n, urls.length === names.length ? urls[i]! : '')).filter((p) => p !== null);
    if (!sender || recipients.length === 0) {
      ctx.sink.issue({ file: ctx.file, line: row.line, code: 'missing_name' });
      return;
    }
    const date = dateCell(ctx, row, 'DATE');
    fold.add({ file: ctx.file, line: row.line }, [sender, ...recipients], 'messages', date && asInstant(date));
  });
}
