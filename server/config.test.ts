import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const trustProxy = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('0')).toBe(false);
  });

  it('takes a number of proxy hops, and "true" means one hop, never "believe every entry"', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('true')).toBe(1);
  });

  it('takes the proxies\' addresses and CIDR ranges, comma-separated', () => {
    expect(trustProxy('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trustProxy('10.0.0.0/8, 192.168.1.10,::1, fd00::/8')).toEqual(['10.0.0.0/8', '192.168.1.10', '::1', 'fd00::/8']);
    expect(trustProxy('loopback,uniquelocal')).toEqual(['loopback', 'uniquelocal']);
  });

  it.each([['yes'], ['on'], ['-1'], ['1.5'], ['99'], ['10.0.0.0/33'], ['::1/129'], ['999.1.1.1'], ['10.0.0.1,'], ['proxy.example.com'], ['10.0.0.0/8/1']])(
    'refuses %j at start-up, naming the variable',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );
});

describe('DEFAULT_LOCALE', () => {
  it('is English unless set, takes Italian, and refuses a language Rapport does not ship', () => {
    expect(loadConfig({}).defaultLocale).toBe('en');
    expect(loadConfig({ DEFAULT_LOCALE: 'it' }).defaultLocale).toBe('it');
    expect(() => loadConfig({ DEFAULT_LOCALE: 'fr' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEFAULT_LOCALE: 'it-IT' })).toThrow(/DEFAULT_LOCALE/);
  });
});

describe('LINK_PREVIEW_ALLOW_PRIVATE', () => {
  it('is off unless set to true, and nothing else is taken for it', () => {
    expect(loadConfig({}).linkPreviews.allowPrivate).toBe(false);
    expect(loadConfig({ LINK_PREVIEW_ALLOW_PRIVATE: 'false' }).linkPreviews.allowPrivate).toBe(false);
    expect(loadConfig({ LINK_PREVIEW_ALLOW_PRIVATE: 'true' }).linkPreviews.allowPrivate).toBe(true);
    for (const value of ['yes', '1', 'TRUE ']) expect(() => loadConfig({ LINK_PREVIEW_ALLOW_PRIVATE: value })).toThrow(/LINK_PREVIEW_ALLOW_PRIVATE/);
  });

  it('caps a preview fetch at 5 seconds, 512 KB of a page and 3 redirects', () => {
    expect(loadConfig({}).linkPreviews).toMatchObject({ timeoutMs: 5_000, pageMaxBytes: 512 * 1024, maxRedirects: 3 });
  });
});

describe('DATABASE_REPLICA_URLS', () => {
  const server = { DATABASE_URL: 'postgres://rapport:secret@db.example:5432/rapport' };
  const replicasOf = (env: Record<string, string>) => {
    const { database } = loadConfig(env);
    return database.kind === 'postgres' ? database.replicas : undefined;
  };

  it('is off unless set, and takes comma-separated postgres URLs with a lag limit and a read-your-writes window', () => {
    expect(replicasOf(server)).toBeUndefined();
    expect(replicasOf({ ...server, DATABASE_REPLICA_URLS: ' ' })).toBeUndefined();
    expect(replicasOf({ ...server, DATABASE_REPLICA_URLS: 'postgres://r:pw@replica-1/rapport, postgresql://replica-2:5433/rapport' })).toEqual({
      urls: ['postgres://r:pw@replica-1/rapport', 'postgresql://replica-2:5433/rapport'],
      maxLagMs: 3000,
      checkIntervalMs: 1000,
      readYourWritesMs: 5000,
    });
    expect(replicasOf({ ...server, DATABASE_REPLICA_URLS: 'postgres://replica/rapport', REPLICA_MAX_LAG_MS: '600', READ_YOUR_WRITES_MS: '1000' })).toMatchObject({
      maxLagMs: 600,
      checkIntervalMs: 200,
      readYourWritesMs: 1000,
    });
  });

  it('is refused on the embedded database, which has no replicas', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://replica/rapport' })).toThrow(/DATABASE_REPLICA_URLS: needs DATABASE_URL/);
  });

  it.each([['replica-host:5432'], ['http://replica/rapport'], ['postgres://replica/rapport,'], ['postgres://replica/rapport,,postgres://other/rapport'], ['postgres://']])(
    'refuses %j at start-up, naming the variable',
    (value) => {
      expect(() => loadConfig({ ...server, DATABASE_REPLICA_URLS: value })).toThrow(/DATABASE_REPLICA_URLS: must be comma-separated postgres:\/\//);
    },
  );

  it('names a bad entry by its position, never quoting one: it may hold a password', () => {
    const load = () => loadConfig({ ...server, DATABASE_REPLICA_URLS: 'postgres://u:hunter2@ok/db,mysql://u:hunter2@bad/db' });
    expect(load).toThrow(/not valid: entry 2$/m);
    expect(load).not.toThrow(/hunter2/);
  });

  it('refuses a read-your-writes window shorter than the lag a replica in rotation may have', () => {
    expect(() => loadConfig({ ...server, DATABASE_REPLICA_URLS: 'postgres://replica/rapport', READ_YOUR_WRITES_MS: '2000' })).toThrow(/READ_YOUR_WRITES_MS: must be at least/);
  });
});

