/** The garden (issue 15): my network by industry, function, career stage, place, organisation and age band. Private to me. */
export default {
  page: {
    title: 'Your garden',
    description: 'How varied your network is, from what your connections say on their profiles. Only you can see this page.',
    loading: 'Counting your network…',
    connections: '{count, plural, one {# connection} other {# connections}} counted',
  },
  empty: {
    title: 'Your garden is still empty',
    text: 'Once you have connections, this page shows how varied your network is and where it could grow.',
    findPeople: 'Find people you may know',
    members: 'Browse members',
  },
  dimensions: {
    industry: 'Industry',
    function: 'Function',
    careerStage: 'Career stage',
    location: 'Place',
    organisation: 'Organisation',
    ageBand: 'Age band',
  },
  /** Dimension names inside a sentence ("less varied by industry"). */
  dimensionWords: {
    industry: 'industry',
    function: 'function',
    careerStage: 'career stage',
    location: 'place',
    organisation: 'organisation',
    ageBand: 'age',
  },
  ageBands: {
    under25: 'Under 25',
    '25to34': '25–34',
    '35to44': '35–44',
    '45to54': '45–54',
    '55to64': '55–64',
    '65plus': '65 and over',
  },
  values: {
    other: 'Others',
    unknown: 'Did not say',
  },
  view: {
    label: 'Show {dimension} as',
    chart: 'Chart',
    table: 'Table',
  },
  table: {
    caption: 'Your connections by {dimension}',
    value: 'Value',
    count: 'People',
  },
  chart: {
    label: 'Chart of your connections by {dimension}',
    series: 'People',
  },
  measures: {
    blau: 'Variety: {value} out of 1. That is the chance that two of your connections picked at random differ in {dimension}: 0 means all alike, near 1 means all different.',
    shannon: 'Spread (Shannon entropy): {value}. It grows with both the number of groups and how evenly your connections fall into them.',
    noneKnown: 'None of your connections said their {dimension}, so there is nothing to measure yet.',
    unknown: '{count, plural, one {# connection did not say} other {# connections did not say}}; they are left out of these measures.',
    ageConsent: 'Only members who gave a year of birth and allowed it to count are in an age band.',
  },
  baseline: {
    less: 'Your network is less varied by {dimension} than {share}% of members’ (the community’s median variety is {median}).',
    more: 'Your network is more varied by {dimension} than {share}% of members’ (the community’s median variety is {median}).',
    none: 'There is no community comparison for this yet.',
  },
  circles: {
    title: 'Your circles',
    none: 'Your connections do not form circles yet: the people you know do not know each other much.',
    summary: 'Your connections form {count, plural, one {# circle} other {# circles}}; {bridges, plural, =0 {nobody joins them} one {# person joins them} other {# people join them}}.',
    cluster: '{name}: {size, plural, one {# person} other {# people}}',
    bridge: 'joins {from} to {to}',
    noCluster: 'no circle of their own',
    measures: 'Effective size {effectiveSize}: about how many separate groups you reach. Constraint {constraint}: the closer to 1, the more your contacts all know each other (less room to broker).',
    map: 'See the map of your network',
  },
  gaps: {
    title: 'Where your garden could grow',
    none: 'No obvious gaps: your network is already varied in every way we can measure.',
    widen: 'Find people',
    widenLabel: 'Find people to widen this: {gap}',
    noCareerStage: 'Nobody in your network is {stage, select, student {a student} early {early in their career} mid {mid-career} senior {senior} executive {an executive} other {at that stage}}.',
    allInOne: 'All {count} of your connections who said their {dimension, select, industry {industry} function {function} other {place}} are in {value}.',
    mostlyOne: '{percent}% of your connections who said their {dimension, select, industry {industry} function {function} other {place}} are in {value}.',
  },
};
