/**
 * The English renderings of the codes added for suggestions, strength tips, notices, sign-ups, clusters
 * and flags: each says what the sentence it replaced said, word for word where the old one is known.
 */
import { describe, expect, it } from 'vitest';
import { reason, storedReason } from './reasons.ts';

describe('reasons', () => {
  it('names up to two mutual connections, and says when there are more', () => {
    expect(reason('suggestion.mutual_connections', { count: 1, names: ['Ana Ruiz'] }).text).toBe('1 mutual connection: Ana Ruiz');
    expect(reason('suggestion.mutual_connections', { count: 2, names: ['Ana Ruiz', 'Li Wei'] }).text).toBe('2 mutual connections: Ana Ruiz and Li Wei');
    expect(reason('suggestion.mutual_connections', { count: 14, names: ['Ana Ruiz', 'Li Wei'] }).text).toBe('14 mutual connections: Ana Ruiz, Li Wei and 12 others');
    expect(reason('suggestion.mutual_connections', { count: 3, names: [] }).text).toBe('3 mutual connections');
  });

  it('words shared time as a span, a single year or an ongoing stint', () => {
    expect(reason('suggestion.same_organisation', { organisation: 'Acme', fromYear: 2019, toYear: 2021 }).text).toBe('Both at Acme, 2019–2021');
    expect(reason('suggestion.same_organisation', { organisation: 'Acme', fromYear: 2019, toYear: 2019 }).text).toBe('Both at Acme in 2019');
    expect(reason('suggestion.same_school', { school: 'IST', fromYear: 2022 }).text).toBe('Both studying at IST since 2022');
    expect(reason('suggestion.same_place', { place: 'Lisbon' })).toEqual({ code: 'suggestion.same_place', params: { place: 'Lisbon' }, text: 'Also in Lisbon' });
  });

  it('renders strength tips and notices as the sentences they replaced', () => {
    expect(reason('strength.skills', { count: 5 }).text).toBe('List at least five skills');
    expect(reason('notice.invitations_restricted', { reason: 'Pitches', days: 1 }).text).toBe(
      'An operator has restricted your invitations for 1 day: you cannot send new invitations until the restriction ends. Reason: Pitches',
    );
    expect(reason('notice.restrictions_lifted', { kinds: ['held', 'limited'], reason: 'Known' }).text).toBe(
      'An operator lifted the review hold on your account and the limits on new accounts. Reason: Known',
    );
  });

  it("renders operators' reasons for sign-ups and flags", () => {
    expect(reason('signup.same_subnet', { count: 5, subnet: '100.64.9.0/24', minutes: 60 }).text).toBe('5 sign-ups from the same network (100.64.9.0/24) within an hour.');
    expect(reason('signup.same_ip', { count: 3, ip: '203.0.113.7', minutes: 120 }).text).toBe('3 sign-ups from the same IP address (203.0.113.7) within 2 hours.');
    expect(reason('flag.reports', { count: 4, scam: 1, spam: 3 }).text).toBe('4 open reports from different members (spam × 3, scam × 1).');
    expect(reason('flag.dont_know', { count: 5, percent: 100 }).text).toBe('5 people answered "I don\'t know this person" in the last 90 days (100% of answers)');
    expect(reason('flag.mass_template', { people: 11 }).text).toBe('Sent nearly the same note to 11 people in the last 30 days');
    expect(reason('cluster.similar_headlines', { examples: ['Growth', 'Growth!'] }).text).toBe('Near-identical headlines, such as "Growth", "Growth!".');
  });

  it('reads a stored reason back, and one with a code this version does not know by its message', () => {
    expect(storedReason('notice.warned', { reason: 'Be kind' }).text).toBe('An operator of this community has warned you. Reason: Be kind');
    expect(storedReason('notice.from_the_future', { message: 'Hello' })).toEqual({ code: 'notice.from_the_future', params: { message: 'Hello' }, text: 'Hello' });
    expect(storedReason('toString', {}).text).toBe('toString');
  });
});
