/**
 * A member notice as the API gives it: its code and parameters, rendered in English (`text`, and
 * `message`, the same sentence under the name older clients read).
 */
import { type ReasonParam, storedReason } from '../../common/reasons.ts';
import type { NoticeView } from '../../common/schemas/screening.ts';

/** A stored notice, as the route reads it. */
export interface NoticeRecord {
  id: number;
  kind: NoticeView['kind'];
  code: string;
  params: Record<string, ReasonParam>;
  endsAt: Date | null;
  createdAt: Date;
  readAt: Date | null;
}

export function presentNotice(n: NoticeRecord): NoticeView {
  const { code, params, text } = storedReason(n.code, n.params);
  return {
    id: n.id,
    kind: n.kind,
    code,
    params,
    text,
    message: text,
    endsAt: n.endsAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  };
}
