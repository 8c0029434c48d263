import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en as serverEnglish } from '../i18n/en.ts';
import { it as serverItalian } from '../i18n/it.ts';
import { pseudoResources } from '../../web/i18n/pseudo.ts';

/**
 * Every language has the same keys as English (tsc checks this too; this holds when a file is loaded
 * some other way), every message parses as ICU MessageFormat the way i18next-icu will parse it
 * (`ignoreTag`, so <Trans> placeholders stay text), and a translation uses the same arguments and
 * inline tags as its English source: a renamed `{name}` would print as nothing at run time.
 */

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const TAG = /<\/?([A-Za-z0-9_-]+)\s*\/?>/g;

/** The argument names (with their kind) and inline tags a message uses, sorted. */
function signature(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal) for (const m of el.value.matchAll(TAG)) found.add(`<${m[1]}>`);
      else if (el.type === TYPE.pound) continue;
      else {
        found.add(`${el.value}:${TYPE[el.type]}`);
        if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
        if (el.type === TYPE.tag) walk(el.children);
      }
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...found].sort();
}

function checkPair(english: Tree, translation: Tree) {
  const source = flatten(english);
  const target = flatten(translation);
  expect([...target.keys()].sort()).toEqual([...source.keys()].sort());
  for (const [key, message] of source) {
    const translated = target.get(key);
    expect(() => parse(message, { ignoreTag: true }), `English ${key}`).not.toThrow();
    if (translated === undefined) continue;
    expect(() => parse(translated, { ignoreTag: true }), `translation ${key}: ${translated}`).not.toThrow();
    expect(signature(translated), `arguments of ${key}`).toEqual(signature(message));
  }
}

const WEB = join(import.meta.dirname, '../../web/i18n/resources');
const languages = readdirSync(WEB, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const namespaces = readdirSync(join(WEB, 'en')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
const load = async (language: string, ns: string) => ((await import(join(WEB, language, `${ns}.ts`))) as { default: Tree }).default;

describe('the web messages', () => {
  it('ship English and Italian, with the same namespace files', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'it']));
    for (const language of languages) {
      expect(readdirSync(join(WEB, language)).filter((f) => f.endsWith('.ts')).sort(), language).toEqual(namespaces.map((n) => `${n}.ts`).sort());
    }
  });

  const pairs = languages.filter((l) => l !== 'en').flatMap((language) => namespaces.map((ns) => ({ language, ns })));
  it.each(pairs)('$language/$ns: same keys as English, valid ICU, same arguments', async ({ language, ns }) => {
    checkPair(await load('en', ns), await load(language, ns));
  });

  // The pseudo-locale (web/i18n/pseudo.ts) rewrites every English message: each must still parse, with its arguments.
  it.each(namespaces)('pseudo/%s: valid ICU, same arguments as English', async (ns) => {
    const english = await load('en', ns);
    checkPair(english, pseudoResources(english));
  });
});

describe('the server messages', () => {
  it('it.ts: same keys as en.ts, valid ICU, same arguments', () => {
    checkPair(serverEnglish, serverItalian);
  });
});

describe('the check itself', () => {
  it('catches a renamed argument, a broken plural and a missing key', () => {
    expect(() => checkPair({ a: 'Invite {name}' }, { a: 'Invita {nome}' })).toThrow(/arguments of a/);
    expect(() => checkPair({ a: '{n, plural, one {#} other {#}}' }, { a: '{n, plural, one {#}}' })).toThrow(/translation a/);
    expect(() => checkPair({ a: 'x', b: { c: 'y' } }, { a: 'x' })).toThrow();
    expect(() => checkPair({ a: 'Read <0>this</0>' }, { a: 'Leggi <1>questo</1>' })).toThrow(/arguments of a/);
  });
});
