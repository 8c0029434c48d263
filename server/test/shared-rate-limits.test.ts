/**
 * Two app processes on one PostgreSQL database, as behind a proxy that spreads requests over them, with the
 * rate limits counted in a shared store (issue 16): requests split across both are refused at the budget,
 * not at twice it. The memory store, which counts per process, is run the same way for contrast: it is
 * what this test would catch.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { RateLimitStoreConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/connection.ts';
import type { Member } from './client.ts';
import { openTestDatabase, serverUrl } from './engines.ts';
import { isolated, redisStoresUnderTest } from './redis.ts';
import { signUpFrom } from './screening-helpers.ts';

const WRITES = 3;
const PER_MINUTE = 12;
const PER_ADDRESS = 8;
const FAILED_CREDENTIALS = 4;

const STORES: RateLimitStoreConfig[] = [{ kind: 'postgres' }, ...redisStoresUnderTest(), { kind: 'memory' }];

describe.runIf(serverUrl)('rate limits across two app processes on one database [postgres]', () => {
  for (const store of STORES) {
    const shared = store.kind !== 'memory';
    /** The request (1-based) that is first refused: the budget's next one when shared, twice that when each process counts its own. */
    const refusedAt = (budget: number) => (shared ? budget + 1 : 2 * budget + 1);

    describe(`${store.kind} store`, () => {
      const apps: FastifyInstance[] = [];
      let second: Database | null = null;
      let drop: (() => Promise<void>) | null = null;
      let member: Member;
      let reader: Member;

      beforeAll(async () => {
        const opened = await openTestDatabase('postgres', { migrated: true });
        drop = opened.drop;
        const config = {
          ...opened.config,
          rateLimit: { perMinute: PER_MINUTE, writesPerMinute: WRITES },
          preAuth: { perMinute: PER_ADDRESS, failedCredentials: FAILED_CREDENTIALS, failedCredentialsWindowMs: 900_000 },
          // One prefix for both: they are one community.
          rateLimitStore: isolated(store),
        };
        // Each process has a pool of its own on the same database, as two servers would.
        second = await openDatabase(config);
        apps.push(await buildApp(config, { database: opened.database, background: false }));
        apps.push(await buildApp(config, { database: second, background: false }));
        member = await signUpFrom(apps[0]!, 'Shared Writer', '10.7.0.1');
        reader = await signUpFrom(apps[1]!, 'Shared Reader', '10.7.0.2');
      }, 180_000);

      afterAll(async () => {
        for (const app of apps) await app.close();
        await second?.close();
        await drop?.();
      });

      /** The nth request (0-based) goes to process n mod 2, from an address of its own unless one is given. */
      const alternate = async (count: number, request: (n: number) => InjectOptions): Promise<number[]> => {
        const codes: number[] = [];
        for (let n = 0; n < count; n++) {
          const res: LightMyRequestResponse = await apps[n % 2]!.inject(request(n));
          expect(res.statusCode, res.body).toBeLessThan(500);
          codes.push(res.statusCode);
        }
        return codes;
      };
      const firstRefused = (codes: number[]) => codes.indexOf(429) + 1;
      const as = (who: Member, n: number) => ({ remoteAddress: `10.7.1.${n}`, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf } });

      it(`refuses a member's writes to one route at its budget of ${WRITES}, whichever process counts them`, async () => {
        const codes = await alternate(2 * WRITES + 1, (n) => ({ method: 'PATCH', url: '/api/v1/me/profile', payload: { headline: `Edit ${n}` }, ...as(member, n) }));
        expect(firstRefused(codes)).toBe(refusedAt(WRITES));
      });

      it(`refuses a member's reads at the general budget of ${PER_MINUTE}`, async () => {
        const codes = await alternate(2 * PER_MINUTE + 1, (n) => ({ method: 'GET', url: '/api/v1/me', ...as(reader, n) }));
        expect(codes[0]).toBe(200);
        expect(firstRefused(codes)).toBe(refusedAt(PER_MINUTE));
      });

      it(`refuses an address at its budget of ${PER_ADDRESS} API requests before authentication`, async () => {
        const codes = await alternate(2 * PER_ADDRESS + 1, () => ({ method: 'GET', url: '/api/v1/me', remoteAddress: '10.7.2.1' }));
        expect(codes[0]).toBe(401);
        expect(firstRefused(codes)).toBe(refusedAt(PER_ADDRESS));
      });

      it(`refuses credentials from an address once ${FAILED_CREDENTIALS} have matched nothing`, async () => {
        const codes = await alternate(2 * FAILED_CREDENTIALS + 1, () => ({
          method: 'GET',
          url: '/api/v1/me',
          remoteAddress: '10.7.3.1',
          headers: { authorization: 'Bearer not-a-token-we-issued' },
        }));
        expect(codes[0]).toBe(401);
        expect(firstRefused(codes)).toBe(refusedAt(FAILED_CREDENTIALS));
      });
    });
  }
});

/** The sign-in throttle (server/auth/login-throttle.ts) counts password guesses on the database beside a shared store. */
describe.runIf(serverUrl)('password guesses across two app processes on one database [postgres]', () => {
  const GUESSES = 3;
  for (const store of [{ kind: 'postgres' }, { kind: 'memory' }] as RateLimitStoreConfig[]) {
    const shared = store.kind !== 'memory';
    describe(`${store.kind} store`, () => {
      const apps: FastifyInstance[] = [];
      let second: Database | null = null;
      let drop: (() => Promise<void>) | null = null;
      let owner: Member;

      beforeAll(async () => {
        const opened = await openTestDatabase('postgres', { migrated: true });
        drop = opened.drop;
        // Budgets high enough that only the sign-in throttle refuses.
        const config = { ...opened.config, login: { maxAttempts: GUESSES, windowMs: 900_000 }, rateLimit: { perMinute: 1_000, writesPerMinute: 1_000 }, rateLimitStore: isolated(store) };
        second = await openDatabase(config);
        apps.push(await buildApp(config, { database: opened.database, background: false }));
        apps.push(await buildApp(config, { database: second, background: false }));
        owner = await signUpFrom(apps[0]!, 'Guessed Owner', '10.8.0.1');
      }, 180_000);

      afterAll(async () => {
        for (const app of apps) await app.close();
        await second?.close();
        await drop?.();
      });

      it(`refuses a guesser at ${shared ? 'the budget' : 'twice the budget, one per process'} of ${GUESSES} wrong passwords, whichever process they reach`, async () => {
        const codes: number[] = [];
        for (let n = 0; n < 2 * GUESSES + 1; n++) {
          const res = await apps[n % 2]!.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.8.1.1', payload: { email: owner.email, password: `wrong guess ${n}` } });
          expect(res.statusCode, res.body).toBeLessThan(500);
          codes.push(res.statusCode);
        }
        expect(codes[0]).toBe(401);
        expect(codes.indexOf(429) + 1).toBe(shared ? GUESSES + 1 : 2 * GUESSES + 1);
      });
    });
  }
});
