import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../common/limits.ts';
import { deleteExpiredUploads } from '../../commands/media/uploads.ts';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { png, uploadedImageId, uploadImage } from '../../test/uploads.ts';
import { ageAccount } from '../messages/messages-test-helpers.ts';
import { connect } from '../network/network-test-helpers.ts';
import { signUpAll } from '../posts/post-test-helpers.ts';

type Image = { id: number; url: string; alt: string; width: number; height: number };

describeEachEngine('images on posts and messages', (get) => {
  let n = 0;
  const member = (name: string) => signUp(get().app, `${name} ${++n}`);
  const db = () => get().database.db;
  const count = async (what: string) => (await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM ${sql.raw(what)}`))[0]!.n;
  const upload = (m: Member, image?: Buffer) => uploadedImageId(get().app, m, image);
  const expectProblem = (res: { statusCode: number; json: () => unknown; body: string }, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({ code });
  };

  beforeAll(async () => {
    await signUp(get().app, 'Olga Operator');
  });

  describe('uploading', () => {
    let ana: Member, bo: Member;
    beforeAll(async () => {
      [ana, bo] = await signUpAll(member, 'Ana Uploader', 'Bo Other');
    });

    it('stores an image re-encoded to WebP without its metadata, fitted inside 2048 pixels; only its owner sees it until attached', async () => {
      const withGps = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: { r: 200, g: 30, b: 30 } } })
        .jpeg()
        .withExif({ IFD0: { Copyright: 'secret-location-45.4642N' } })
        .toBuffer();
      expect((await sharp(withGps).metadata()).exif).toBeDefined();
      const res = await uploadImage(get().app, ana, withGps, 'holiday.jpg', 'image/jpeg');
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<{ id: number; url: string; width: number; height: number; expiresAt: string }>();
      expect(body).toMatchObject({ url: `/api/v1/media/${body.id}`, width: 2048, height: 683 });
      expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
      const served = await ana.call('GET', body.url);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/webp');
      expect(served.headers['cache-control']).toBe('private, max-age=300');
      const meta = await sharp(served.rawPayload).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(served.rawPayload.includes('secret-location')).toBe(false);
      expectProblem(await bo.call('GET', body.url), 404, 'not_found');
      expect((await ana.call('GET', body.url, undefined)).statusCode).toBe(200);
    });

    it('reads the type from the content, not the name or declared type', async () => {
      const pngNamedText = await uploadImage(get().app, ana, await png(20, 20), 'notes.txt', 'text/plain');
      expect(pngNamedText.statusCode, pngNamedText.body).toBe(201);
      const before = await count('media');
      expectProblem(await uploadImage(get().app, ana, Buffer.from('just some text, not a picture'), 'photo.png', 'image/png'), 400, 'image_unsupported');
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
      expectProblem(await uploadImage(get().app, ana, svg, 'logo.svg', 'image/svg+xml'), 400, 'image_unsupported');
      const truncated = (await png(300, 300)).subarray(0, 60);
      expectProblem(await uploadImage(get().app, ana, truncated), 400, 'image_unsupported');
      expect(await count('media')).toBe(before);
    });

    it('refuses an oversized file, a picture of too many pixels, an empty upload and JSON, with 400s that write nothing', async () => {
      const before = await count('media');
      const big = Buffer.concat([await png(10, 10), Buffer.alloc(LIMITS.imageBytesMax, 1)]);
      const tooBig = await uploadImage(get().app, ana, big);
      expectProblem(tooBig, 400, 'image_too_large');
      expect(tooBig.json<{ detail: string }>().detail).toContain('10 MB');
      const huge = await sharp({ create: { width: 9000, height: 5000, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png().toBuffer();
      expectProblem(await uploadImage(get().app, ana, huge), 400, 'image_too_large');
      expectProblem(await uploadImage(get().app, ana, Buffer.alloc(0)), 400, 'image_missing');
      expectProblem(await ana.call('POST', '/api/v1/media', { image: 'x' }), 415, 'multipart_required');
      expect(await count('media')).toBe(before);
    });

    it('lets the owner remove an upload before posting it, and nobody else', async () => {
      const id = await upload(ana);
      expectProblem(await bo.call('DELETE', `/api/v1/media/${id}`), 404, 'not_found');
      expect((await ana.call('DELETE', `/api/v1/media/${id}`)).statusCode).toBe(204);
      expectProblem(await ana.call('DELETE', `/api/v1/media/${id}`), 404, 'not_found');
      expectProblem(await ana.call('GET', `/api/v1/media/${id}`), 404, 'not_found');
    });

    it('keeps at most 20 uploads waiting per member', async () => {
      const cy = await member('Cy Hoarder');
      const one = await upload(cy);
      await db().execute(sql`INSERT INTO media (owner_id, content, mime_type, width, height, etag)
        SELECT owner_id, content, mime_type, width, height, etag FROM media, generate_series(2, ${LIMITS.pendingImagesMax}) WHERE id = ${one}`);
      const res = await uploadImage(get().app, cy);
      expectProblem(res, 400, 'images_too_many');
      expect(res.json()).toMatchObject({ key: 'images_too_many.pending', params: { max: 20 } });
      expect((await cy.call('DELETE', `/api/v1/media/${one}`)).statusCode).toBe(204);
      expect((await uploadImage(get().app, cy)).statusCode).toBe(201);
    });

    it('expires an upload never attached: it can no longer be posted or seen, and the sweep deletes it', async () => {
      const id = await upload(ana);
      await db().execute(sql`UPDATE media SET created_at = now() - interval '25 hours' WHERE id = ${id}`);
      expectProblem(await ana.call('GET', `/api/v1/media/${id}`), 404, 'not_found');
      const res = await ana.call('POST', '/api/v1/posts', { text: 'Late', images: [{ id, alt: '' }] });
      expectProblem(res, 400, 'media_unknown');
      expect(await deleteExpiredUploads(db())).toBeGreaterThanOrEqual(1);
      expect(await count(`media WHERE id = ${id}`)).toBe(0);
    });
  });

  describe('on posts', () => {
    let author: Member, connection: Member, stranger: Member, blocked: Member;
    beforeAll(async () => {
      [author, connection, stranger, blocked] = await signUpAll(member, 'Ana Author', 'Cai Connection', 'Sam Stranger', 'Ben Blocked');
      await connect(author, connection);
    });

    it('attaches up to four uploads in order with their alt text; the post, the feed and the image URLs show them', async () => {
      const first = await upload(author, await png(40, 30));
      const second = await upload(author, await png(30, 40));
      const res = await author.call('POST', '/api/v1/posts', {
        text: 'Our stand at the fair',
        visibility: 'members',
        images: [
          { id: second, alt: 'The stand from the front' },
          { id: first, alt: '' },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      const postId = res.json<{ id: number }>().id;
      const shown = (await stranger.call('GET', `/api/v1/posts/${postId}`)).json<{ images: Image[]; linkPreview: unknown }>();
      expect(shown.images).toEqual([
        { id: second, url: `/api/v1/media/${second}`, alt: 'The stand from the front', width: 30, height: 40 },
        { id: first, url: `/api/v1/media/${first}`, alt: '', width: 40, height: 30 },
      ]);
      expect(shown.linkPreview).toBeNull();
      const feed = (await author.call('GET', '/api/v1/feed')).json<{ items: { id: number; images: Image[] }[] }>();
      expect(feed.items.find((p) => p.id === postId)?.images.map((i) => i.id)).toEqual([second, first]);
      expect((await stranger.call('GET', `/api/v1/media/${first}`)).statusCode).toBe(200);
      // Attached: no longer the owner's to remove or to attach again.
      expectProblem(await author.call('DELETE', `/api/v1/media/${first}`), 404, 'not_found');
      expectProblem(await author.call('POST', '/api/v1/posts', { text: 'Again', images: [{ id: first }] }), 400, 'media_unknown');
    });

    it('keeps the contract of a post without images', async () => {
      const res = await author.call('POST', '/api/v1/posts', { text: 'Just words', visibility: 'members' });
      expect(res.statusCode).toBe(201);
      const shown = (await author.call('GET', `/api/v1/posts/${res.json<{ id: number }>().id}`)).json<{ images: Image[] }>();
      expect(shown.images).toEqual([]);
    });

    it('refuses five images, an image not the writer’s waiting upload, a repeated one and images on a repost, writing nothing', async () => {
      const mine = await Promise.all([1, 2, 3, 4, 5].map(() => upload(author)));
      const theirs = await upload(stranger);
      const posts = await count('posts');
      const tooMany = await author.call('POST', '/api/v1/posts', { text: 'Five', images: mine.map((id) => ({ id, alt: '' })) });
      expectProblem(tooMany, 400, 'images_too_many');
      expect(tooMany.json()).toMatchObject({ key: 'images_too_many.post', params: { max: 4 } });
      const foreign = await author.call('POST', '/api/v1/posts', { text: 'Not mine', images: [{ id: mine[0] }, { id: theirs }] });
      expectProblem(foreign, 400, 'media_unknown');
      expect(foreign.json()).toMatchObject({ params: { id: theirs } });
      expectProblem(await author.call('POST', '/api/v1/posts', { text: 'Missing', images: [{ id: 987654321 }] }), 400, 'media_unknown');
      expectProblem(await author.call('POST', '/api/v1/posts', { text: 'Twice', images: [{ id: mine[0] }, { id: mine[0] }] }), 400, 'validation_failed');
      const original = (await author.call('POST', '/api/v1/posts', { text: 'Original' })).json<{ id: number }>().id;
      expectProblem(await author.call('POST', '/api/v1/posts', { text: '', repostOf: original, images: [{ id: mine[0] }] }), 400, 'validation_failed');
      expectProblem(await author.call('POST', '/api/v1/posts', { text: 'Alt too long', images: [{ id: mine[0], alt: 'a'.repeat(1001) }] }), 400, 'validation_failed');
      expect(await count('posts')).toBe(posts + 1);
      // The first image of the refused post was never attached: it can still be posted.
      expect(await count(`media WHERE id = ${mine[0]} AND post_id IS NULL`)).toBe(1);
      expect((await author.call('POST', '/api/v1/posts', { text: 'Four', images: mine.slice(0, 4).map((id) => ({ id })) })).statusCode).toBe(201);
    });

    it('shows a post’s images to whoever may see the post and to nobody else, and deletes them with it', async () => {
      const id = await upload(author);
      const res = await author.call('POST', '/api/v1/posts', { text: 'Connections only', visibility: 'connections', images: [{ id, alt: 'A chart' }] });
      const postId = res.json<{ id: number }>().id;
      const url = `/api/v1/media/${id}`;
      expect((await connection.call('GET', url)).statusCode).toBe(200);
      expectProblem(await stranger.call('GET', url), 404, 'not_found');
      const open = await upload(author);
      const openPost = (await author.call('POST', '/api/v1/posts', { text: 'For everyone', images: [{ id: open }] })).json<{ id: number }>().id;
      expect((await blocked.call('GET', `/api/v1/media/${open}`)).statusCode).toBe(200);
      expect((await author.call('PUT', `/api/v1/members/${blocked.handle}/block`)).statusCode).toBe(200);
      expectProblem(await blocked.call('GET', `/api/v1/media/${open}`), 404, 'not_found');
      expect((await author.call('DELETE', `/api/v1/posts/${postId}`)).statusCode).toBe(204);
      expect((await author.call('DELETE', `/api/v1/posts/${openPost}`)).statusCode).toBe(204);
      expect(await count(`media WHERE id IN (${id}, ${open})`)).toBe(0);
      expectProblem(await connection.call('GET', url), 404, 'not_found');
      expectProblem(await author.call('GET', url), 404, 'not_found');
    });
  });

  describe('on messages', () => {
    let ana: Member, bo: Member, cy: Member;
    beforeAll(async () => {
      [ana, bo, cy] = await signUpAll(member, 'Ana Sender', 'Bo Recipient', 'Cy Outsider');
      for (const m of [ana, bo, cy]) await ageAccount(get().database, m);
      await connect(ana, bo);
    });

    it('attaches one image to a message, seen by the members of the conversation only', async () => {
      const id = await upload(ana);
      const started = await ana.call('POST', '/api/v1/conversations', { to: [bo.handle], text: 'The slide', imageId: id, imageAlt: 'Revenue by quarter' });
      expect(started.statusCode, started.body).toBe(201);
      const conversationId = started.json<{ id: number }>().id;
      const page = (await bo.call('GET', `/api/v1/conversations/${conversationId}/messages`)).json<{ items: { image: Image | null }[] }>();
      expect(page.items[0]!.image).toEqual({ id, url: `/api/v1/media/${id}`, alt: 'Revenue by quarter', width: 64, height: 48 });
      expect((await bo.call('GET', `/api/v1/media/${id}`)).statusCode).toBe(200);
      expect((await ana.call('GET', `/api/v1/media/${id}`)).statusCode).toBe(200);
      expectProblem(await cy.call('GET', `/api/v1/media/${id}`), 404, 'not_found');
      // A reply with an image, and one without: no image is null.
      const second = await upload(bo);
      const reply = await bo.call('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'Thanks', imageId: second });
      expect(reply.statusCode, reply.body).toBe(201);
      expect((await bo.call('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'No picture' })).statusCode).toBe(201);
      const items = (await ana.call('GET', `/api/v1/conversations/${conversationId}/messages`)).json<{ items: { text: string; image: Image | null }[] }>().items;
      expect(items.map((m) => [m.text, m.image?.id ?? null])).toEqual([
        ['No picture', null],
        ['Thanks', second],
        ['The slide', id],
      ]);
      // Deleted for me: the image goes from my view with the history.
      expect((await bo.call('DELETE', `/api/v1/conversations/${conversationId}`)).statusCode).toBe(204);
      expectProblem(await bo.call('GET', `/api/v1/media/${id}`), 404, 'not_found');
      expect((await ana.call('GET', `/api/v1/media/${id}`)).statusCode).toBe(200);
    });

    it('refuses an image that is not the sender’s waiting upload, sending nothing', async () => {
      const theirs = await upload(cy);
      const messages = await count('messages');
      expectProblem(await ana.call('POST', '/api/v1/conversations', { to: [bo.handle], text: 'Hi', imageId: theirs }), 400, 'media_unknown');
      const conversationId = (await ana.call('POST', '/api/v1/conversations', { to: [bo.handle], text: 'Hi' })).json<{ id: number }>().id;
      expectProblem(await ana.call('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'Hi', imageId: theirs }), 400, 'media_unknown');
      expect(await count('messages')).toBe(messages + 1);
      expect(await count(`media WHERE id = ${theirs} AND message_id IS NULL`)).toBe(1);
    });
  });
});
