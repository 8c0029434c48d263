/**
 * Progress on stderr: one line rewritten in place on a terminal, plain lines (at most every 10%) when
 * piped to a file or CI log, so logs stay readable.
 */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr): {
  update(done: number, total: number): void;
  finish(): void;
} {
  const tty = stream.isTTY === true;
  let lastDecile = -1;
  let open = false;
  return {
    update(done, total) {
      const pct = total ? Math.floor((done / total) * 100) : 100;
      const line = `${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${pct}%)`;
      if (tty) {
        stream.write(`\r${line}\x1b[K`);
        open = true;
      } else if (Math.floor(pct / 10) !== lastDecile || done === total) {
        lastDecile = Math.floor(pct / 10);
        stream.write(`${line}\n`);
      }
    },
    finish() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}
