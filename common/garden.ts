/**
 * The garden's vocabulary (issue 15), shared by the server and the web app without zod: the dimensions a
 * garden counts, the age bands and the codes of its gaps.
 */
import type { CareerStage } from './limits.ts';

/** The dimensions of the garden, in the order the page shows them. A stable API value (`?dimension=`). */
export const GARDEN_DIMENSIONS = ['industry', 'function', 'careerStage', 'location', 'organisation', 'ageBand'] as const;
export type GardenDimension = (typeof GARDEN_DIMENSIONS)[number];

/** Ten-year bands, capped at both ends so a band never narrows to a handful of people. */
export const AGE_BANDS = ['under25', '25to34', '35to44', '45to54', '55to64', '65plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The dimensions a gap can be about ("all in Milan"). */
export const GAP_DIMENSIONS = ['industry', 'function', 'location'] as const;
export type GapDimension = (typeof GAP_DIMENSIONS)[number];

export const GAP_CODES = ['garden.no_career_stage', 'garden.all_in_one', 'garden.mostly_one'] as const;
export type GapCode = (typeof GAP_CODES)[number];

/** The people-you-may-know filter a gap links to (query parameters of GET /api/v1/suggestions/people). */
export type WidenFilter = { careerStage: CareerStage } | { notIndustry: string } | { notFunction: string } | { notLocation: string };
