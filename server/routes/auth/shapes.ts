import { z } from 'zod';

/** What every route that starts a session answers: the member and the CSRF token for cookie writes. */
export const sessionStarted = z.object({ id: z.number(), handle: z.string(), csrfToken: z.string() });
export const accepted = z.object({ ok: z.literal(true) });
export const tags = ['auth'];
