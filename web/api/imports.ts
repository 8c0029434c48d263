import type { z } from 'zod';
import type { ColumnMappingInput, ContactView, historyView, ImportView, ProfileDraft } from '../../common/schemas/imports.ts';
import type { ProfilePatchInput } from './types.ts';
import { api, upload } from './client.ts';

export type { ColumnMappingInput, ContactView, ImportView, ProfileDraft };
export type ImportSummary = Omit<ImportView, 'report' | 'mapping'>;
/** One endorsement or recommendation received elsewhere: imported history, never a live endorsement. */
export type ImportedHistoryItem = z.infer<typeof historyView>['items'][number];

/** The review form's starting point: the draft as a profile patch (server/routes/imports/imports.ts, proposalOf). */
export interface ProfileProposal {
  name?: string;
  headline?: string;
  about?: string;
  location?: string;
  industry?: string;
  links: { label: string; url: string }[];
  skills: string[];
  experience: { organisation: string; title: string; startDate: string | null; endDate: string | null; description: string }[];
  education: { school: string; degree: string; startYear: number | null; endYear: number | null }[];
}
export interface ProfileDraftAnswer {
  importId: number | null;
  draft: ProfileDraft;
  proposal: ProfileProposal;
  createdAt: string;
  appliedAt: string | null;
}

/** My imports (issue 14): upload, follow, map a CSV's columns, review the profile an archive offers; my matched contacts. */
export const importsApi = {
  /** Sends the file with upload progress (0 to 1); answers 202 {id}, or an ApiError such as import_too_large. */
  start: (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<{ id: number }>('/imports', form, onProgress, signal);
  },
  list: () => api<{ items: ImportSummary[] }>('GET', '/imports'),
  get: (id: number) => api<ImportView>('GET', `/imports/${id}`),
  setMapping: (id: number, mapping: ColumnMappingInput) => api<{ id: number }>('POST', `/imports/${id}/mapping`, { body: { mapping } }),
  profileDraft: (id: number) => api<ProfileDraftAnswer>('GET', `/imports/${id}/profile-draft`),
  applyProfileDraft: (id: number, patch: ProfilePatchInput) => api<void>('POST', `/imports/${id}/profile-draft/apply`, { body: patch }),
  history: () => api<{ items: ImportedHistoryItem[] }>('GET', '/imports/history'),
  matches: () => api<{ count: number; items: ContactView[] }>('GET', '/contacts/matches'),
  connect: (contactId: number, note: string) => api<{ outcome: 'invited' | 'connected'; invitationId: number }>('POST', `/contacts/${contactId}/connect`, { body: { note } }),
  dismiss: (contactId: number) => api<void>('POST', `/contacts/${contactId}/dismiss`),
};
