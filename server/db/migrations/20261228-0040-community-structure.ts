import type { Migration } from './types.ts';

/**
 * The community's structure over time, for operators (issue 15, Admin → Community), kept by the daily
 * `community.structure` job (commands/community/structure.ts) from a community-wide Louvain over the graph.
 *
 * - **`community_structure_days`**: one row per day: members and connections counted (active members only),
 *   density, how many clusters were named and the partition's modularity. Aggregates: they name nobody.
 * - **`community_clusters`**: the latest run's named clusters, largest first (`id` 0 is the largest), with
 *   their size and a label from the most common organisation, industry or place of their members (public
 *   profile fields only). Replaced on each run.
 * - **`community_bridges`**: the latest run's members whose ties reach into two or more clusters, with the
 *   clusters they reach and their participation score; replaced on each run, and purged with the member.
 */
export const communityStructure: Migration = {
  name: '20261228-0040-community-structure',
  up: [
    `CREATE TABLE community_structure_days (
      day date PRIMARY KEY,
      members integer NOT NULL,
      connections bigint NOT NULL,
      density double precision NOT NULL,
      clusters integer NOT NULL,
      modularity double precision NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE community_clusters (
      id integer PRIMARY KEY,
      size integer NOT NULL,
      label_kind text CHECK (label_kind IN ('organisation', 'industry', 'place')),
      label text,
      computed_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE community_bridges (
      member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      rank integer NOT NULL,
      clusters integer[] NOT NULL,
      score double precision NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now()
    )`,
  ],
  down: ['DROP TABLE community_bridges', 'DROP TABLE community_clusters', 'DROP TABLE community_structure_days'],
};
