import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { Member } from './client.ts';

/** A solid-colour PNG of the given size, made by sharp: a real image for the upload path to decode. */
export async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } } }).png().toBuffer();
}

/** One file in a multipart/form-data body, as a browser's form would send it. */
export function multipart(field: string, filename: string, contentType: string, content: Buffer) {
  const boundary = '----rapporttest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a profile photo for the member (PUT /me/photo) and returns the response. */
export async function uploadPhoto(app: FastifyInstance, m: Member, image?: Buffer): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipart('photo', 'me.png', 'image/png', image ?? (await png(64, 64)));
  return app.inject({
    method: 'PUT',
    url: '/api/v1/me/photo',
    headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': contentType },
    payload,
  });
}

/** Uploads an image for posts and messages (POST /media, field "image") and returns the response. */
export async function uploadImage(app: FastifyInstance, m: Member, image?: Buffer, filename = 'picture.png', contentType = 'image/png'): Promise<LightMyRequestResponse> {
  const { payload, contentType: type } = multipart('image', filename, contentType, image ?? (await png(64, 48)));
  return app.inject({
    method: 'POST',
    url: '/api/v1/media',
    headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': type },
    payload,
  });
}

/** Uploads an image and returns its id (asserting it was stored). */
export async function uploadedImageId(app: FastifyInstance, m: Member, image?: Buffer): Promise<number> {
  const res = await uploadImage(app, m, image);
  if (res.statusCode !== 201) throw new Error(`upload failed ${res.statusCode}: ${res.body}`);
  return res.json<{ id: number }>().id;
}