describe('DATABASE_STATEMENT_TIMEOUT_MS and DATABASE_ACQUIRE_TIMEOUT_MS', () => {
  const timeoutsOf = (env: Record<string, string>) => {
    const { database } = loadConfig({ DATABASE_URL: 'postgres://db.example/rapport', ...env });
    return database.kind === 'postgres' ? database.timeouts : undefined;
  };

  it('bound a request on a server at 15 s a statement and 5 s for a connection unless set; 0 is no limit', () => {
    expect(timeoutsOf({})).toEqual({ statementMs: 15_000, acquireMs: 5_000 });
    expect(timeoutsOf({ DATABASE_STATEMENT_TIMEOUT_MS: '2000', DATABASE_ACQUIRE_TIMEOUT_MS: '0' })).toEqual({ statementMs: 2_000, acquireMs: 0 });
  });

  it('refuses a negative or fractional wait', () => {
    expect(() => timeoutsOf({ DATABASE_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
    expect(() => timeoutsOf({ DATABASE_ACQUIRE_TIMEOUT_MS: '1.5' })).toThrow(/DATABASE_ACQUIRE_TIMEOUT_MS/);
  });
});

describe('RATE_LIMIT_STORE and REDIS_URL', () => {
  const store = (env: NodeJS.ProcessEnv) => loadConfig(env).rateLimitStore;

  it('defaults to Redis when REDIS_URL is set, the database on a PostgreSQL server, and memory on embedded PGlite', () => {
    expect(store({})).toEqual({ kind: 'memory' });
    expect(store({ DATABASE_URL: 'postgres://db.example/rapport' })).toEqual({ kind: 'postgres' });
    expect(store({ DATABASE_URL: 'postgres://db.example/rapport', REDIS_URL: 'redis://cache:6379' })).toEqual({ kind: 'redis', url: 'redis://cache:6379', prefix: 'rapport:rate-limit:' });
    expect(store({ REDIS_URL: 'rediss://cache:6380/2' })).toEqual({ kind: 'redis', url: 'rediss://cache:6380/2', prefix: 'rapport:rate-limit:' });
  });

  it('takes an explicit choice over the default', () => {
    expect(store({ RATE_LIMIT_STORE: 'memory', DATABASE_URL: 'postgres://db.example/rapport' })).toEqual({ kind: 'memory' });
    expect(store({ RATE_LIMIT_STORE: 'postgres', REDIS_URL: 'redis://cache:6379' })).toEqual({ kind: 'postgres' });
    expect(store({ RATE_LIMIT_STORE: 'postgres' })).toEqual({ kind: 'postgres' });
  });

  it.each([
    [{ RATE_LIMIT_STORE: 'memcached' }, /RATE_LIMIT_STORE: must be memory, postgres or redis/],
    [{ RATE_LIMIT_STORE: 'redis' }, /RATE_LIMIT_STORE: redis needs REDIS_URL/],
    [{ REDIS_URL: 'http://cache:6379' }, /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ REDIS_URL: 'cache:6379' }, /REDIS_URL/],
  ])('refuses %j at start-up, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('JOBS', () => {
  it('runs the job queue unless set off, which needs a PostgreSQL server', () => {
    expect(loadConfig({}).runJobs).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/rapport', JOBS: 'off' }).runJobs).toBe(false);
    expect(() => loadConfig({ JOBS: 'off' })).toThrow(/JOBS: off needs DATABASE_URL/);
    expect(() => loadConfig({ JOBS: 'no' })).toThrow(/JOBS: must be on or off/);
  });
});

describe('DATABASE_POOL_MAX', () => {
  it('sizes the requests\' pool on a server: 10 unless set, at least 1', () => {
    const pool = (env: NodeJS.ProcessEnv) => {
      const db = loadConfig({ DATABASE_URL: 'postgres://db.example/rapport', ...env }).database;
      return db.kind === 'postgres' ? db.poolMax : null;
    };
    expect(pool({})).toBe(10);
    expect(pool({ DATABASE_POOL_MAX: '32' })).toBe(32);
    expect(() => loadConfig({ DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => loadConfig({ DATABASE_POOL_MAX: 'many' })).toThrow(/DATABASE_POOL_MAX/);
  });
});
