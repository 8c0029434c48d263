import { beforeAll, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_AREAS } from '../../../common/moderation.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';

interface Entry {
  id: number;
  action: string;
  actor: { id: number; handle: string; name: string } | null;
  subject: { id: number; handle: string; name: string } | null;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
}

it('every audit action belongs to an area the filter offers', () => {
  for (const action of AUDIT_ACTIONS) expect(AUDIT_AREAS.some((area) => action.startsWith(area)), action).toBe(true);
});

describeEachEngine('audit log', (get) => {
  let operator: Member;
  beforeAll(async () => {
    operator = await signUp(get().app, 'Audit Operator');
  });

  it('names the actor and the member acted on, filters by one action or an area, and pages by cursor within the filter', async () => {
    const { app } = get();
    const targets = await Promise.all(['Suspended One', 'Suspended Two', 'Suspended Three'].map((n) => signUp(app, n)));
    for (const t of targets) expect((await operator.call('POST', `/api/v1/admin/members/${t.handle}/suspend`, { reason: `Spam from ${t.handle}` })).statusCode).toBe(200);
    expect((await operator.call('POST', `/api/v1/admin/members/${targets[0]!.handle}/reinstate`, {})).statusCode).toBe(200);

    const all = await operator.call('GET', '/api/v1/admin/audit');
    expect(all.statusCode, all.body).toBe(200);
    const suspend = (all.json().items as Entry[]).find((e) => e.action === 'member.suspend' && e.subjectId === String(targets[1]!.id));
    expect(suspend).toMatchObject({
      actor: { id: operator.id, handle: operator.handle, name: 'Audit Operator' },
      subject: { id: targets[1]!.id, handle: targets[1]!.handle, name: 'Suspended Two' },
      subjectType: 'member',
      data: { reason: `Spam from ${targets[1]!.handle}` },
    });
    // A sign-up is done by the member to themselves.
    const signup = (all.json().items as Entry[]).find((e) => e.action === 'member.signup' && e.subjectId === String(operator.id));
    expect(signup).toMatchObject({ actor: { name: 'Audit Operator' }, subject: { name: 'Audit Operator' } });

    // One action: only those rows, newest first, one per page, no repeats, and the last page says so.
    const seen: Entry[] = [];
    let cursor: string | null = null;
    do {
      const res = await operator.call('GET', `/api/v1/admin/audit?action=member.suspend&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: Entry[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((e) => e.action)).toEqual(['member.suspend', 'member.suspend', 'member.suspend']);
    expect(seen.map((e) => e.subject?.name)).toEqual(['Suspended Three', 'Suspended Two', 'Suspended One']);
    expect(new Set(seen.map((e) => e.id)).size).toBe(3);

    // An area: every member.* action, and nothing else.
    const area = (await operator.call('GET', '/api/v1/admin/audit?action=member.&limit=100')).json().items as Entry[];
    expect(new Set(area.map((e) => e.action))).toEqual(new Set(['member.signup', 'member.suspend', 'member.reinstate']));
  });

  it('refuses actions it does not know, and members, with a problem', async () => {
    const { app } = get();
    const member = await signUp(app, 'Curious Auditor');
    expect((await member.call('GET', '/api/v1/admin/audit')).statusCode).toBe(403);
    for (const action of ['moderation', 'moderation.ban', 'member.%25', 'DROP%20TABLE', '', 'MEMBER.SUSPEND']) {
      const res = await operator.call('GET', `/api/v1/admin/audit?action=${action}`);
      expect(res.statusCode, action).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await operator.call('GET', '/api/v1/admin/audit?action=member.suspend&extra=1')).statusCode).toBe(400);
  });
});
