/**
 * The community the authorisation matrix asks about, built once per run: a caller ("me") with members at
 * every relationship to them, each privacy setting at its strictest and most open, an operator, a restricted
 * and a suspended member, and a victim (a first-degree connection of mine) who owns one of every kind of
 * thing an id names. Private fields carry canaries: unique strings that no answer to anyone else may hold.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type Member, signUp } from '../client.ts';
import { multipart, uploadImage, uploadPhoto } from '../uploads.ts';
import { connect, invite } from '../../routes/network/network-test-helpers.ts';

/**
 * How a target stands to me, the member who calls. `self` is whoever calls; `unknown` is a handle nobody has,
 * whose answer one who blocked me must get too (a block must not reveal that the member exists).
 */
export const RELATIONSHIPS = ['self', 'first', 'second', 'third', 'out', 'blocked-by-me', 'blocking-me', 'unknown'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** A target's privacy: `open` (profile for every member, anyone may follow, connections listed) or `strict` (the opposite of each). */
export type Privacy = 'open' | 'strict';

/** Who sends the request. `suspended` sends the session cookie they had before an operator suspended them. */
export const ROLES = ['signed-out', 'member', 'restricted', 'suspended', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export interface Target {
  member: Member;
  relationship: Relationship;
  privacy: Privacy;
}

/** The kinds of thing a path id names, each owned by the victim (or, for notices, the restricted member). */
export type Thing =
  | 'token'
  | 'invitation'
  | 'introduction'
  | 'admire'
  | 'notice'
  | 'post'
  | 'comment'
  | 'media'
  | 'conversation'
  | 'note'
  | 'tag'
  | 'recommendation'
  | 'export'
  | 'opportunity'
  | 'import'
  | 'contact'
  | 'report'
  | 'flag'
  | 'job'
  | 'organisation';

/**
 * A unique string put in a private field. `seenBy` lists the roles allowed to read it (the owner is never
 * a caller in the matrix, so an empty list means "nobody but its owner"); `why` says where it lives.
 */
export interface Canary {
  text: string;
  why: string;
  seenBy: readonly Role[];
  /** Operators read it on the Admin API (members' email addresses), and only there. */
  operatorRoutes?: boolean;
}

export interface World {
  operator: Member;
  me: Member;
  restricted: Member;
  suspended: Member;
  /** The first-degree connection whose things the matrix tries to reach by id. */
  victim: Member;
  /** The member the victim's relationship note is about (the `{handle}` of the note's path). */
  noteSubject: Member;
  /** Every target, `me` included as `self`, and a handle nobody has as `unknown`. */
  targets: Target[];
  /** The ids of the victim's things (and the admin queue's), by kind. */
  ids: Record<Thing, number>;
  canaries: Canary[];
  /** Each target's one position (by handle), for the recommendation routes. */
  positions: Record<string, number>;
  /** Things owned by a role that calls (the restricted member's notice): that role is their owner, not a stranger. */
  owners: Partial<Record<Thing, Role>>;
  /** A skill every target lists, so the endorsement routes reach a real skill. */
  skill: string;
  /** An organisation's slug, from the victim's own position. */
  organisationSlug: string;
}

const SKILL = 'Cartography';

async function ok(res: LightMyRequestResponse, status = [200, 201, 202, 204]): Promise<LightMyRequestResponse> {
  expect(status, `${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
  return res;
}

/** Builds the world through the API, as members and the operator would. */
export async function buildWorld(app: FastifyInstance): Promise<World> {
  const canaries: Canary[] = [];
  let serial = 0;
  /** A fresh canary, recorded with who may read it. */
  const canary = (why: string, seenBy: readonly Role[] = []): string => {
    const text = `CANARY${(++serial).toString().padStart(3, '0')}x${why.replace(/[^a-z]/gi, '').slice(0, 12)}`;
    canaries.push({ text, why, seenBy });
    return text;
  };

  // The first account is the operator.
  const operator = await signUp(app, 'Matrix Operator');
  const me = await signUp(app, 'Matrix Me');
  const member = (name: string) => signUp(app, name);
  const t1o = await member('First Open');
  const t1s = await member('First Strict');
  const t2o = await member('Second Open');
  const t2s = await member('Second Strict');
  const t3o = await member('Third Open');
  const t3s = await member('Third Strict');
  const outo = await member('Out Open');
  const outs = await member('Out Strict');
  const blockedByMe = await member('Blocked By Me');
  const blockingMe = await member('Blocking Me');
  const restricted = await member('Matrix Restricted');
  const suspended = await member('Matrix Suspended');

  // me – t1o – t2o – t3o, with each strict target hanging off the open one a degree nearer to me.
  await connect(me, t1o);
  await connect(me, t1s);
  await connect(t1o, t2o);
  await connect(t1o, t2s);
  await connect(t2o, t3o);
  await connect(t2o, t3s);
  await ok(await me.call('PUT', `/api/v1/members/${blockedByMe.handle}/block`));
  await ok(await blockingMe.call('PUT', `/api/v1/members/${me.handle}/block`));

  // Privacy: every target lists the skill; the strict ones hide their profile beyond their network, their
  // connections from everyone, and take followers only from connections. Their `about` is for their network.
  const targets: Target[] = [
    { member: me, relationship: 'self', privacy: 'open' },
    { member: t1o, relationship: 'first', privacy: 'open' },
    { member: t1s, relationship: 'first', privacy: 'strict' },
    { member: t2o, relationship: 'second', privacy: 'open' },
    { member: t2s, relationship: 'second', privacy: 'strict' },
    { member: t3o, relationship: 'third', privacy: 'open' },
    { member: t3s, relationship: 'third', privacy: 'strict' },
    { member: outo, relationship: 'out', privacy: 'open' },
    { member: outs, relationship: 'out', privacy: 'strict' },
    { member: blockedByMe, relationship: 'blocked-by-me', privacy: 'strict' },
    { member: blockingMe, relationship: 'blocking-me', privacy: 'strict' },
  ];
  const positions: Record<string, number> = {};
  for (const t of targets) {
    const strict = t.privacy === 'strict';
    // The profile's `about` is for those who may see the whole profile: within three degrees of a strict
    // target (me, for the ones in my network) and operators; never across a block.
    const inMyNetwork = ['first', 'second', 'third'].includes(t.relationship);
    const about = strict ? canary(`about of ${t.relationship} strict`, inMyNetwork ? ['member', 'operator'] : ['operator']) : 'Open about text';
    await ok(
      await t.member.call('PATCH', '/api/v1/me/profile', {
        headline: `${t.relationship} ${t.privacy}`,
        about,
        skills: [SKILL],
        experience: [{ organisation: `Acme ${t.relationship}`, title: 'Surveyor', startDate: '2020-01' }],
        ...(strict ? { visibility: 'network', connectionsVisibility: 'only_me', whoCanFollow: 'connections' } : { visibility: 'signed_in', connectionsVisibility: 'connections', whoCanFollow: 'everyone' }),
      }),
    );
    await ok(await uploadPhoto(app, t.member));
    positions[t.member.handle] = (await ok(await t.member.call('GET', '/api/v1/me'))).json().profile.experience[0].id;
  }

  // The victim (a first-degree connection of mine) owns one of everything, with canaries in its private text.
  const victim = t1o;
  const organisationSlug: string = (await ok(await victim.call('GET', '/api/v1/me'))).json().profile.experience[0].organisation.slug;

  /** The new thing's id: the answer's own, or that of the one object it wraps (`{post: {id}}`, `{entry: {id}}`). */
  const firstId = (b: Record<string, unknown>): unknown =>
    typeof b.id === 'number' ? b.id : Object.values(b).find((v): v is { id: number } => typeof (v as { id?: unknown } | null)?.id === 'number')?.id;
  const id = async (res: Promise<LightMyRequestResponse>, pick: (body: Record<string, unknown>) => unknown = firstId): Promise<number> => {
    const body = (await ok(await res)).json();
    const value = Number(pick(body));
    expect(Number.isInteger(value), JSON.stringify(body).slice(0, 300)).toBe(true);
    return value;
  };

  const ids: Partial<Record<Thing, number>> = {};
  ids.token = await id(victim.call('POST', '/api/v1/me/tokens', { name: 'victim token' }));
  ids.invitation = await invite(victim, outo, canary('invitation note to out'));
  ids.introduction = await id(victim.call('POST', '/api/v1/introductions', { target: t3o.handle, via: [t2o.handle], blurb: canary('introduction blurb') }));
  ids.admire = await id(victim.call('POST', '/api/v1/admire', { member: t2o.handle, note: canary('admire note') }));
  ids.post = await id(victim.call('POST', '/api/v1/posts', { text: 'A post for everyone', visibility: 'members' }));
  ids.comment = await id(victim.call('POST', `/api/v1/posts/${ids.post}/comments`, { text: 'A comment for everyone' }));
  ids.media = await id(uploadImage(app, victim));
  ids.conversation = await id(victim.call('POST', '/api/v1/conversations', { to: [t2o.handle], text: canary('message between victim and second') }));
  ids.note = await id(victim.call('POST', `/api/v1/members/${t2o.handle}/notes`, { text: canary('relationship note') }));
  ids.tag = await id(victim.call('POST', '/api/v1/relationship-tags', { name: canary('tag name'), colour: 'red' }));
  await ok(await victim.call('POST', `/api/v1/members/${t2o.handle}/ledger`, { subject: 'introduction', side: 'given', note: canary('ledger note') }));
  ids.recommendation = await id(victim.call('POST', `/api/v1/members/${t2o.handle}/recommendations`, { positionId: positions[t2o.handle], text: canary('recommendation draft') }));
  ids.export = await id(victim.call('POST', '/api/v1/exports'));
  ids.opportunity = await id(victim.call('POST', '/api/v1/opportunities', { kind: 'job', title: canary('opportunity title'), people: [t2o.handle] }));
  // A post only the second-degree open target's connections may read: me (second degree) may not.
  await ok(await t2o.call('POST', '/api/v1/posts', { text: canary('connections-only post of second'), visibility: 'connections' }));

  // Restricted: reported, and an operator restricts their invitations. Suspended: an operator suspends them.
  const report = await id(me.call('POST', '/api/v1/reports', { member: restricted.handle, reason: 'spam' }));
  await ok(await operator.call('POST', `/api/v1/admin/moderation/reports/${report}/restrict`, { reason: 'Sales pitches' }));
  const notices = (await ok(await restricted.call('GET', '/api/v1/me/notices'))).json();
  ids.notice = Number((notices.items ?? notices)[0]?.id);
  await ok(await operator.call('POST', `/api/v1/admin/members/${suspended.handle}/suspend`, { reason: 'Spam' }));
  ids.report = await id(me.call('POST', '/api/v1/reports', { member: outo.handle, reason: 'spam' }));

  // Every member's email address is theirs alone (operators read them in the Admin page).
  for (const m of [me, ...targets.slice(1).map((t) => t.member), restricted, suspended]) {
    canaries.push({ text: m.email, why: `email address of ${m.handle}`, seenBy: m === me ? ['member'] : m === restricted ? ['restricted'] : [], operatorRoutes: true });
  }

  // The victim imports their address book (a fixture of Outlook's export); a contact gets a private note.
  const csv = await readFile(new URL('../../imports/parse/fixtures/contacts/outlook.csv', import.meta.url));
  const file = multipart('file', 'contacts.csv', 'text/csv', csv);
  const upload = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: { cookie: victim.cookie, 'x-csrf-token': victim.csrf, 'content-type': file.contentType }, payload: file.payload });
  ids.import = await id(Promise.resolve(upload));
  for (let i = 0; i < 40 && !['done', 'failed', 'needs_mapping'].includes((await victim.call('GET', `/api/v1/imports/${ids.import}`)).json().status); i++) {
    await app.ctx.jobs.kick();
    await new Promise((r) => setTimeout(r, 50));
  }
  const contacts = (await ok(await victim.call('GET', '/api/v1/contacts'))).json();
  ids.contact = Number(contacts.items[0]?.id);
  expect(Number.isInteger(ids.contact), JSON.stringify(contacts).slice(0, 300)).toBe(true);
  await ok(await victim.call('POST', `/api/v1/contacts/${ids.contact}/notes`, { text: canary('contact note') }));

  // Kinds the world does not create (the queue has no flag nor dead job, no organisation to merge): an id nobody owns.
  ids.flag = 999_003;
  ids.job = 999_004;
  ids.organisation = 999_005;

  // A handle nobody has: what a member who blocked me must look like (tests choose handles of letters and dashes).
  const nobody = { ...me, id: 0, handle: 'nobody-has-this-handle', email: 'nobody@example.com' };
  targets.push({ member: nobody, relationship: 'unknown', privacy: 'open' });

  return { positions, owners: { notice: 'restricted' }, operator, me, restricted, suspended, victim, noteSubject: t2o, targets, ids: ids as Record<Thing, number>, canaries, skill: SKILL, organisationSlug };
}
