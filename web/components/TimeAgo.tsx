import { useFormat } from '../i18n/format.ts';

/** A relative time ("3 days ago", "3 giorni fa") with the exact one in the element itself, for hover and machines. */
export function TimeAgo({ iso, prefix = '' }: { iso: string; prefix?: string }) {
  const format = useFormat();
  return (
    <time dateTime={iso} title={format.dateTime(iso)}>
      {prefix}
      {format.timeAgo(iso)}
    </time>
  );
}
