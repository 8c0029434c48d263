/** The three real graphs in ../shared/data as edge lists (dates synthetic where the file has none). */
import { readFileSync } from 'node:fs';
import { type EdgeList, parseEdgeList, syntheticDays } from '../../server/graph/edge-list.ts';

const DATA = new URL('../../../shared/data/', import.meta.url);

export const REAL_GRAPHS = ['ego-facebook', 'github-musae', 'ldbc-snb-sf0.1-knows'] as const;

export function loadReal(name: (typeof REAL_GRAPHS)[number]): EdgeList {
  if (name === 'ego-facebook') {
    const l = parseEdgeList(readFileSync(new URL('ego-facebook/facebook_combined.txt', DATA), 'utf8'), ' ');
    return { ...l, days: syntheticDays(l.src.length, 3) };
  }
  if (name === 'github-musae') {
    const l = parseEdgeList(readFileSync(new URL('github-musae/musae_git_edges.csv', DATA), 'utf8'), ',');
    return { ...l, days: syntheticDays(l.src.length, 3) };
  }
  return parseEdgeList(readFileSync(new URL('ldbc-snb-sf0.1/person_knows_person_0_0.csv', DATA), 'utf8'), '|', { dateColumn: 2 });
}
