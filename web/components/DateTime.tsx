const longDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

/** "4 January 2027 at 14:05", in the reader's language and time zone. */
export function formatDateTime(iso: string): string {
  return longDateTime.format(new Date(iso));
}

/** An exact date and time (the end of a restriction), after a prefix such as "Ends ". */
export function DateTime({ iso, prefix = '' }: { iso: string; prefix?: string }) {
  return (
    <>
      {prefix}
      <time dateTime={iso}>{formatDateTime(iso)}</time>
    </>
  );
}
