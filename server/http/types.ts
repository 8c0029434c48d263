import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import type { Viewer } from '../viewer/viewer.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'public': no credentials needed. 'optional': identify if present. Default: a signed-in, active member. */
    auth?: 'public' | 'optional';
    /** Suspended members may still call this route (sign out, read their own status). */
    allowSuspended?: boolean;
    /**
     * A `public` route guarded by a token of its own rather than a member's credentials (/metrics and
     * METRICS_TOKEN); the OpenAPI document names it as the route's security.
     */
    ownToken?: 'metricsToken';
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The identified caller as reads see them (blocks loaded lazily, once); null when signed out. */
    viewer: Viewer | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export {};
