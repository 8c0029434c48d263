import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { signUpFrom } from '../../test/screening-helpers.ts';
import { disposableDomain } from '../../screening/disposable-email.ts';
import { signupNetwork } from '../../screening/ip-subnet.ts';

describe('sign-up network', () => {
  it('groups IPv4 by /24 and IPv6 by /48, unmaps IPv4-mapped addresses, and never counts loopback', () => {
    expect(signupNetwork('203.0.113.7')).toEqual({ ip: '203.0.113.7', subnet: '203.0.113.0/24' });
    expect(signupNetwork('::ffff:198.51.100.9')).toEqual({ ip: '198.51.100.9', subnet: '198.51.100.0/24' });
    expect(signupNetwork('2001:db8:abcd:12::1').subnet).toBe('2001:db8:abcd::/48');
    expect(signupNetwork('127.0.0.1').subnet).toBeNull();
    expect(signupNetwork('::1').subnet).toBeNull();
    expect(signupNetwork('not an address')).toEqual({ ip: null, subnet: null });
  });

  it('finds disposable domains and their subdomains, but not ordinary ones', () => {
    expect(disposableDomain('a@mailinator.com')).toBe('mailinator.com');
    expect(disposableDomain('a@eu.mailinator.com')).toBe('mailinator.com');
    expect(disposableDomain('a@example.com')).toBeNull();
    expect(disposableDomain('a@gmail.com')).toBeNull();
  });
});

describeEachEngine('registration risk', (get) => {
  const signupOf = async (id: number) =>
    (await rows<{ risk: number; reasons: { code: string; params: object }[]; subnet: string | null }>(get().database.db, sql`SELECT risk, reasons, subnet FROM signup_events WHERE member_id = ${id}`))[0];
  const restrictionsOf = async (id: number) =>
    (await rows<{ kind: string }>(get().database.db, sql`SELECT kind FROM member_restrictions WHERE member_id = ${id} AND lifted_at IS NULL ORDER BY kind`)).map((r) => r.kind);
  const flagsOf = async (id: number) =>
    rows<{ kind: string; score: number; status: string }>(
      get().database.db,
      sql`SELECT kind, score, status FROM moderation_flags WHERE member_ids @> ARRAY[${id}]::integer[] ORDER BY id`,
    );

  it('records the operator’s sign-up but never restricts the first account, even from a disposable domain', async () => {
    const operator = await signUpFrom(get().app, 'First Operator', '198.18.5.5', 'owner@mailinator.com');
    expect((await signupOf(operator.id))?.risk).toBe(40);
    expect(await restrictionsOf(operator.id)).toEqual([]);
    expect(await flagsOf(operator.id)).toEqual([]);
  });

  it('limits a sign-up from a disposable email domain (medium risk) and lists it for operators', async () => {
    const m = await signUpFrom(get().app, 'Throwaway Address', '192.0.2.10', `t${Date.now()}@mailinator.com`);
    const event = await signupOf(m.id);
    expect(event).toMatchObject({ risk: 40, subnet: '192.0.2.0/24' });
    // Stored as codes and parameters; operators read them rendered (routes/admin/moderation.test.ts).
    expect(event?.reasons).toEqual([{ code: 'signup.disposable_email', params: { domain: 'mailinator.com' } }]);
    expect(await restrictionsOf(m.id)).toEqual(['limited']);
    expect(await flagsOf(m.id)).toEqual([{ kind: 'registration', score: 40, status: 'open' }]);
    // Limited is not held: no notice telling them they are under review.
    expect((await m.call('GET', '/api/v1/me/notices')).json().items).toEqual([]);
  });

  it('counts a burst of sign-ups from one IP: the third is limited, a fourth with a disposable address is held', async () => {
    const { app } = get();
    const first = await signUpFrom(app, 'Burst One', '203.0.113.7');
    const second = await signUpFrom(app, 'Burst Two', '203.0.113.7');
    expect((await signupOf(first.id))?.risk).toBe(0);
    expect((await signupOf(second.id))?.risk).toBe(0);
    expect(await restrictionsOf(second.id)).toEqual([]);

    const third = await signUpFrom(app, 'Burst Three', '203.0.113.7');
    expect(await signupOf(third.id)).toMatchObject({ risk: 40, reasons: [{ code: 'signup.same_ip', params: { count: 3, ip: '203.0.113.7', minutes: 10 } }] });
    expect(await restrictionsOf(third.id)).toEqual(['limited']);

    const fourth = await signUpFrom(app, 'Burst Four', '203.0.113.7', `b4${Date.now()}@mailinator.com`);
    const event = await signupOf(fourth.id);
    expect(event?.risk).toBe(90);
    expect(event?.reasons).toHaveLength(2);
    expect(await restrictionsOf(fourth.id)).toEqual(['held']);
    expect(await flagsOf(fourth.id)).toEqual([{ kind: 'registration', score: 90, status: 'open' }]);
    // A held member is told what is restricted and why.
    const notices = (await fourth.call('GET', '/api/v1/me/notices')).json().items;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'restriction', code: 'notice.held', params: {}, read: false });
    expect(notices[0].message).toMatch(/waiting for a review.*cannot send invitations/);
  });

  it('counts five sign-ups from one /24 within the hour as a subnet burst', async () => {
    const { app } = get();
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await signUpFrom(app, `Neighbour ${['Ann', 'Bob', 'Cy', 'Di', 'Ed'][i - 1]} Varied${i}`, `100.64.9.${i}`)).id);
    expect((await signupOf(ids[3]!))?.risk).toBe(0);
    const fifth = await signupOf(ids[4]!);
    expect(fifth).toMatchObject({ risk: 30, reasons: [{ code: 'signup.same_subnet', params: { count: 5, subnet: '100.64.9.0/24', minutes: 60 } }] });
    expect(await restrictionsOf(ids[4]!)).toEqual(['limited']);
  });

  it('never counts loopback sign-ups (a proxy without TRUST_PROXY) toward a burst', async () => {
    const { app } = get();
    const local = [];
    for (let i = 0; i < 4; i++) local.push(await signUpFrom(app, `Local ${i}`));
    for (const m of local) {
      expect(await signupOf(m.id)).toMatchObject({ risk: 0, subnet: null });
      expect(await restrictionsOf(m.id)).toEqual([]);
    }
  });
});
