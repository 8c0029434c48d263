import type { GardenDimensionView, GardenGap, GardenView } from '../../common/schemas/garden.ts';
import { api } from './client.ts';

export type { GardenDimensionView, GardenGap, GardenView };

/** My garden (issue 15): private to me. */
export const gardenApi = {
  get: () => api<GardenView>('GET', '/me/garden'),
};

export const gardenKeys = { garden: ['garden'] as const };
