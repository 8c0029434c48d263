import type { FastifyInstance, InjectOptions } from 'fastify';
import type { DemoPerson } from '../../scripts/demo/generate.ts';

/** Who a simulated member is. Everything but the five adversary kinds is honest and must not be punished. */
export type ActorKind =
  | 'honest'
  | 'open_networker'
  | 'newcomer'
  | 'returning'
  | 'honest_signup'
  | 'bot'
  | 'cluster'
  | 'peddler'
  | 'moocher'
  | 'pitcher';

export const ADVERSARY_KINDS = ['bot', 'cluster', 'peddler', 'moocher', 'pitcher'] as const;
export type AdversaryKind = (typeof ADVERSARY_KINDS)[number];
export const isAdversary = (kind: ActorKind): kind is AdversaryKind => (ADVERSARY_KINDS as readonly string[]).includes(kind);

export interface SimMember {
  /** 0 until the member exists (an adversary whose sign-up was refused never gets one). */
  id: number;
  handle: string;
  name: string;
  kind: ActorKind;
  honest: boolean;
  /** A personal access token (loaded members) or the session from sign-up (members who signed up in the run). */
  auth: { token: string } | { cookie: string; csrf: string } | null;
  ip: string;
  person?: DemoPerson;
}

export interface ApiResponse {
  status: number;
  /** The problem's stable code on errors. */
  code: string | null;
  body: unknown;
  retryAfter: number | null;
}

/** Talks to the app exactly as a client would: app.inject with the member's credentials and address. */
export class Api {
  requests = 0;
  readonly byStatus = new Map<number, number>();
  /** Milliseconds spent inside app.inject, by route label. */
  readonly timeByRoute = new Map<string, { n: number; ms: number }>();
  readonly serverErrors: string[] = [];

  /** `beforeRequest` runs before every request: the simulated clock moves on a step (clock.ts). */
  constructor(
    readonly app: FastifyInstance,
    private readonly beforeRequest: () => void = () => {},
  ) {}

  async call(actor: SimMember, method: InjectOptions['method'], url: string, body?: unknown, label = url.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id')): Promise<ApiResponse> {
    const headers: Record<string, string> = { 'user-agent': 'rapport-abuse-sim' };
    if (actor.auth && 'token' in actor.auth) headers.authorization = `Bearer ${actor.auth.token}`;
    else if (actor.auth) {
      headers.cookie = actor.auth.cookie;
      headers['x-csrf-token'] = actor.auth.csrf;
    }
    return this.inject(label, { method, url, headers, remoteAddress: actor.ip, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
  }

  /** POST /auth/signup from an address; on success the member gets the session it started. */
  async signup(member: SimMember, email: string, password: string): Promise<ApiResponse> {
    const res = await this.inject('/api/v1/auth/signup', {
      method: 'POST',
      url: '/api/v1/auth/signup',
      headers: { 'user-agent': 'rapport-abuse-sim' },
      remoteAddress: member.ip,
      payload: { email, password, name: member.name },
    });
    if (res.status === 201) {
      const body = res.body as { id: number; handle: string; csrfToken: string };
      member.id = body.id;
      member.handle = body.handle;
      member.auth = { cookie: res.cookie!, csrf: body.csrfToken };
    }
    return res;
  }

  private async inject(label: string, options: InjectOptions): Promise<ApiResponse & { cookie?: string }> {
    this.beforeRequest();
    const started = performance.now();
    const res = await this.app.inject(options);
    const ms = performance.now() - started;
    const t = this.timeByRoute.get(`${options.method} ${label}`) ?? { n: 0, ms: 0 };
    t.n++;
    t.ms += ms;
    this.timeByRoute.set(`${options.method} ${label}`, t);
    this.requests++;
    this.byStatus.set(res.statusCode, (this.byStatus.get(res.statusCode) ?? 0) + 1);
    let body: unknown = null;
    try {
      body = res.body ? res.json() : null;
    } catch {
      body = res.body;
    }
    // A 5xx is a server bug: the run goes on, and the report lists the first few.
    if (res.statusCode >= 500 && this.serverErrors.length < 20) this.serverErrors.push(`${options.method} ${options.url} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
    const code = res.statusCode >= 400 && body && typeof body === 'object' && 'code' in body ? String((body as { code: unknown }).code) : null;
    const retry = res.headers['retry-after'];
    const session = res.cookies.find((c) => c.name === 'rapport_session');
    return {
      status: res.statusCode,
      code,
      body,
      retryAfter: retry === undefined ? null : Number(retry),
      ...(session ? { cookie: `rapport_session=${session.value}` } : {}),
    };
  }
}
