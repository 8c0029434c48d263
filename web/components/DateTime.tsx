import { useFormat } from '../i18n/format.ts';

export { formatDateTime } from '../i18n/format.ts';

/** An exact date and time (the end of a restriction), after a prefix such as "Ends ". */
export function DateTime({ iso, prefix = '' }: { iso: string; prefix?: string }) {
  const format = useFormat();
  return (
    <>
      {prefix}
      <time dateTime={iso}>{format.dateTime(iso)}</time>
    </>
  );
}
