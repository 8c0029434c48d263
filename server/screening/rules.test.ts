import { describe, expect, it } from 'vitest';
import { type NetworkLimits, testConfig } from '../config.ts';
import type { ProfileData } from '../queries/profiles.ts';
import { allowanceFrom } from './allowance.ts';
import { findCluster } from './clusters.ts';
import { needsStrangerCheck, recipientsToCheck, strangerCopies } from './evidence.ts';
import { noteSignature } from './minhash.ts';
import { assessSignupRisk } from './registration.ts';
import { NO_PITCHES } from './pitch.ts';
import type { SenderFacts } from './sender-facts.ts';
import { similarNotes } from './template.ts';

/** Screening's rules on facts made up here: no database, as the loaders would hand them over. */

const limits = { weeklyInvitationsNew: 20, weeklyInvitationsEstablished: 100, maxPendingSent: 200 } as NetworkLimits;
const history = { sent: 0, answered: 0, accepted: 0, ignored: 0, dontKnow: 0, acceptanceRate: null, dontKnowRate: null };
const sender: SenderFacts = { accountAgeDays: 200, history, reports: 0, spamReports: 0, sentLastDay: 0, held: false, limited: false, invitationsRestricted: false, flagged: false, pitch: NO_PITCHES };
const usage = { connections: 80, usedThisWeek: 0, oldestThisWeek: null, outstanding: 0, templatesThisWeek: 0, restrictions: [] };

function profile(id: number, orgs: number[] = []): ProfileData {
  return {
    id, handle: `p${id}`, email: '', role: 'member', status: 'active', emailVerified: true, locale: null, createdAt: new Date(0), name: `Person ${id}`, headline: '',
    about: '', location: '', industry: '', function: '', careerStage: null, birthYear: null, visibility: 'signed_in', whoCanFollow: 'everyone',
    connectionsVisibility: 'connections', links: [], offers: [], asks: [], photoEtag: null, skills: [], education: [],
    experience: orgs.map((o) => ({ id: o, organisation: { id: o, name: `Org ${o}`, slug: `org-${o}` }, organisationName: `Org ${o}`, title: '', startDate: '2015-01', endDate: null, description: '' })),
  };
}

describe('the allowance rule', () => {
  it('starts a new account at the base and says why, as a code with parameters', () => {
    const a = allowanceFrom({ sender: { ...sender, accountAgeDays: 1 }, usage, strength: 80 }, limits);
    expect(a).toMatchObject({ trustLevel: 0, base: 20, weekly: 20, remaining: 20 });
    expect(a.reasons).toEqual([
      { code: 'allowance.new_account', params: { base: 20 }, text: 'New accounts start with 20 invitations a week: your account is less than 3 days old', delta: 0 },
    ]);
  });

  it('moves an established allowance with reputation, and an operator restriction caps it at zero', () => {
    const h = { ...history, answered: 20, accepted: 14, acceptanceRate: 0.7, dontKnow: 2, dontKnowRate: 0.1 };
    const a = allowanceFrom({ sender: { ...sender, history: h }, usage, strength: 80 }, limits);
    expect(a.reasons.map((r) => [r.code, r.delta])).toEqual([['allowance.accepted', 50], ['allowance.dont_know', -20]]);
    expect(a.weekly).toBe(130);
    const restricted = allowanceFrom({ sender, usage: { ...usage, restrictions: [{ kind: 'invitations', reason: 'x', since: new Date(0), until: null }] }, strength: 80 }, limits);
    expect([restricted.weekly, restricted.reasons.at(-1)?.code]).toEqual([0, 'allowance.invitations_restricted']);
  });
});

