/** The member directory: order, filters, the list and its empty states. */
export default {
  title: 'Members',
  description: 'Everyone in the community, newest first. Connect with people you know, and say how in a personal note.',
  list: {
    label: 'Members list',
    people: 'Members',
    loading: 'Loading members…',
    byName: 'Members by name',
    byNameFiltered: 'Members by name, filtered',
    newest: 'Newest members first',
    newestFiltered: 'Newest members first, filtered',
  },
  noMatches: {
    title: 'No members match these filters',
    body: 'Filters match only members who share their full profile with you. Try a broader place or another organisation.',
    clear: 'Clear filters',
    search: 'Search by name or skill',
  },
  noMembers: {
    title: 'No other members yet',
    body: 'You are among the first here. A complete profile helps the people who join next find you and know who you are.',
    completeProfile: 'Complete your profile',
  },
  filters: {
    label: 'Order and filters',
    order: 'Order',
    newest: 'Newest',
    name: 'Name',
    place: 'Place',
    anyPlace: 'Any place',
    industry: 'Industry',
    anyIndustry: 'Any industry',
    clear: 'Clear filters',
  },
};
