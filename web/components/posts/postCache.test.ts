import { describe, expect, it } from 'vitest';
import type { CommentThread, CommentView, PostView } from '../../api/posts.ts';
import { patchComment, patchPost } from './postCache.ts';

const author = { id: 1, handle: 'ana', name: 'Ana Ruiz', headline: '', location: null, photoUrl: null, degree: 1, mutualCount: 0 };
const abilities = { canEdit: false, canDelete: false, canReact: true, canComment: true, canRepost: true, canReport: true };
const reactions = { total: 0, byKind: {} as PostView['reactions']['byKind'], mine: null };

const post = (id: number, extra: Partial<PostView> = {}): PostView => ({
  id,
  text: `post ${id}`,
  visibility: 'members',
  author,
  createdAt: '2027-01-04T10:00:00Z',
  editedAt: null,
  mentions: [],
  topics: [],
  reactions,
  commentCount: 0,
  repostCount: 0,
  abilities,
  ...extra,
});

const comment = (id: number, parentId: number | null = null): CommentView => ({
  id,
  postId: 9,
  parentId,
  text: `comment ${id}`,
  author,
  deleted: false,
  createdAt: '2027-01-04T10:00:00Z',
  editedAt: null,
  mentions: [],
  reactions,
  abilities: { ...abilities, canConnect: false, canFollow: false },
});

const paged = <T>(...pages: T[][]) => ({ pages: pages.map((items, i) => ({ items, nextCursor: i < pages.length - 1 ? `c${i}` : null })), pageParams: [] });

describe('patchPost', () => {
  it('changes the post wherever it is: on any page, and as the original inside a repost', () => {
    const original = post(1);
    const data = paged([post(2), post(3, { repostOf: original })], [post(1)]);
    const next = patchPost(data, 1, (p) => ({ ...p, commentCount: 7 })) as typeof data;
    expect(next.pages[1]!.items[0]!.commentCount).toBe(7);
    expect(next.pages[0]!.items[1]!.repostOf!.commentCount).toBe(7);
    // Untouched posts and pages keep their identity, so React re-renders only what changed.
    expect(next.pages[0]!.items[0]).toBe(data.pages[0]!.items[0]);
    expect(data.pages[1]!.items[0]!.commentCount).toBe(0);
  });

  it('returns the same object when the post is not there, and leaves other cached shapes alone', () => {
    const data = paged([post(2)]);
    expect(patchPost(data, 99, (p) => ({ ...p, commentCount: 1 }))).toBe(data);
    const reactors = paged([{ ...author, kind: 'like' }]);
    expect(patchPost(reactors, 1, (p) => ({ ...p, commentCount: 1 }))).toBe(reactors);
    expect(patchPost(undefined, 1, (p) => p)).toBeUndefined();
  });
});

describe('patchComment', () => {
  const thread = (id: number, replies: CommentView[] = []): CommentThread => ({ ...comment(id), replies });

  it('changes a top-level comment and keeps its replies', () => {
    const data = paged([thread(1, [comment(2, 1)])]);
    const next = patchComment(data, 1, (c) => ({ ...c, text: 'edited' })) as typeof data;
    expect(next.pages[0]!.items[0]!.text).toBe('edited');
    expect(next.pages[0]!.items[0]!.replies).toBe(data.pages[0]!.items[0]!.replies);
  });

  it('changes a reply inside its thread', () => {
    const data = paged([thread(1, [comment(2, 1), comment(3, 1)]), thread(4)]);
    const next = patchComment(data, 3, (c) => ({ ...c, text: 'edited' })) as typeof data;
    expect(next.pages[0]!.items[0]!.replies.map((r) => r.text)).toEqual(['comment 2', 'edited']);
    expect(next.pages[0]!.items[0]!.text).toBe('comment 1');
    expect(next.pages[0]!.items[1]).toBe(data.pages[0]!.items[1]);
  });

  it('leaves pages of posts alone', () => {
    const data = paged([post(3)]);
    expect(patchComment(data, 3, (c) => ({ ...c, text: 'x' }))).toBe(data);
  });
});
