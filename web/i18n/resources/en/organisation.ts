/** An organisation's page: its name, member counts and its current and past members. */
export default {
  documentTitle: 'Organisation',
  loading: 'Loading organisation…',
  notFound: {
    title: 'Organisation not found',
    body: 'No member lists this organisation.',
  },
  // A plural for `current` too, though English says "current" either way: Italian needs "1 membro attuale" / "2 membri attuali".
  counts: '{current, plural, one {# current} other {# current}} · {past, plural, one {# past member} other {# past members}} on Rapport',
  tabs: {
    current: 'Current ({count, number})',
    past: 'Past ({count, number})',
  },
  members: {
    loading: 'Loading members…',
    current: 'Current members',
    past: 'Past members',
    noCurrent: 'No current members yet',
    noPast: 'No past members yet',
    noCurrentBody: 'Nobody lists <bdi>{name}</bdi> as their current workplace yet.',
    noPastBody: 'Nobody lists a finished position at <bdi>{name}</bdi> yet.',
  },
};
