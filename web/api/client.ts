import { type ErrorCode, isErrorCode } from '../../common/error-codes.ts';
import type { Problem } from '../../common/schemas/primitives.ts';
import { i18n } from '../i18n/i18n.ts';

/** Codes of failures that carry no code of the catalogue: the server was not reached, or answered without one. */
type ClientOnlyCode = 'network_error' | 'unknown_error';
/** What the web branches on: a code of the catalogue (common/error-codes.ts) or a client-only one, so a misspelt code is a type error. */
export type ApiErrorCode = ErrorCode | ClientOnlyCode;

type MessageParams = Record<string, string | number>;
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The errors namespace's t. The keys come from the server (a problem's `key`), so they are strings here;
 * an unknown one falls back to the default value given.
 */
const errorsT = (): Translate => i18n.getFixedT(null, 'errors') as unknown as Translate;

/** A failed API call, carrying the server's problem+json so forms can show field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** The message's key in the errors namespace: the code, or `code.situation`. */
  readonly key: string;
  readonly params: MessageParams;
  /** The server's words, in the language the request asked for: the fallback when the key is unknown here. */
  readonly detail: string | null;
  readonly fieldErrors: { path: string; code?: string; message: string }[];

  constructor(status: number, problem: Partial<Problem>, clientCode: ClientOnlyCode = 'unknown_error') {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code !== undefined && isErrorCode(problem.code) ? problem.code : clientCode;
    this.key = problem.code !== undefined && isErrorCode(problem.code) ? (problem.key ?? problem.code) : `client.${clientCode}`;
    this.params = problem.params ?? {};
    this.detail = problem.detail ?? problem.title ?? null;
    this.fieldErrors = problem.errors ?? [];
  }

  /** The error in the active language, by its key and parameters; the server's detail when the key is unknown. */
  get text(): string {
    const t = errorsT();
    const fallback = this.detail ?? t('client.request_failed', { status: this.status, defaultValue: `Request failed (${this.status})` });
    return i18n.exists(`errors:${this.key}`) ? t(this.key, this.params) : fallback;
  }
}

// The errors namespace is a chunk of its own: start loading it with the first call, so a failure's words are there.
let errorsRequested = false;

// The CSRF token travels with every cookie-authenticated write; it comes from sign-in or GET /me.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** Calls the JSON API; throws ApiError for any non-2xx answer. */
export async function api<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  if (!errorsRequested) {
    errorsRequested = true;
    void i18n.loadNamespaces('errors');
  }
  // The server words a problem's detail in this language for visitors (a member's own setting comes first).
  const headers: Record<string, string> = { accept: 'application/json', ...(i18n.language ? { 'accept-language': i18n.language } : {}) };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { title: 'Could not reach the server. Check your connection and try again.' }, 'network_error');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = (data && typeof data === 'object' ? data : {}) as Partial<Problem>;
    throw new ApiError(response.status, problem);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A human sentence in the active language for any error thrown by a query or mutation: by code, never by parsing English. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.text;
  if (error instanceof Error) return error.message;
  return errorsT()('client.unknown_error', { defaultValue: 'Something went wrong.' });
}
