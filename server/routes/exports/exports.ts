/**
 * A member's export of their data (issue 14; docs/exports.md): request one (202, prepared by the job queue),
 * follow it until done, and download it. Every route acts on the signed-in member's own exports; another
 * member's export is not found, whoever asks, and a download needs both the owner's session (or token) and a
 * fresh download token from `GET /exports/:id`, until the export expires.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { downloadQuery, exportCreated, exportList, exportParams, exportView } from '../../../common/schemas/exports.ts';
import { hashToken, mintDownloadToken, requestExport } from '../../commands/exports/exports.ts';
import { notFound } from '../../errors.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { findDownload, listExports, loadExport } from '../../queries/exports.ts';
import { viewerOf } from '../../viewer/request.ts';
import { presentExport } from '../../views/exports.ts';

const tags = ['exports'];

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/exports',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Prepare an export of all my data (a ZIP of JSON and CSV with a README); poll it with GET /exports/{id}',
        response: { 202: exportCreated },
      },
    },
    async (request, reply) => {
      const id = await requestExport(ctx.db, viewerOf(request).actor.id);
      return reply.status(202).send({ id });
    },
  );

  app.get('/exports', { schema: { tags, summary: 'My exports, newest first (kept 7 days)', response: { 200: exportList } } }, async (request) => {
    const memberId = viewerOf(request).actor.id;
    const found = await listExports(ctx.db, memberId);
    // Only the newest finished export gets a download link here; GET /exports/{id} gives any other one.
    const newestDone = found.find((e) => e.status === 'done');
    const token = newestDone ? await mintDownloadToken(ctx.db, memberId, newestDone.id) : null;
    return { items: found.map((e) => presentExport(e, e === newestDone ? token : null)) };
  });

  app.get(
    '/exports/:id',
    { schema: { tags, summary: 'One of my exports: its status, and once done a download link valid until it expires', params: exportParams, response: { 200: exportView } } },
    async (request) => {
      const memberId = viewerOf(request).actor.id;
      const found = await loadExport(ctx.db, memberId, request.params.id);
      if (!found) throw notFound('export');
      const token = found.status === 'done' ? await mintDownloadToken(ctx.db, memberId, found.id) : null;
      return presentExport(found, token);
    },
  );

  app.get(
    '/exports/:id/download',
    {
      schema: {
        tags,
        summary: 'Download one of my exports (application/zip), with the token of its link',
        params: exportParams,
        querystring: downloadQuery,
      },
    },
    async (request, reply) => {
      const memberId = viewerOf(request).actor.id;
      const file = await findDownload(ctx.db, memberId, request.params.id, hashToken(request.query.token));
      if (!file) throw notFound('export');
      const handle = viewerOf(request).actor.handle;
      const stream = createReadStream(join(ctx.config.exportsDir, file.fileName));
      // The sweep may have deleted the file between the query and the open.
      const opened = await new Promise<boolean>((resolve) => {
        stream.once('open', () => resolve(true));
        stream.once('error', () => resolve(false));
      });
      if (!opened) throw notFound('export');
      return reply
        .type('application/zip')
        .header('content-length', String(file.bytes))
        .header('content-disposition', `attachment; filename="rapport-${handle}-${file.finishedAt.slice(0, 10)}.zip"`)
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
};
