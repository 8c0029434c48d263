import { keys } from '../api/keys.ts';
import { type InvitationBox, networkApi } from '../api/network.ts';
import { usePagedQuery } from './usePagedQuery.ts';

/** Pending invitations in one box; shared by the tab that lists them and the labels that count them. */
export function useInvitations(box: InvitationBox) {
  return usePagedQuery(keys.invitations(box), (cursor) => networkApi.invitations(box, cursor));
}
