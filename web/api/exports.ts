import type { ExportView } from '../../common/schemas/exports.ts';
import { api } from './client.ts';

export type { ExportView };

/** My exports of my data (docs/exports.md). */
export const exportsApi = {
  list: () => api<{ items: ExportView[] }>('GET', '/exports'),
  request: () => api<{ id: number }>('POST', '/exports'),
};
