/**
 * Keeping a list still while its items are answered. An answered invitation leaves the server's list at
 * once, which would slide the next card under the pointer (a second click then answers the wrong person).
 * Instead the answered card stays where it was, as a one-line summary (with Undo after "I don't know"),
 * until its hold ends.
 */

/** How long an answered invitation stays in place, and how long the web app offers Undo after "I don't know". */
export const ANSWER_HOLD_MS = 10_000;

/** An answered item kept in the list: the item, and the ids shown before it when it was answered, nearest first. */
export interface HeldItem<T> {
  item: T;
  before: number[];
}

/**
 * The list to show: the server's current items, plus each held item it no longer has, put back after the
 * nearest item that preceded it when it was answered (or at the top). Pure: the same inputs give the
 * same list, however often React renders.
 */
export function keepInPlace<T extends { id: number }>(current: readonly T[], held: readonly HeldItem<T>[]): T[] {
  const out = [...current];
  for (const { item, before } of held) {
    if (out.some((o) => o.id === item.id)) continue;
    const anchor = before.map((id) => out.findIndex((o) => o.id === id)).find((k) => k >= 0);
    out.splice(anchor === undefined ? 0 : anchor + 1, 0, item);
  }
  return out;
}

/** What to remember about an item answered now, given the list as it is shown. */
export function holdOf<T extends { id: number }>(shown: readonly T[], item: T): HeldItem<T> {
  const index = shown.findIndex((s) => s.id === item.id);
  return { item, before: shown.slice(0, Math.max(0, index)).map((s) => s.id).reverse() };
}

/** Marks the element that answering an invitation should move keyboard focus to: its Accept button. */
export const FIRST_ACTION = 'data-invitation-first-action';
/** Marks each invitation's outermost element with its id. */
export const INVITATION_ID = 'data-invitation-id';

/**
 * Moves focus to the first action of the nearest invitation still waiting for an answer, after `fromId`
 * and otherwise before it, so a keyboard user goes on answering where they were. Returns false when no
 * invitation is left waiting.
 */
export function focusNearestWaiting(container: HTMLElement | null, fromId: number): boolean {
  if (!container) return false;
  const cards = Array.from(container.querySelectorAll<HTMLElement>(`[${INVITATION_ID}]`));
  const index = cards.findIndex((c) => c.getAttribute(INVITATION_ID) === String(fromId));
  const action = (card: HTMLElement) => card.querySelector<HTMLElement>(`[${FIRST_ACTION}]`);
  const order = index < 0 ? cards : [...cards.slice(index + 1), ...cards.slice(0, index).reverse()];
  const target = order.map(action).find((el): el is HTMLElement => el !== null);
  target?.focus();
  return target !== undefined;
}
