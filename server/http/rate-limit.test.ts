import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { RateLimitStoreConfig } from '../config.ts';
import { type Member, STRONG_PASSWORD, sessionCookie } from '../test/client.ts';
import { describeEachEngine, serverUrl } from '../test/engines.ts';
import { isolated, redisStoresUnderTest } from '../test/redis.ts';
import { signUpFrom } from '../test/screening-helpers.ts';

const WRITES = 2;
const PER_MINUTE = 200;

/** Who calls a write route in the table: a member, the operator, or nobody signed in (from an address of its own). */
type Caller = 'member' | 'operator' | 'anonymous';

interface WriteRoute {
  /** The route as the OpenAPI document names it. */
  route: string;
  caller: Caller;
  /** The request for the nth call (0-based): valid input, so that validation lets it reach the limiter. */
  request: (n: number) => { url: string; body?: unknown };
}

const nobody = 'nobody-here';
const reason = { reason: 'checking the limit' };

/**
 * Every write route a script could flood, with a request valid enough to reach the limiter. Missing
 * members, invitations and notices answer 404, which is fine: the budget is spent before the handler.
 */
const LIMITED: WriteRoute[] = [
  { route: 'POST /api/v1/auth/signup', caller: 'anonymous', request: (n) => ({ url: '/api/v1/auth/signup', body: { email: `flood-${n}@example.com`, password: STRONG_PASSWORD, name: `Flood ${n}` } }) },
  { route: 'POST /api/v1/auth/login', caller: 'anonymous', request: () => ({ url: '/api/v1/auth/login', body: { email: 'nobody@example.com', password: 'not the password' } }) },
  { route: 'POST /api/v1/auth/tokens', caller: 'anonymous', request: () => ({ url: '/api/v1/auth/tokens', body: { email: 'nobody@example.com', password: 'not the password', name: 'x' } }) },
  { route: 'POST /api/v1/auth/verify-email', caller: 'anonymous', request: () => ({ url: '/api/v1/auth/verify-email', body: { token: 'rv_made-up-token-0000000000000' } }) },
  { route: 'POST /api/v1/auth/password-reset', caller: 'anonymous', request: () => ({ url: '/api/v1/auth/password-reset', body: { email: 'someone@example.com' } }) },
  { route: 'POST /api/v1/auth/password-reset/confirm', caller: 'anonymous', request: () => ({ url: '/api/v1/auth/password-reset/confirm', body: { token: 'rr_made-up-token-0000000000000', password: 'a new long passphrase' } }) },
  { route: 'POST /api/v1/auth/verify-email/resend', caller: 'member', request: () => ({ url: '/api/v1/auth/verify-email/resend' }) },
  { route: 'PUT /api/v1/me/password', caller: 'member', request: () => ({ url: '/api/v1/me/password', body: { currentPassword: 'not the password', newPassword: 'a new long passphrase' } }) },
  { route: 'PUT /api/v1/me/notification-settings', caller: 'member', request: () => ({ url: '/api/v1/me/notification-settings', body: { email: {} } }) },
  { route: 'POST /api/v1/email-invitations/no-more', caller: 'anonymous', request: () => ({ url: `/api/v1/email-invitations/no-more?token=ei_${'x'.repeat(32)}`, body: {} }) },
  { route: 'POST /api/v1/email-invitations', caller: 'member', request: (n) => ({ url: '/api/v1/email-invitations', body: { email: `someone-${n}@example.net`, note: 'Join us' } }) },
  { route: 'POST /api/v1/email-invitations/join', caller: 'member', request: () => ({ url: '/api/v1/email-invitations/join', body: { token: `ei_${'x'.repeat(32)}` } }) },
  { route: 'POST /api/v1/unsubscribe', caller: 'anonymous', request: () => ({ url: '/api/v1/unsubscribe?token=un_made-up-token-0000&kind=invitation_received', body: {} }) },
  { route: 'POST /api/v1/notifications/read', caller: 'member', request: () => ({ url: '/api/v1/notifications/read', body: {} }) },
  { route: 'PUT /api/v1/members/{handle}/skills/{skill}/endorsement', caller: 'member', request: () => ({ url: '/api/v1/members/nobody-here/skills/Go/endorsement' }) },
  { route: 'DELETE /api/v1/members/{handle}/skills/{skill}/endorsement', caller: 'member', request: () => ({ url: '/api/v1/members/nobody-here/skills/Go/endorsement' }) },
  { route: 'POST /api/v1/members/{handle}/recommendation-requests', caller: 'member', request: () => ({ url: '/api/v1/members/nobody-here/recommendation-requests', body: { positionId: 1, message: '' } }) },
  { route: 'POST /api/v1/members/{handle}/recommendations', caller: 'member', request: () => ({ url: '/api/v1/members/nobody-here/recommendations', body: { positionId: 1, text: 'Great' } }) },
  { route: 'POST /api/v1/recommendations/{id}/approve', caller: 'member', request: () => ({ url: '/api/v1/recommendations/999999/approve' }) },
  { route: 'POST /api/v1/recommendations/{id}/decline', caller: 'member', request: () => ({ url: '/api/v1/recommendations/999999/decline' }) },
  { route: 'POST /api/v1/recommendations/{id}/hide', caller: 'member', request: () => ({ url: '/api/v1/recommendations/999999/hide' }) },
  { route: 'POST /api/v1/recommendations/{id}/show', caller: 'member', request: () => ({ url: '/api/v1/recommendations/999999/show' }) },
  { route: 'PATCH /api/v1/me/profile', caller: 'member', request: (n) => ({ url: '/api/v1/me/profile', body: { headline: `Headline ${n}` } }) },
  { route: 'PUT /api/v1/me/photo', caller: 'member', request: () => ({ url: '/api/v1/me/photo', body: {} }) },
  { route: 'DELETE /api/v1/me/photo', caller: 'member', request: () => ({ url: '/api/v1/me/photo' }) },
  { route: 'POST /api/v1/me/tokens', caller: 'member', request: (n) => ({ url: '/api/v1/me/tokens', body: { name: `script ${n}` } }) },
  { route: 'POST /api/v1/me/notices/{id}/read', caller: 'member', request: () => ({ url: '/api/v1/me/notices/987654/read' }) },
  { route: 'PUT /api/v1/me/screening', caller: 'member', request: () => ({ url: '/api/v1/me/screening', body: { mode: 'open', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' } }) },
  { route: 'POST /api/v1/invitations', caller: 'member', request: () => ({ url: '/api/v1/invitations', body: { to: nobody } }) },
  { route: 'POST /api/v1/admire', caller: 'member', request: () => ({ url: '/api/v1/admire', body: { member: 'nobody-here' } }) },
  { route: 'PATCH /api/v1/admire/{id}', caller: 'member', request: () => ({ url: '/api/v1/admire/987654', body: { stage: 'met' } }) },
  { route: 'DELETE /api/v1/admire/{id}', caller: 'member', request: () => ({ url: '/api/v1/admire/987654' }) },
  { route: 'PUT /api/v1/me/outreach', caller: 'member', request: () => ({ url: '/api/v1/me/outreach', body: { weeklyGoal: 2 } }) },
  { route: 'POST /api/v1/notes/check', caller: 'member', request: () => ({ url: '/api/v1/notes/check', body: { note: 'Hello there' } }) },
  { route: 'POST /api/v1/introductions', caller: 'member', request: () => ({ url: '/api/v1/introductions', body: { target: 'nobody-here', via: ['nobody-either'], blurb: 'Hello' } }) },
  ...(['forward', 'decline', 'accept', 'leave'] as const).map(
    (step): WriteRoute => ({ route: `POST /api/v1/introductions/{id}/${step}`, caller: 'member', request: () => ({ url: `/api/v1/introductions/987654/${step}` }) }),
  ),
  { route: 'POST /api/v1/invitations/{id}/messages', caller: 'member', request: () => ({ url: '/api/v1/invitations/987654/messages', body: { body: 'Hello?' } }) },
  ...['accept', 'ignore', 'withdraw', 'dont-know', 'undo'].map(
    (answer): WriteRoute => ({ route: `POST /api/v1/invitations/{id}/${answer}`, caller: 'member', request: () => ({ url: `/api/v1/invitations/987654/${answer}` }) }),
  ),
  { route: 'DELETE /api/v1/connections/{handle}', caller: 'member', request: () => ({ url: `/api/v1/connections/${nobody}` }) },
  { route: 'PUT /api/v1/members/{handle}/follow', caller: 'member', request: () => ({ url: `/api/v1/members/${nobody}/follow` }) },
  { route: 'DELETE /api/v1/members/{handle}/follow', caller: 'member', request: () => ({ url: `/api/v1/members/${nobody}/follow` }) },
  { route: 'PUT /api/v1/members/{handle}/block', caller: 'member', request: () => ({ url: `/api/v1/members/${nobody}/block` }) },
  { route: 'DELETE /api/v1/members/{handle}/block', caller: 'member', request: () => ({ url: `/api/v1/members/${nobody}/block` }) },
  { route: 'DELETE /api/v1/suggestions/people/{handle}', caller: 'member', request: () => ({ url: `/api/v1/suggestions/people/${nobody}` }) },
  { route: 'POST /api/v1/posts', caller: 'member', request: (n) => ({ url: '/api/v1/posts', body: { text: `Post ${n}` } }) },
  { route: 'POST /api/v1/media', caller: 'member', request: () => ({ url: '/api/v1/media', body: {} }) },
  { route: 'POST /api/v1/imports', caller: 'member', request: () => ({ url: '/api/v1/imports', body: {} }) },
  { route: 'POST /api/v1/imports/{id}/mapping', caller: 'member', request: () => ({ url: '/api/v1/imports/987654/mapping', body: { mapping: {} } }) },
  { route: 'POST /api/v1/imports/{id}/profile-draft/apply', caller: 'member', request: () => ({ url: '/api/v1/imports/987654/profile-draft/apply', body: {} }) },
  { route: 'POST /api/v1/contacts/{id}/connect', caller: 'member', request: () => ({ url: '/api/v1/contacts/987654/connect', body: {} }) },
  { route: 'POST /api/v1/contacts/{id}/dismiss', caller: 'member', request: () => ({ url: '/api/v1/contacts/987654/dismiss' }) },
  { route: 'POST /api/v1/contacts/{id}/notes', caller: 'member', request: () => ({ url: '/api/v1/contacts/987654/notes', body: { text: 'A note' } }) },
  { route: 'PUT /api/v1/contacts/{id}/tags', caller: 'member', request: () => ({ url: '/api/v1/contacts/987654/tags', body: { tagIds: [] } }) },
  { route: 'DELETE /api/v1/media/{id}', caller: 'member', request: () => ({ url: '/api/v1/media/987654' }) },
  { route: 'PATCH /api/v1/posts/{id}', caller: 'member', request: () => ({ url: '/api/v1/posts/987654', body: { text: 'Edited' } }) },
  { route: 'DELETE /api/v1/posts/{id}', caller: 'member', request: () => ({ url: '/api/v1/posts/987654' }) },
  { route: 'POST /api/v1/posts/{id}/comments', caller: 'member', request: () => ({ url: '/api/v1/posts/987654/comments', body: { text: 'Hello' } }) },
  { route: 'PATCH /api/v1/comments/{id}', caller: 'member', request: () => ({ url: '/api/v1/comments/987654', body: { text: 'Edited' } }) },
  { route: 'DELETE /api/v1/comments/{id}', caller: 'member', request: () => ({ url: '/api/v1/comments/987654' }) },
  ...['posts', 'comments'].flatMap((item): WriteRoute[] => [
    { route: `PUT /api/v1/${item}/{id}/reaction`, caller: 'member', request: () => ({ url: `/api/v1/${item}/987654/reaction`, body: { kind: 'like' } }) },
    { route: `DELETE /api/v1/${item}/{id}/reaction`, caller: 'member', request: () => ({ url: `/api/v1/${item}/987654/reaction` }) },
  ]),
  { route: 'POST /api/v1/reports', caller: 'member', request: () => ({ url: '/api/v1/reports', body: { member: nobody, reason: 'spam' } }) },
  { route: 'POST /api/v1/conversations', caller: 'member', request: () => ({ url: '/api/v1/conversations', body: { to: [nobody], text: 'Hello?' } }) },
  { route: 'POST /api/v1/conversations/{id}/messages', caller: 'member', request: () => ({ url: '/api/v1/conversations/987654/messages', body: { text: 'Hello?' } }) },
  ...['accept', 'archive', 'unarchive', 'mute', 'unmute', 'read'].map(
    (action): WriteRoute => ({ route: `POST /api/v1/conversations/{id}/${action}`, caller: 'member', request: () => ({ url: `/api/v1/conversations/987654/${action}` }) }),
  ),
  { route: 'DELETE /api/v1/conversations/{id}', caller: 'member', request: () => ({ url: '/api/v1/conversations/987654' }) },
  {
    route: 'PUT /api/v1/me/message-settings',
    caller: 'member',
    request: () => ({ url: '/api/v1/me/message-settings', body: { connection: 'accept', second: 'filter', third_plus: 'filter', new_account: 'filter', flagged: 'drop' } }),
  },
  { route: 'PATCH /api/v1/members/{handle}/relationship', caller: 'member', request: () => ({ url: `/api/v1/members/${nobody}/relationship`, body: { cadence: 'month' } }) },
  // Scheduling (and cancelling) the caller's own deletion: harmless in this file, the purge never runs here.
  { route: 'DELETE /api/v1/me', caller: 'member', request: () => ({ url: '/api/v1/me' }) },
  { route: 'POST /api/v1/me/cancel-deletion', caller: 'member', request: () => ({ url: '/api/v1/me/cancel-deletion' }) },
  { route: 'POST /api/v1/members/{handle}/notes', caller: 'member', request: () => ({ url: `/api/v1/members/${nobody}/notes`, body: { text: 'A note' } }) },
  { route: 'PATCH /api/v1/members/{handle}/notes/{id}', caller: 'member', request: () => ({ url: `/api/v1/members/${nobody}/notes/987654`, body: { text: 'Edited' } }) },
  { route: 'DELETE /api/v1/members/{handle}/notes/{id}', caller: 'member', request: () => ({ url: `/api/v1/members/${nobody}/notes/987654` }) },
  { route: 'POST /api/v1/members/{handle}/interactions', caller: 'member', request: () => ({ url: `/api/v1/members/${nobody}/interactions`, body: { kind: 'meeting' } }) },
  { route: 'POST /api/v1/members/{handle}/ledger', caller: 'member', request: () => ({ url: `/api/v1/members/${nobody}/ledger`, body: { subject: 'advice', side: 'given' } }) },
  { route: 'POST /api/v1/opportunities', caller: 'member', request: () => ({ url: '/api/v1/opportunities', body: { kind: 'job', title: 'A role', people: [nobody] } }) },
  { route: 'PATCH /api/v1/opportunities/{id}', caller: 'member', request: () => ({ url: '/api/v1/opportunities/987654', body: { title: 'Edited' } }) },
  { route: 'DELETE /api/v1/opportunities/{id}', caller: 'member', request: () => ({ url: '/api/v1/opportunities/987654' }) },
  { route: 'POST /api/v1/exports', caller: 'member', request: () => ({ url: '/api/v1/exports' }) },
  { route: 'POST /api/v1/relationship-tags', caller: 'member', request: (n) => ({ url: '/api/v1/relationship-tags', body: { name: `Tag ${n}`, colour: 'blue' } }) },
  { route: 'PATCH /api/v1/relationship-tags/{id}', caller: 'member', request: () => ({ url: '/api/v1/relationship-tags/987654', body: { colour: 'red' } }) },
  { route: 'DELETE /api/v1/relationship-tags/{id}', caller: 'member', request: () => ({ url: '/api/v1/relationship-tags/987654' }) },
  ...['suspend', 'reinstate', 'promote', 'demote', 'restrictions/lift'].map(
    (action): WriteRoute => ({ route: `POST /api/v1/admin/members/{handle}/${action}`, caller: 'operator', request: () => ({ url: `/api/v1/admin/members/${nobody}/${action}`, body: reason }) }),
  ),
  { route: 'POST /api/v1/admin/organisations/{id}/merge', caller: 'operator', request: () => ({ url: '/api/v1/admin/organisations/987654/merge', body: { into: 987655 } }) },
  ...['retry', 'discard'].map((action): WriteRoute => ({ route: `POST /api/v1/admin/jobs/{id}/${action}`, caller: 'operator', request: () => ({ url: `/api/v1/admin/jobs/987654/${action}` }) })),
  { route: 'POST /api/v1/admin/jobs/digest', caller: 'operator', request: () => ({ url: '/api/v1/admin/jobs/digest' }) },
  { route: 'POST /api/v1/admin/community/newcomers/{handle}/welcome', caller: 'operator', request: () => ({ url: `/api/v1/admin/community/newcomers/${nobody}/welcome`, body: { text: 'Welcome!' } }) },
  { route: 'POST /api/v1/admin/community/newcomers/{handle}/suggestions', caller: 'operator', request: () => ({ url: `/api/v1/admin/community/newcomers/${nobody}/suggestions`, body: {} }) },
  { route: 'POST /api/v1/admin/content/remove', caller: 'operator', request: () => ({ url: '/api/v1/admin/content/remove', body: { kind: 'post', id: 987654, reason: 'Spam' } }) },
  ...['flag', 'report'].flatMap((type) =>
    ['dismiss', 'warn', 'restrict', 'suspend'].map(
      (action): WriteRoute => ({ route: `POST /api/v1/admin/moderation/${type}s/{id}/${action}`, caller: 'operator', request: () => ({ url: `/api/v1/admin/moderation/${type}s/987654/${action}`, body: reason }) }),
    ),
  ),
];

/** Write routes without a budget of their own (they still count against the general one): they only ever take access away. */
const EXEMPT = ['POST /api/v1/auth/logout', 'DELETE /api/v1/me/tokens/{id}'];

/**
 * The same suite over each store the counters can live in (config.rateLimitStore); Redis when TEST_REDIS_URL
 * is set. Memory runs on both engines; the shared stores where they are used, beside a PostgreSQL server
 * (their own SQL is checked on both engines by db/rate-limit-counters.test.ts), which keeps CI's time down.
 */
const STORES: RateLimitStoreConfig[] = [{ kind: 'memory' }, { kind: 'postgres' }, ...redisStoresUnderTest()];
const engineFor = (store: RateLimitStoreConfig) => (store.kind === 'memory' ? undefined : serverUrl ? 'postgres' : 'pglite');

for (const store of STORES) describeEachEngine(
  `rate limits per member and per route (${store.kind} store)`,
  (get) => {
    let operator: Member;
    let member: Member;
    beforeAll(async () => {
      // Each from an address of its own: sign-up is a write route with a budget per address, too.
      operator = await signUpFrom(get().app, 'Rate Operator', '10.0.0.1');
      member = await signUpFrom(get().app, 'Rate Member', '10.0.0.2');
    });

    const send = (caller: Caller, method: string, request: { url: string; body?: unknown }, address: string): Promise<LightMyRequestResponse> => {
      const who = caller === 'member' ? member : caller === 'operator' ? operator : null;
      return get().app.inject({
        method: method as InjectOptions['method'],
        url: request.url,
        remoteAddress: address,
        headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {},
        ...(request.body === undefined ? {} : { payload: request.body as InjectOptions['payload'] }),
      });
    };

    it('has decided, for every write route in the API, whether it has a write budget of its own', async () => {
      const spec = get().app.swagger() as { paths: Record<string, Record<string, unknown>> };
      const writes = Object.entries(spec.paths).flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(writes.length).toBeGreaterThan(30);
      expect([...LIMITED.map((r) => r.route), ...EXEMPT].sort()).toEqual(writes.sort());
    });

    it.each(LIMITED.map((r) => [r.route, r] as const))('%s answers 429 with Retry-After and problem+json past its budget', async (route, spec) => {
      const [method] = route.split(' ') as [string];
      // Anonymous callers are counted by address; give each route a fresh one so only its own budget is in play.
      const address = `10.1.${LIMITED.indexOf(spec)}.1`;
      const answers: LightMyRequestResponse[] = [];
      for (let n = 0; n <= WRITES; n++) answers.push(await send(spec.caller, method, spec.request(n), address));
      for (const within of answers.slice(0, WRITES)) {
        expect(within.statusCode, within.body).toBeLessThan(500);
        expect(within.statusCode, within.body).not.toBe(429);
      }
      const refused = answers[WRITES]!;
      expect(refused.statusCode, refused.body).toBe(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('never refuses signing out or revoking a token for want of write budget', async () => {
      const { app } = get();
      for (let n = 0; n <= WRITES + 1; n++) {
        // A fresh session each time (signed in from a fresh address: sign-in has its own budget), then out again.
        const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.2.0.${n}`, payload: { email: member.email, password: STRONG_PASSWORD } });
        expect(login.statusCode, login.body).toBe(200);
        const session = { cookie: sessionCookie(login), 'x-csrf-token': login.json().csrfToken as string };
        expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session })).statusCode).toBe(200);
        expect((await member.call('DELETE', '/api/v1/me/tokens/987654')).statusCode).toBe(404);
      }
    });

    it('keeps a budget per member: one member past it does not hold back another', async () => {
      const other = await signUpFrom(get().app, 'Rate Other', '10.0.0.3');
      // `member` spent the PATCH /me/profile budget in the table above.
      expect((await member.call('PATCH', '/api/v1/me/profile', { headline: 'Again' })).statusCode).toBe(429);
      expect((await other.call('PATCH', '/api/v1/me/profile', { headline: 'Mine' })).statusCode).toBe(200);
    });

    it('counts writes against the general budget too, and every API read, but not the web app or health checks', async () => {
      const { app } = get();
      const reader = await signUpFrom(app, 'Rate Reader', '10.0.0.4');
      const codes: number[] = [];
      for (let i = 0; i < PER_MINUTE; i++) codes.push((await reader.call('GET', '/api/v1/me')).statusCode);
      expect(codes.filter((s) => s === 200).length).toBe(PER_MINUTE);
      // The write route's own budget is untouched, yet the general one is spent.
      const write = await reader.call('PATCH', '/api/v1/me/profile', { headline: 'One too many' });
      expect(write.statusCode).toBe(429);
      expect(write.json().code).toBe('rate_limited');
      expect((await reader.call('GET', '/api/v1/me')).statusCode).toBe(429);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    });
  },
  () => ({ rateLimit: { perMinute: PER_MINUTE, writesPerMinute: WRITES }, rateLimitStore: isolated(store) }),
  engineFor(store),
);
