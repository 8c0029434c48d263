/**
 * Member imports (issue 14): upload an archive, vCard or CSV (streamed to disk, answered 202 at once), follow
 * its progress and report, map a CSV's columns, review the profile it offers. Private to their member.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { historyView, importCreated, importList, importView, mappingBody, type ProfileDraft, profileDraftView } from '../../../common/schemas/imports.ts';
import { idParam } from '../../../common/schemas/primitives.ts';
import { profilePatch } from '../../../common/schemas/profile.ts';
import { checkCanStartImport, createImport, setImportMapping } from '../../commands/imports/imports.ts';
import { applyProfileDraft } from '../../commands/imports/profile-draft.ts';
import { AppError, badRequest, notFound } from '../../errors.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { streamSingleUpload } from '../../http/upload.ts';
import { ownRefusal } from '../../policies/imports.ts';
import { listImportedHistory, listImports, loadImport, loadProfileDraft } from '../../queries/imports/imports.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['imports'];
const idParams = z.strictObject({ id: idParam });

/** The name a file had on the member's disk, kept for the report: its last path segment, printable, short. */
function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean || 'upload';
}

const month = (value: string | undefined) => (value && /^\d{4}-\d{2}/.test(value) ? value.slice(0, 7) : null);
const yearOf = (value: string | undefined) => (value && /^\d{4}/.test(value) ? Number(value.slice(0, 4)) : null);

/** The draft as a profile patch the review form starts from (the member fills what the archive lacks). */
function proposalOf(draft: ProfileDraft) {
  const p = draft.profile;
  return {
    ...(p.name ? { name: p.name } : {}),
    ...(p.headline ? { headline: p.headline } : {}),
    ...(p.about ? { about: p.about } : {}),
    ...(p.location ? { location: p.location } : {}),
    ...(p.industry ? { industry: p.industry } : {}),
    links: p.websites.slice(0, 10).map((url) => ({ label: 'Website', url })),
    skills: draft.skills.slice(0, 50),
    experience: draft.positions.slice(0, 30).map((x) => ({
      organisation: x.organisation.slice(0, 120),
      title: (x.title ?? '').slice(0, 120),
      startDate: month(x.startedOn),
      endDate: month(x.finishedOn),
      description: (x.description ?? '').slice(0, 2000),
    })),
    education: draft.education.slice(0, 15).map((e) => ({ school: e.school.slice(0, 120), degree: (e.degree ?? '').slice(0, 120), startYear: yearOf(e.startedOn), endYear: yearOf(e.finishedOn) })),
  };
}

const proposalView = z.object({
  name: z.string().optional(),
  headline: z.string().optional(),
  about: z.string().optional(),
  location: z.string().optional(),
  industry: z.string().optional(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  skills: z.array(z.string()),
  experience: z.array(z.object({ organisation: z.string(), title: z.string(), startDate: z.string().nullable(), endDate: z.string().nullable(), description: z.string() })),
  education: z.array(z.object({ school: z.string(), degree: z.string(), startYear: z.number().nullable(), endYear: z.number().nullable() })),
});

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const limits = ctx.config.imports.limits;
  const tooLarge = () => new AppError(413, 'import_too_large', { params: { megabytes: Math.round(limits.maxUploadBytes / (1024 * 1024)) } });

  async function ownImport(actorId: number, id: number) {
    const found = await loadImport(ctx.db, id);
    const refusal = ownRefusal(actorId, found, 'import');
    if (refusal) throw refusal;
    return found!;
  }

  app.post(
    '/imports',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Start an import: a LinkedIn archive (ZIP or one of its CSVs), a vCard or a contacts CSV in the multipart field `file`; 202 at once, then follow GET /imports/:id',
        consumes: ['multipart/form-data'],
        response: { 202: importCreated },
      },
    },
    async (request, reply) => {
      const actor = viewerOf(request).actor;
      await checkCanStartImport(ctx.db, actor.id);
      await mkdir(ctx.config.imports.dir, { recursive: true, mode: 0o700 });
      const path = join(ctx.config.imports.dir, `${actor.id}-${randomUUID()}.upload`);
      const upload = await streamSingleUpload(request, path, { maxBytes: limits.maxUploadBytes, tooLarge });
      if (!upload) throw badRequest('import_file_missing');
      // No row, no file: an upload whose import could not be recorded (a database timeout) is not kept.
      const id = await createImport(ctx.db, actor.id, { fileName: cleanFileName(upload.fileName), storedPath: path, bytes: upload.bytes }).catch(async (err: unknown) => {
        await rm(path, { force: true });
        throw err;
      });
      return reply.status(202).send({ id });
    },
  );

  app.get('/imports', { schema: { tags, summary: 'My latest imports', response: { 200: importList } } }, async (request) => ({
    items: await listImports(ctx.db, viewerOf(request).actor.id),
  }));

  app.get(
    '/imports/:id',
    { schema: { tags, summary: "An import's status, progress (0–100) and report by file and line; `status` ends `done` or `failed`", params: idParams, response: { 200: importView } } },
    async (request) => {
      const { memberId: _owner, ...view } = await ownImport(viewerOf(request).actor.id, request.params.id);
      return view;
    },
  );

  app.post(
    '/imports/:id/mapping',
    { config: writeRateLimit(ctx.config), schema: { tags, summary: "Map a contacts CSV's columns to contact fields (while the import `needs_mapping`); it parses again", params: idParams, body: mappingBody, response: { 202: importCreated } } },
    async (request, reply) => {
      await ownImport(viewerOf(request).actor.id, request.params.id);
      await setImportMapping(ctx.db, request.params.id, request.body.mapping);
      return reply.status(202).send({ id: request.params.id });
    },
  );

  app.get(
    '/imports/:id/profile-draft',
    { schema: { tags, summary: 'The profile this import offers, to review and edit before saving it', params: idParams, response: { 200: profileDraftView.extend({ proposal: proposalView }) } } },
    async (request) => {
      const actorId = viewerOf(request).actor.id;
      await ownImport(actorId, request.params.id);
      const draft = await loadProfileDraft(ctx.db, actorId);
      if (!draft || draft.importId !== request.params.id) throw notFound('profile_draft');
      const d = draft.draft as ProfileDraft;
      return { importId: draft.importId, draft: d, proposal: proposalOf(d), createdAt: new Date(draft.createdAt).toISOString(), appliedAt: draft.appliedAt ? new Date(draft.appliedAt).toISOString() : null };
    },
  );

  app.post(
    '/imports/:id/profile-draft/apply',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Save the reviewed profile (as PATCH /me/profile takes it); the draft is then applied', params: idParams, body: profilePatch, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actorId = viewerOf(request).actor.id;
      await ownImport(actorId, request.params.id);
      const draft = await loadProfileDraft(ctx.db, actorId);
      if (!draft || draft.importId !== request.params.id) throw notFound('profile_draft');
      await applyProfileDraft(ctx.db, actorId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get('/imports/history', { schema: { tags, summary: 'Endorsements and recommendations received elsewhere, as imported history (never live ones)', response: { 200: historyView } } }, async (request) => ({
    items: (await listImportedHistory(ctx.db, viewerOf(request).actor.id)).map((r) => ({
      id: r.id,
      kind: r.kind,
      person: { name: r.name, url: r.url, organisation: r.organisation, title: r.title },
      skill: r.skill,
      text: r.text,
      dated: r.dated,
    })),
  }));
};
