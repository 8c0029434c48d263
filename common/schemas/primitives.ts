import { z } from 'zod';
import english from '../i18n/errors/en.ts';
import { LIMITS } from '../limits.ts';
import { type TextRules, normaliseText, textProblemCode } from '../text.ts';

/** A field error code of the API's own, with its message under `field` in common/i18n/errors. */
export type FieldCode = keyof (typeof english)['field'];

/**
 * A custom issue that carries its own field code: the server answers it as that code and words it from
 * the errors catalogue in the reader's language (server/http/problem.ts). The English message is the
 * catalogue's, for whoever reads the issue itself (the importers).
 */
export const fieldIssue = (code: FieldCode) => ({ message: english.field[code], params: { fieldCode: code } });

/**
 * Display text a member writes. Every text field goes through one of these, so the API, the importers and
 * the web forms refuse the same things (rules and reasons in common/text.ts): control characters, lone
 * surrogates, characters that reorder text, and — where a value is required — text that shows nothing.
 * What is kept is normalised to NFC and trimmed; the length limit applies to what is stored.
 */
const displayText = (max: number, rules: TextRules) =>
  z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .superRefine((s, ctx) => {
      const problem = textProblemCode(s, rules);
      if (problem) ctx.addIssue({ code: 'custom', input: s, ...fieldIssue(problem) });
    })
    .transform(normaliseText)
    // NFC may lengthen a few characters (U+FB2C becomes three), and the database checks stored lengths. A
    // too_big issue with its limit, like .max() gives, so it is worded (and translated) the same way.
    .superRefine((s, ctx) => {
      if (s.length > max) ctx.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: s, message: `must be at most ${max} characters` });
    });

/** Free text that may be empty: About, descriptions, notes, reasons. Keeps line breaks and direction marks. */
export const text = (max: number) => displayText(max, {});

/** Free text with at least one visible character: a thread message, a moderation reason. */
export const requiredText = (max: number) => displayText(max, { required: true });

/** One line that may be empty: a headline, location, industry, degree. */
export const line = (max: number) => displayText(max, { line: true });

/** One line with at least one visible character: a person's, organisation's, token's or skill's name, a title. */
export const requiredLine = (max: number) => displayText(max, { line: true, required: true });

/**
 * A text query parameter (a search term, a filter): one line, and invalid UTF-8 in the URL (which the query
 * parser turns into U+FFFD) is refused rather than searched for. Empty is allowed; routes decide what it means.
 */
export const queryText = (max: number) => displayText(max, { line: true, strictEncoding: true });

/**
 * zod's default email pattern with letters and digits from any script in the local part (RFC 6531), so
 * "anıl@example.com" can sign up; the domain stays ASCII (internationalised domains arrive as punycode).
 */
const EMAIL = /^(?:[\p{L}\p{N}_'+-]+\.)*[\p{L}\p{N}_'+-]*[\p{L}\p{N}_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/u;

export const email = z
  .string()
  .trim()
  .max(LIMITS.emailMax)
  .pipe(z.email({ pattern: EMAIL, message: 'must be a valid email address' }))
  .transform((s) => s.toLowerCase());

export const password = z
  .string()
  .min(LIMITS.passwordMin, { message: `must be at least ${LIMITS.passwordMin} characters` })
  .max(LIMITS.passwordMax, { message: `must be at most ${LIMITS.passwordMax} characters` });

export const handle = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { message: 'must be lowercase letters, digits and hyphens' });

export const httpUrl = z
  .string()
  .trim()
  .max(LIMITS.urlMax)
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }));

/**
 * A page cursor as a previous page gave it: printable ASCII only (base64url, or base-36 ids), so a control
 * character or broken UTF-8 is refused with the other fields, before a route looks anyone up; a cursor that
 * reads but is not one is the route's `invalid_cursor`.
 */
export const cursor = z
  .string()
  .max(200)
  .refine((value) => /^[\x21-\x7E]*$/.test(value), { message: 'must be a cursor from a previous page' })
  .optional();

/** The largest value of a PostgreSQL `integer` column: a bigger id would be an overflow error in SQL. */
export const INT4_MAX = 2_147_483_647;

/** A row id in an `integer` column (members, organisations, tokens, outbox), in a JSON body. */
export const id = z.number().int().min(1).max(INT4_MAX);
/**
 * A row id in a `bigint` column (invitations, reports, flags, notices, audit events), in a JSON body: up to
 * the largest integer a JavaScript number holds exactly (zod's int() stops there), so 2^53 + 1 cannot
 * quietly become 2^53.
 */
export const bigId = z.number().int().min(1);
/**
 * The same two, from a path or query parameter: decimal digits only, so " 1 ", "0x10", "1e3" and "" are
 * refused rather than read as some other id.
 */
const digits = z.string().regex(/^[0-9]{1,16}$/, { message: 'must be a whole number' });
export const idParam = digits.transform(Number).pipe(id);
export const bigIdParam = digits.transform(Number).pipe(bigId);

export const pageLimit = z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault);

/** A year between 1900 and next year; used for education years and the private birth year. */
export const year = z.number().int().min(1900).max(new Date().getUTCFullYear() + 10);

/** ISO month, "2021-04": a profile rarely knows the day a job started. */
export const yearMonth = z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, { message: 'must be YYYY-MM' });

const messageParams = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * The problem+json body (RFC 9457). `title` is the English message, `detail` the same in the request's
 * language (the member's setting, else Accept-Language); a client that translates itself words `key` (the
 * code, or `code.situation`) with `params`, using the messages in common/i18n/errors.
 */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  key: z.string().optional(),
  detail: z.string().optional(),
  params: messageParams.optional(),
  errors: z
    .array(z.object({ path: z.string(), code: z.string().optional(), message: z.string(), params: messageParams.optional() }))
    .optional(),
});
export type Problem = z.infer<typeof problem>;

/**
 * A reason: a stable code and its parameters, for clients that translate, and its English rendering
 * (common/reasons.ts builds all three and lists every code with its parameters). A list parameter
 * (names, restriction kinds) is an array of strings.
 */
export const reasonView = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  text: z.string(),
});
export type ReasonView = z.infer<typeof reasonView>;
