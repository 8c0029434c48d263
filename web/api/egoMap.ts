import type { EgoMapView } from '../../common/schemas/ego-map.ts';
import { api } from './client.ts';

export type { EgoMapView };

/** The ego map (issue 15, the garden): my connections clustered, the ties among them, bridges and brokerage. */
export const egoMapApi = {
  get: () => api<EgoMapView>('GET', '/me/garden/map'),
};

export const egoMapKeys = { map: ['garden', 'map'] as const };
