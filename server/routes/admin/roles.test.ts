import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';

interface ListedMember {
  handle: string;
  role: string;
  can: { suspend: boolean; reinstate: boolean; promote: boolean; demote: boolean; liftRestrictions: boolean };
}

describeEachEngine('operators: promote and demote', (get) => {
  let first: Member;
  const listed = async (as: Member, who: Member): Promise<ListedMember> => {
    const res = await as.call('GET', '/api/v1/admin/members?limit=50');
    expect(res.statusCode, res.body).toBe(200);
    const found = res.json().items.find((m: ListedMember) => m.handle === who.handle);
    expect(found, `${who.handle} in the list`).toBeDefined();
    return found;
  };
  const operatorCount = async () => (await rows<{ n: number }>(get().database.db, sql`SELECT count(*)::int AS n FROM members WHERE role = 'admin'`))[0]!.n;
  const auditCount = async () => (await rows<{ n: number }>(get().database.db, sql`SELECT count(*)::int AS n FROM audit_events`))[0]!.n;

  beforeAll(async () => {
    // The first account on an instance is its operator.
    first = await signUp(get().app, 'First Operator');
  });

  it('the only operator cannot demote themselves (409 last_operator, nothing written), and the list says so', async () => {
    expect((await listed(first, first)).can).toMatchObject({ demote: false, promote: false, suspend: false });
    const before = await auditCount();
    const res = await first.call('POST', `/api/v1/admin/members/${first.handle}/demote`, { reason: 'stepping down' });
    expect(res.statusCode).toBe(409);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json().code).toBe('last_operator');
    expect(await operatorCount()).toBe(1);
    expect(await auditCount()).toBe(before);
    expect((await first.call('GET', '/api/v1/me')).json()).toMatchObject({ role: 'admin', abilities: { admin: true } });
  });

  it('promotes a member to operator: audited once, told, and the Admin API opens to them; then either may step down', async () => {
    const { app, database } = get();
    const second = await signUp(app, 'Second Operator');
    expect((await second.call('GET', '/api/v1/admin/members')).statusCode).toBe(403);
    expect((await listed(first, second)).can).toMatchObject({ promote: true, demote: false, suspend: true });

    const res = await first.call('POST', `/api/v1/admin/members/${second.handle}/promote`, { reason: 'Co-organiser of the spring meetup' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ handle: second.handle, role: 'admin' });
    // Their existing session sees the new role at once: roles are read on every request.
    expect((await second.call('GET', '/api/v1/me')).json()).toMatchObject({ role: 'admin', abilities: { admin: true } });
    expect((await second.call('GET', '/api/v1/admin/members')).statusCode).toBe(200);
    const audit = await rows(database.db, sql`SELECT actor_id, action, subject_id, data FROM audit_events WHERE action = 'member.promote'`);
    expect(audit).toEqual([{ actor_id: first.id, action: 'member.promote', subject_id: String(second.id), data: { reason: 'Co-organiser of the spring meetup' } }]);
    const notices = (await second.call('GET', '/api/v1/me/notices')).json();
    expect(notices.items).toMatchObject([{ kind: 'role', read: false, endsAt: null }]);
    expect(notices.items[0]).toMatchObject({ code: 'notice.made_operator', params: {} });
    expect(notices.items[0].message).toMatch(/made you an operator/);

    // Promoting again changes nothing and records nothing.
    expect((await first.call('POST', `/api/v1/admin/members/${second.handle}/promote`, {})).json()).toEqual({ handle: second.handle, role: 'admin' });
    expect(await rows(database.db, sql`SELECT id FROM audit_events WHERE action = 'member.promote'`)).toHaveLength(1);

    // Two operators: each may now step down or demote the other, and neither may suspend the other.
    expect((await listed(first, first)).can).toMatchObject({ demote: true });
    expect((await listed(first, second)).can).toMatchObject({ demote: true, promote: false, suspend: false });

    const down = await second.call('POST', `/api/v1/admin/members/${second.handle}/demote`, {});
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json()).toEqual({ handle: second.handle, role: 'member' });
    expect((await second.call('GET', '/api/v1/admin/members')).statusCode).toBe(403);
    expect(await rows(database.db, sql`SELECT actor_id, subject_id, data FROM audit_events WHERE action = 'member.demote'`)).toEqual([
      { actor_id: second.id, subject_id: String(second.id), data: {} },
    ]);
    expect(await operatorCount()).toBe(1);
  });

  it('two operators demoting each other at once leave exactly one operator', async () => {
    const { app } = get();
    const a = await signUp(app, 'Racing Operator A');
    const b = await signUp(app, 'Racing Operator B');
    for (const m of [a, b]) expect((await first.call('POST', `/api/v1/admin/members/${m.handle}/promote`, {})).statusCode).toBe(200);
    // The first operator steps down, leaving A and B, who then try to demote each other in the same instant.
    expect((await first.call('POST', `/api/v1/admin/members/${first.handle}/demote`, {})).statusCode).toBe(200);
    const results = await Promise.all([
      a.call('POST', `/api/v1/admin/members/${b.handle}/demote`, { reason: 'race' }),
      b.call('POST', `/api/v1/admin/members/${a.handle}/demote`, { reason: 'race' }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    // One wins; the other is refused, as last operator (409) or, having just lost the role, as a member (403).
    expect(codes[0]).toBe(200);
    expect([403, 409]).toContain(codes[1]);
    expect(await operatorCount()).toBe(1);
    // Restore the first operator for the tests below.
    const survivor = results[0]!.statusCode === 200 ? a : b;
    expect((await survivor.call('POST', `/api/v1/admin/members/${first.handle}/promote`, {})).statusCode).toBe(200);
  });

  it('refuses members, suspended members, unknown handles and bad input, writing nothing', async () => {
    const { app } = get();
    const plain = await signUp(app, 'Plain Member');
    const target = await signUp(app, 'Would Be Operator');
    const before = await auditCount();
    expect((await plain.call('POST', `/api/v1/admin/members/${target.handle}/promote`, {})).statusCode).toBe(403);
    expect((await plain.call('POST', `/api/v1/admin/members/${first.handle}/demote`, {})).statusCode).toBe(403);

    expect((await first.call('POST', `/api/v1/admin/members/${target.handle}/suspend`, { reason: 'spam' })).statusCode).toBe(200);
    const afterSuspend = await auditCount();
    const suspended = await first.call('POST', `/api/v1/admin/members/${target.handle}/promote`, {});
    expect(suspended.statusCode).toBe(409);
    expect(suspended.json().code).toBe('member_suspended');
    expect((await listed(first, target)).can).toMatchObject({ promote: false, reinstate: true });

    for (const [url, body, status, code] of [
      ['/api/v1/admin/members/nobody-here/promote', {}, 404, 'not_found'],
      ['/api/v1/admin/members/NOT%20A%20HANDLE/promote', {}, 400, 'validation_failed'],
      [`/api/v1/admin/members/${plain.handle}/promote`, { reason: 'x', extra: 1 }, 400, 'validation_failed'],
      [`/api/v1/admin/members/${plain.handle}/promote`, { reason: 'x'.repeat(501) }, 400, 'validation_failed'],
    ] as const) {
      const res = await first.call('POST', url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(status);
      expect(res.json().code).toBe(code);
    }
    expect(await auditCount()).toBe(afterSuspend);
    expect(afterSuspend).toBe(before + 1);
    expect((await plain.call('GET', '/api/v1/me')).json()).toMatchObject({ role: 'member' });
  });
});
