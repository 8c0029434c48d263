/** The three real graphs in datasets/ as edge lists (dates synthetic where the file has none). */
import { type EdgeList, parseEdgeList, readDataset, syntheticDays } from '../../server/graph/edge-list.ts';

export const REAL_GRAPHS = ['ego-facebook', 'github-musae', 'ldbc-snb-sf0.1-knows'] as const;

export function loadReal(name: (typeof REAL_GRAPHS)[number]): EdgeList {
  if (name === 'ego-facebook') {
    const l = parseEdgeList(readDataset('ego-facebook/facebook_combined.txt.gz'), ' ');
    return { ...l, days: syntheticDays(l.src.length, 3) };
  }
  if (name === 'github-musae') {
    const l = parseEdgeList(readDataset('github-musae/musae_git_edges.csv.gz'), ',');
    return { ...l, days: syntheticDays(l.src.length, 3) };
  }
  return parseEdgeList(readDataset('ldbc-snb-sf0.1/person_knows_person_0_0.csv.gz'), '|', { dateColumn: 2 });
}
