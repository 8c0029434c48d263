/**
 * vCard 3.0 and 4.0 files, one or many cards each. The text is split into cards line by line as it streams
 * (a card is held only until its END:VCARD, up to MAX_CARD_CHARS), and each card is parsed by ical.js, which
 * unfolds lines and knows both versions. Unknown and X- properties are ignored. A record's line is the line of
 * its BEGIN:VCARD.
 */
import { pipeline, type Readable } from 'node:stream';
import ICAL from 'ical.js';
import { ImportFormatError } from '../records.ts';
import { type FileContext, firstSighting } from './context.ts';
import { asFormatError } from './csv-rows.ts';
import { parseBirthday } from './dates.ts';
import { cleanText, compact, joinName, normaliseEmail, normalisePhone, normaliseUrl, personKey, unique } from './people.ts';
import { DecodeText } from './text-decoding.ts';

/** A card with a large inline PHOTO is a few hundred KB; past this it is reported and skipped. */
const MAX_CARD_CHARS = 5_000_000;

type JCardProperty = [string, Record<string, unknown>, string, ...unknown[]];

const text = (value: unknown): string => (Array.isArray(value) ? value.map(text).filter(Boolean).join(' ') : value === undefined || value === null ? '' : String(value));

export async function readVCards(bytes: Readable, ctx: FileContext): Promise<void> {
  const decoded = new DecodeText(ctx.file);
  let failure: unknown = null;
  pipeline(bytes, decoded, (error) => {
    if (error && failure === null) failure = error;
  });
  const seen = new Set<string>();
  let lineNo = 0;
  let rest = '';
  let card: string[] | null = null;
  let cardChars = 0;
  let cardLine = 0;
  let cards = 0;
  let begun = false;
  const onLine = async (line: string) => {
    lineNo++;
    if (card === null) {
      if (/^\s*BEGIN:VCARD\s*$/i.test(line)) {
        card = [line];
        cardChars = line.length;
        cardLine = lineNo;
        begun = true;
      }
      return;
    }
    if (/^BEGIN:VCARD\s*$/i.test(line)) {
      ctx.sink.issue({ file: ctx.file, line: cardLine, code: 'bad_card', detail: 'no END:VCARD' });
      card = [line];
      cardChars = line.length;
      cardLine = lineNo;
      return;
    }
    cardChars += line.length;
    if (cardChars > MAX_CARD_CHARS) {
      ctx.sink.issue({ file: ctx.file, line: cardLine, code: 'card_too_large' });
      card = null;
      return;
    }
    card.push(line);
    if (/^END:VCARD\s*$/i.test(line)) {
      if (++cards > ctx.limits.maxRowsPerFile) throw new ImportFormatError('too_many_rows', ctx.file, cardLine, String(ctx.limits.maxRowsPerFile));
      const body = card.join('\r\n');
      card = null;
      await readCard(body, cardLine, ctx, seen);
    }
  };
  try {
    for await (const chunk of decoded as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      if (rest.length > MAX_CARD_CHARS) throw new ImportFormatError('line_too_long', ctx.file, lineNo + 1);
      for (const line of lines) await onLine(line);
    }
    if (rest !== '') await onLine(rest);
  } catch (error) {
    throw asFormatError(error, ctx.file);
  } finally {
    decoded.destroy();
  }
  if (failure !== null && (failure as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw asFormatError(failure, ctx.file);
  if (card !== null) ctx.sink.issue({ file: ctx.file, line: cardLine, code: 'bad_card', detail: 'no END:VCARD' });
  if (!begun) throw new ImportFormatError('unrecognised_file', ctx.file, null, 'no vCard');
}

async function readCard(body: string, line: number, ctx: FileContext, seen: Set<string>): Promise<void> {
  const at = { file: ctx.file, line };
  let properties: JCardProperty[];
  try {
    const parsed = ICAL.parse(body) as unknown;
    const component = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed) as [string, JCardProperty[]];
    if (!Array.isArray(component) || component[0] !== 'vcard' || !Array.isArray(component[1])) throw new Error('not a vcard');
    properties = component[1];
  } catch (error) {
    ctx.sink.issue({ ...at, code: 'bad_card', detail: error instanceof Error ? error.message.slice(0, 120) : undefined });
    return;
  }
  const values = (name: string) => properties.filter((p) => Array.isArray(p) && p[0] === name).flatMap((p) => p.slice(3));
  const first = (name: string) => values(name)[0];
  const n = first('n');
  const [family, given] = Array.isArray(n) ? [text(n[0]), text(n[1])] : [text(n), ''];
  const name = cleanText(text(first('fn'))) ?? joinName(given, family);
  if (!name) return ctx.sink.issue({ ...at, code: 'missing_name' });
  const org = first('org');
  let birthday: string | undefined;
  const bday = text(first('bday'));
  if (bday) {
    const parsed = parseBirthday(bday);
    if (parsed === 'bad') ctx.sink.issue({ ...at, code: 'bad_date', detail: `BDAY: ${bday.slice(0, 40)}` });
    else birthday = parsed?.iso;
  }
  const person = compact({
    name,
    firstName: cleanText(given),
    lastName: cleanText(family),
    emails: unique(values('email').map((v) => normaliseEmail(text(v)))),
    phones: unique(values('tel').map((v) => normalisePhone(text(v)))),
    urls: unique(values('url').map((v) => normaliseUrl(text(v)))),
    organisation: cleanText(Array.isArray(org) ? text(org[0]) : text(org)),
    title: cleanText(text(first('title'))),
    birthday,
    note: text(first('note')) || undefined,
  });
  if (!firstSighting(ctx, seen, personKey(person), line)) return;
  await ctx.sink.record({ kind: 'contact', source: 'vcard', at, person });
}
