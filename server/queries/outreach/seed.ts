/** A tie-break that is the same all week and differs from week to week (FNV-1a of the week and the id). */
export function weekSeeded(week: string, id: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${week}:${id}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
