import type { z } from 'zod';
import type { ledgerEntryCreate, LedgerNudgeView, LedgerPersonView, LedgerTallyView, LedgerView } from '../../common/schemas/ledger.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type { LedgerNudgeView, LedgerPersonView, LedgerTallyView, LedgerView };

/** A page of the people I have given to or asked of, with my overall tally and nudges (the same on every page). */
export type LedgerPage = Page<LedgerPersonView> & Pick<LedgerView, 'overall' | 'nudges'>;

const member = (handle: string) => `/members/${encodeURIComponent(handle)}`;

/** My reciprocity ledger: gives and asks (docs/relationships.md). */
export const ledgerApi = {
  page: async (cursor?: string): Promise<LedgerPage> => {
    const view = await api<LedgerView>('GET', '/ledger', { query: { cursor } });
    return { ...view.people, overall: view.overall, nudges: view.nudges };
  },
  withPerson: (handle: string) => api<LedgerTallyView>('GET', `${member(handle)}/ledger`),
  log: (handle: string, entry: z.input<typeof ledgerEntryCreate>) => api<LedgerTallyView>('POST', `${member(handle)}/ledger`, { body: entry }),
};
