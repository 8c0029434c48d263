import { type ErrorCode, isErrorCode } from '../../common/error-codes.ts';
import type { Problem } from '../../common/schemas/primitives.ts';

/** Codes of failures that carry no code of the catalogue: the server was not reached, or answered without one. */
type ClientOnlyCode = 'network_error' | 'unknown_error';
/** What the web branches on: a code of the catalogue (common/error-codes.ts) or a client-only one, so a misspelt code is a type error. */
export type ApiErrorCode = ErrorCode | ClientOnlyCode;

/** A failed API call, carrying the server's problem+json so forms can show field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fieldErrors: { path: string; message: string }[];

  constructor(status: number, problem: Partial<Problem>, clientCode: ClientOnlyCode = 'unknown_error') {
    super(problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code !== undefined && isErrorCode(problem.code) ? problem.code : clientCode;
    this.fieldErrors = problem.errors ?? [];
  }
}

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
  const headers: Record<string, string> = { accept: 'application/json' };
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

/** A human sentence for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
