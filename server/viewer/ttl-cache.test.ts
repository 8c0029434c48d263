import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.ts';

describe('TtlCache', () => {
  it('serves a value until its lifetime runs out, then reads again', async () => {
    let now = 1_000;
    let reads = 0;
    const cache = new TtlCache<string, number>(1_000, 10, () => now);
    const load = () => Promise.resolve(++reads);
    expect(await cache.get('a', load)).toBe(1);
    now += 999;
    expect(await cache.get('a', load)).toBe(1);
    now += 1;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('shares one read among concurrent misses', async () => {
    let reads = 0;
    const cache = new TtlCache<string, number>(1_000, 10);
    const load = async () => {
      await new Promise((r) => setTimeout(r, 5));
      return ++reads;
    };
    expect(await Promise.all([cache.get('a', load), cache.get('a', load), cache.get('a', load)])).toEqual([1, 1, 1]);
    expect(reads).toBe(1);
  });

  it('never stores what a read started before an eviction found', async () => {
    const cache = new TtlCache<string, string>(60_000, 10);
    let release!: () => void;
    const slow = cache.get('a', () => new Promise<string>((r) => (release = () => r('old'))));
    cache.forget('a'); // a change committed while the read was on its way
    release();
    expect(await slow).toBe('old'); // the request that read it answers with it…
    expect(cache.peek('a')).toBeUndefined(); // …but the next one reads again
    expect(await cache.get('a', () => Promise.resolve('new'))).toBe('new');
    expect(cache.peek('a')).toBe('new');
  });

  it('drops the least recently used past its size', async () => {
    const cache = new TtlCache<string, string>(60_000, 2);
    await cache.get('a', () => Promise.resolve('a'));
    await cache.get('b', () => Promise.resolve('b'));
    cache.peek('a');
    await cache.get('c', () => Promise.resolve('c'));
    expect([cache.peek('a'), cache.peek('b'), cache.peek('c')]).toEqual(['a', undefined, 'c']);
  });

  it('does not keep a failed read', async () => {
    const cache = new TtlCache<string, string>(60_000, 2);
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', () => Promise.resolve('up'))).toBe('up');
  });
});

describe('TtlCache with refresh', () => {
  it('reads the entries in use again in one batch once half their life is gone, and never serves one older than its lifetime', async () => {
    let now = 0;
    const batches: string[][] = [];
    let version = 1;
    const cache = new TtlCache<string, string>(1_000, 10, () => now, (keys) => {
      batches.push(keys);
      return Promise.resolve(new Map(keys.map((k) => [k, `${k}${version}`])));
    });
    await cache.get('a', () => Promise.resolve('a1'));
    await cache.get('b', () => Promise.resolve('b1'));
    now = 400;
    expect([cache.peek('a'), cache.peek('b')]).toEqual(['a1', 'b1']);
    expect(batches).toEqual([]);
    version = 2;
    now = 600;
    // Still served while the refresh runs…
    expect([cache.peek('a'), cache.peek('b')]).toEqual(['a1', 'b1']);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    // …one batch for both, and the new values live a whole lifetime from now.
    expect(batches).toEqual([['a', 'b']]);
    now = 1_500;
    expect([cache.peek('a'), cache.peek('b')]).toEqual(['a2', 'b2']);
    // An entry nobody reads is not refreshed, and runs out.
    now = 2_700;
    expect(cache.peek('a')).toBeUndefined();
  });
});
