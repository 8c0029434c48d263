import { useQuery } from '@tanstack/react-query';
import { keys } from '../api/keys.ts';
import { type InvitationBox, networkApi } from '../api/network.ts';
import { type InvitationFolder, screeningApi } from '../api/screening.ts';
import { usePagedQuery } from './usePagedQuery.ts';

/** Pending invitations in one box (and, for received ones, one screening folder); shared by the lists and the labels that count them. */
export function useInvitations(box: InvitationBox, folder: InvitationFolder = 'inbox') {
  return usePagedQuery(keys.invitations(box, folder), (cursor) => networkApi.invitations(box, cursor, folder));
}

/** How many received invitations wait in the inbox and in "Other"; the tab labels read it. */
export function useInvitationFolders() {
  return useQuery({ queryKey: keys.invitationFolders, queryFn: screeningApi.folders });
}
