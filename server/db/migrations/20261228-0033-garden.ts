import type { Migration } from './types.ts';

/**
 * The network garden (issue 15).
 *
 * - **`garden_baselines`**: the community's distribution of members' Blau index per dimension, as a histogram
 *   of 100 bins (`bins[i]`: members whose Blau is in [i/100, (i+1)/100)), with its median and how many members
 *   it counts. Kept by the `garden.baseline` job, so a garden page compares itself with the community in
 *   constant time instead of scanning every member's network. Aggregate: it names nobody.
 * - **`profiles.age_band_shared`**: a year of birth is private and "only ever used for an age band in the
 *   member's own analytics"; a member's age band counts in their connections' gardens only when they allow
 *   it here. Off by default.
 */
export const garden: Migration = {
  name: '20261228-0033-garden',
  up: [
    `CREATE TABLE garden_baselines (
      dimension text PRIMARY KEY,
      bins integer[] NOT NULL,
      members integer NOT NULL,
      median double precision,
      computed_at timestamptz NOT NULL DEFAULT now()
    )`,
    `ALTER TABLE profiles ADD COLUMN age_band_shared boolean NOT NULL DEFAULT false`,
  ],
  down: ['ALTER TABLE profiles DROP COLUMN age_band_shared', 'DROP TABLE garden_baselines'],
};