describe('template notes and strangers', () => {
  const text = 'Hello, I help founders raise their seed round with a proven outreach playbook, happy to share it';
  const sig = noteSignature(text, [])!;
  const other = noteSignature('Loved your talk on harbour logistics in Genoa last week, the crane scheduling part especially', [])!;

  it('counts the near-copies among the newest earlier notes, leaving out the invitation itself', () => {
    const earlier = [
      { invitationId: 9, recipientId: 30, signature: sig },
      { invitationId: 8, recipientId: 31, signature: other },
      { invitationId: 7, recipientId: 32, signature: sig },
    ];
    expect(similarNotes(sig, earlier, null)).toEqual({ count: 2, recipients: [30, 32] });
    expect(similarNotes(sig, earlier, 9)).toEqual({ count: 1, recipients: [32] });
    expect(similarNotes(null, earlier, null)).toEqual({ count: 0, recipients: [] });
  });

  it('examines earlier recipients only for a template to someone the sender does not know, and counts the strangers', () => {
    const none = { organisations: [], schools: [], place: null, industry: null };
    const similar = { count: 3, recipients: [30, 31, 30, 32] };
    expect(needsStrangerCheck(none, 1, similar)).toBe(true);
    expect(needsStrangerCheck(none, 3, similar)).toBe(false);
    expect(needsStrangerCheck(none, 0, { count: 1, recipients: [30] })).toBe(false);
    expect(recipientsToCheck(similar)).toEqual([30, 31, 32]);
    const me = profile(1, [100]);
    const earlier = [
      { profile: profile(30), degree: null, mutualCount: 0 },
      { profile: profile(31, [100]), degree: 2, mutualCount: 0 }, // a colleague: known
      { profile: profile(32), degree: 1, mutualCount: 0 }, // connected since: known
      { profile: profile(33), degree: 3, mutualCount: 5 }, // many mutuals: known
      { profile: undefined, degree: null, mutualCount: 0 }, // gone
    ];
    expect(strangerCopies(me, earlier)).toBe(1);
    expect(strangerCopies(me, [...earlier, { profile: profile(34), degree: null, mutualCount: 0 }])).toBe(2);
  });
});

describe('sign-up rules', () => {
  const config = testConfig().screening;

  it('scores a burst from one address with a disposable domain as held, and never restricts the operator', () => {
    const facts = { disposable: 'mailinator.com', ip: '203.0.113.9', subnet: '203.0.113.0/24', sameIp: config.ipBurst, sameSubnet: 1, role: 'member' as const };
    const held = assessSignupRisk(facts, config);
    expect(held.outcome).toBe('held');
    expect(held.reasons.map((r) => [r.code, r.params])).toEqual([
      ['signup.disposable_email', { domain: 'mailinator.com' }],
      ['signup.same_ip', { count: config.ipBurst, ip: '203.0.113.9', minutes: 10 }],
    ]);
    expect(held.reasons.map((r) => r.text)).toEqual([
      'The email address is at a disposable-mail domain (mailinator.com).',
      `${config.ipBurst} sign-ups from the same IP address (203.0.113.9) within 10 minutes.`,
    ]);
    expect(assessSignupRisk({ ...facts, role: 'admin' }, config).outcome).toBe('clear');
    expect(assessSignupRisk({ ...facts, disposable: null, sameIp: null, sameSubnet: null }, config)).toEqual({ risk: 0, reasons: [], outcome: 'clear', subnet: '203.0.113.0/24' });
  });

  it('finds a cluster of thin look-alike accounts around a sign-up, and none without enough of them', () => {
    const nearby = Array.from({ length: config.clusterMin }, (_, i) => ({ id: 10 + i, name: `Growth Pro ${i}`, headline: '', profileStrength: 10 }));
    const cluster = findCluster(12, nearby, '198.51.100.0/24', config);
    expect(cluster?.memberIds).toEqual(nearby.map((n) => n.id));
    expect(cluster?.reasons[1]).toEqual({ code: 'cluster.thin_profiles', params: { strength: 35 }, text: 'All of them have thin profiles (profile strength below 35 of 100).' });
    expect(cluster?.reasons[2]).toMatchObject({ code: 'cluster.similar_names', params: { examples: ['Growth Pro 0', 'Growth Pro 1', 'Growth Pro 2'] } });
    expect(cluster?.reasons[2]?.text).toBe('Their names follow one pattern, such as "Growth Pro 0", "Growth Pro 1", "Growth Pro 2".');
    expect(findCluster(12, nearby.slice(1), '198.51.100.0/24', config)).toBeNull();
    expect(findCluster(12, nearby.map((n) => ({ ...n, profileStrength: 60 })), '198.51.100.0/24', config)).toBeNull();
  });
});
