import { expect, it } from 'vitest';
import { ChangeMarks } from './change-marks.ts';

it('never marks past a change logged but not applied, nor past an insert whose id is not known yet', () => {
  const marks = new ChangeMarks(10);
  expect(marks.safe()).toBe(10);

  // Transaction A logs change 11 and is still open; B's insert is under way, its id unknown.
  const a = marks.beginInsert();
  marks.endInsert(a, { id: 11, xid: '900' });
  const b = marks.beginInsert();
  // C logs 13 and commits first.
  const c = marks.beginInsert();
  marks.endInsert(c, { id: 13, xid: '902' });
  marks.markApplied(13);
  expect(marks.applied).toBe(13);
  expect(marks.safe()).toBe(10);

  marks.markApplied(11);
  // B began when 11 was the newest id known, so its id is above 11: the mark may reach 11, no further.
  expect(marks.safe()).toBe(11);
  marks.endInsert(b, { id: 12, xid: '901' });
  expect(marks.safe()).toBe(11);
  marks.markApplied(12);
  expect(marks.safe()).toBe(13);

  // A failed insert leaves nothing behind.
  marks.endInsert(marks.beginInsert());
  expect(marks.safe()).toBe(13);
});
