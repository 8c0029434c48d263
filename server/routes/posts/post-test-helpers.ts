import { expect } from 'vitest';
import type { Member } from '../../test/client.ts';

/** Writes a post as `m` and returns its id (asserting it was created). */
export async function post(m: Member, text: string, visibility: 'members' | 'connections' | 'followers' = 'members', repostOf?: number): Promise<number> {
  const res = await m.call('POST', '/api/v1/posts', { text, visibility, ...(repostOf === undefined ? {} : { repostOf }) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

/** Comments (or replies, with parentId) as `m` and returns the comment's id. */
export async function comment(m: Member, postId: number, text: string, parentId?: number): Promise<number> {
  const res = await m.call('POST', `/api/v1/posts/${postId}/comments`, { text, ...(parentId === undefined ? {} : { parentId }) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

/** The ids of a page of posts (the feed, a member's posts, a topic's). */
export async function ids(m: Member, url: string): Promise<number[]> {
  const res = await m.call('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: number }[] }>().items.map((i) => i.id);
}

/** Every id of a list, following its cursors page by page (`url` ends ready for `&cursor=`). */
export async function allPages(m: Member, url: string): Promise<number[][]> {
  const pages: number[][] = [];
  let cursor: string | null = null;
  do {
    const res = await m.call('GET', cursor ? `${url}&cursor=${cursor}` : url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: { id: number }[]; nextCursor: string | null }>();
    pages.push(body.items.map((i) => i.id));
    cursor = body.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

/** Signs up one member per name, all at once, as a tuple as long as the names. */
export async function signUpAll<const N extends readonly string[]>(signUp: (name: string) => Promise<Member>, ...names: N): Promise<{ [K in keyof N]: Member }> {
  return (await Promise.all(names.map((name) => signUp(name)))) as { [K in keyof N]: Member };
}
