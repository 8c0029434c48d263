import { describe, expect, it } from 'vitest';
import { CursorStream, formatCursor, parseCursor } from './cursor.ts';
import type { LiveMessage } from './streams.ts';

const message = (id: number): LiveMessage => ({ id, type: 'message', data: { messageId: id } });

/** A stream over a text sink, with the processor's safe position set by the test. */
function streamFrom(cursor: string | undefined, floorAt: number) {
  const written: string[] = [];
  const floor = { at: floorAt };
  const stream = new CursorStream({ write: (t) => written.push(t), end: () => undefined }, () => floor.at, parseCursor(cursor));
  const events = () => written.map((t) => /^id: (\S+)\nevent: (\w+)/.exec(t)!.slice(1, 3) as [string, string]);
  const sent = () => written.flatMap((t) => /"messageId":(\d+)/.exec(t)?.[1] ?? []).map(Number);
  return { stream, floor, events, sent };
}

describe('a live stream’s cursor', () => {
  it('reads back what it writes, and refuses what is not one', () => {
    expect(parseCursor(formatCursor({ base: 1200, above: [1203, 1207] }))).toEqual({ base: 1200, above: [1203, 1207] });
    expect(parseCursor('41')).toEqual({ base: 41, above: [] });
    expect(parseCursor('41.40.45.45')).toEqual({ base: 41, above: [45] });
    for (const bad of [undefined, '', 'abc', '-1', '1..2', '1.2.', `1${'.2'.repeat(2_000)}`]) expect(parseCursor(bad), String(bad)).toBeNull();
  });

  it('lists the ids written above the safe position, and drops them once it passes', () => {
    const { stream, floor, events } = streamFrom(undefined, 10);
    stream.write(message(12));
    floor.at = 10;
    stream.write(message(13));
    expect(events().map(([id]) => id)).toEqual(['10.12', '10.12.13']);
    floor.at = 12;
    stream.write(message(14));
    expect(events().at(-1)).toEqual(['12.13.14', 'message']);
    // Handed over again (a processor retrying from the outbox): written once.
    stream.write(message(13));
    stream.write(message(11));
    expect(events()).toHaveLength(3);
    // One event, two things to tell (an invitation and the bell): both written.
    stream.write({ id: 15, type: 'notification', data: {} });
    stream.write({ id: 15, type: 'invitation', data: { invitationId: 3 } });
    expect(events().slice(3)).toEqual([
      ['12.13.14.15', 'notification'],
      ['12.13.14.15', 'invitation'],
    ]);
  });

  it('resuming, writes the replay and then what arrived meanwhile, each id once', () => {
    const { stream, events, sent } = streamFrom('20.23', 25);
    stream.write(message(26));
    stream.write(message(24));
    expect(events()).toEqual([]);
    stream.resume([message(21), message(24), message(22)]);
    stream.write(message(27));
    expect(sent()).toEqual([21, 24, 22, 26, 27]);
    expect(events().at(-1)![0]).toBe('25.26.27');
    // Replayed ids and the held ones are all at or below the safe position or listed: none comes twice.
    stream.write(message(26));
    stream.write(message(21));
    expect(events()).toHaveLength(5);
  });

  it('told to resync, starts where it was registered', () => {
    const { stream, events } = streamFrom('3', 50);
    stream.write(message(51));
    stream.resume('resync');
    expect(events()).toEqual([
      ['50', 'resync'],
      ['50.51', 'message'],
    ]);
  });
});
