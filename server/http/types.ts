import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'public': no credentials needed. 'optional': identify if present. Default: a signed-in, active member. */
    auth?: 'public' | 'optional';
    /** Suspended members may still call this route (sign out, read their own status). */
    allowSuspended?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export {};
