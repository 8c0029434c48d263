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
 * the namespace is loaded only when it is needed (see `api`).
 */
const errorsT = (): Translate => i18n.getFixedT(null, 'errors') as unknown as Translate;
/** The web's own words about failures, in `common` (always loaded). */
const failureT = () => i18n.getFixedT(null, 'common', 'failure');

/** A failed API call, carrying the server's problem+json so forms can show field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** The message's key in the errors namespace: the code, or `code.situation`; null for a client-only code. */
  readonly key: string | null;
  readonly params: MessageParams;
  /** The server's words (`detail`), when it sent them. */
  readonly detail: string | null;
  /** The language of `detail` and of the field errors' messages (the answer's Content-Language), when known. */
  readonly language: string | null;
  readonly fieldErrors: { path: string; code?: string; message: string }[];

  constructor(status: number, problem: Partial<Problem>, clientCode: ClientOnlyCode = 'unknown_error', language: string | null = null) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    const code = problem.code !== undefined && isErrorCode(problem.code) ? problem.code : null;
    this.code = code ?? clientCode;
    this.key = code === null ? null : (problem.key ?? code);
    this.params = problem.params ?? {};
    this.detail = problem.detail ?? problem.title ?? null;
    // Without a detail, the words are the title, which is always English.
    this.language = problem.detail === undefined ? 'en' : language;
    this.fieldErrors = problem.errors ?? [];
  }

  /**
   * True when the words must come from the errors namespace: the server worded the problem, but not in the
   * language shown (the pseudo-locale, or the reader changed language since), or sent no words at all.
   */
  get needsErrorsNamespace(): boolean {
    return this.key !== null && this.detailAsShown === null;
  }

  /** The server's detail when it is in the language shown, else null. */
  private get detailAsShown(): string | null {
    return this.language === i18n.language ? this.detail : null;
  }

  /**
   * The error in the active language: the server's detail when it is in that language (the same message
   * from the same catalogue, common/i18n/errors, as the errors namespace would give), else the errors
   * namespace by key and parameters, else the detail as it is. Client-only codes are worded from `common`.
   */
  get text(): string {
    if (this.key === null) return failureT()(this.code === 'network_error' ? 'network_error' : 'unknown_error');
    const detail = this.detailAsShown;
    if (detail !== null) return detail;
    if (i18n.exists(this.key, { ns: 'errors' })) return errorsT()(this.key, this.params);
    return this.detail ?? failureT()('request_failed', { status: this.status });
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
    const error = new ApiError(response.status, problem, 'unknown_error', response.headers.get('content-language'));
    // Its words are read as soon as it is thrown (notifications, forms): have them ready when the server's won't do.
    if (error.needsErrorsNamespace) await i18n.loadNamespaces('errors');
    throw error;
  }
  return data as T;
}

/**
 * Sends a multipart form to the API with upload progress (fetch reports none), answering like `api`: the
 * parsed body, or an ApiError with the server's problem. `onProgress` gets the fraction sent, 0 to 1.
 */
export function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.setRequestHeader('accept', 'application/json');
    if (i18n.language) xhr.setRequestHeader('accept-language', i18n.language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, { title: 'Could not reach the server. Check your connection and try again.' }, 'network_error'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.onload = () => {
      const data = xhr.responseText ? safeJson(xhr.responseText) : undefined;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const problem = (data && typeof data === 'object' ? data : {}) as Partial<Problem>;
      const error = new ApiError(xhr.status, problem, 'unknown_error', xhr.getResponseHeader('content-language'));
      if (error.needsErrorsNamespace) void i18n.loadNamespaces('errors').then(() => reject(error), () => reject(error));
      else reject(error);
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
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
  return failureT()('unknown_error');
}
