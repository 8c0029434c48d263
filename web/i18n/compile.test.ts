import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { type Compiled, compileNamespace } from './compile.ts';
import { type CompiledMessage, formatMessage, isPlainText, unformatted } from './icu-format.ts';
import { pseudoResources } from './pseudo.ts';

/**
 * The build compiles the resource files (web/vite-precompile-icu.ts) and the browser formats what it
 * compiled; tests, the dev server and e2e's words format the source text. Both must give the same words,
 * for every message of every namespace, in every language and in the pseudo-locale.
 */
const resources = import.meta.glob<{ default: object }>('./resources/*/*.ts', { eager: true });

/** A namespace's messages by dotted key: source text (strings) or compiled (strings and element arrays). */
function leaves<T extends CompiledMessage>(tree: object, prefix = ''): [string, T][] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' || Array.isArray(value) ? [[path, value as T] as [string, T]] : leaves<T>(value as object, path);
  });
}

/** Values that reach every branch a few ways: each plural with 0, 1, 2 and 14, each select with each of its keys. */
function samples(message: string): Record<string, unknown>[] {
  const args = new Map<string, MessageFormatElement>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      args.set(el.value, el);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(isPlainText(message) ? [] : parse(message, { ignoreTag: true }));
  return [0, 1, 2, 3].map((i) =>
    Object.fromEntries(
      [...args].map(([name, el]) => {
        if (el.type === TYPE.plural || el.type === TYPE.number) return [name, [0, 1, 2, 14][i]];
        if (el.type === TYPE.select) {
          const keys = Object.keys(el.options);
          return [name, keys[i % keys.length]];
        }
        if (el.type === TYPE.date || el.type === TYPE.time) return [name, new Date(Date.UTC(2027, 0, 4, 12))];
        return [name, `‹${name}›`];
      }),
    ),
  );
}

/** What the browser gets: compiled, then through JSON (the plugin writes the module as JSON). */
const built = (messages: object, language: string): Compiled => JSON.parse(JSON.stringify(compileNamespace(messages, language))) as Compiled;

const files = Object.entries(resources).map(([path, module]) => {
  const [, language, ns] = /\.\/resources\/([^/]+)\/([^/]+)\.ts$/.exec(path)!;
  return { language: language!, ns: ns!, messages: module.default };
});

describe('precompiled messages', () => {
  it.each(files)('$language/$ns: the compiled messages format as their source text', ({ language, messages }) => {
    const compiled = new Map(leaves(built(messages, language)));
    for (const [key, source] of leaves<string>(messages)) {
      const message = compiled.get(key)!;
      for (const values of samples(source)) {
        expect(formatMessage(message, language, values), `${key} ${JSON.stringify(values)}`).toEqual(formatMessage(source, language, values));
      }
    }
  });

  it.each(files.filter((f) => f.language === 'en'))('en-XA/$ns: the pseudo-locale of the compiled English formats as the one of its source', ({ ns, messages }) => {
    const fromSource = new Map(leaves<string>(pseudoResources(messages)));
    for (const [key, message] of leaves(pseudoResources(built(messages, 'en')))) {
      for (const values of samples(fromSource.get(key)!)) {
        expect(formatMessage(message, 'en-XA', values), `${ns}:${key}`).toEqual(formatMessage(fromSource.get(key)!, 'en-XA', values));
      }
    }
  });

  it('keeps plain text as text: it parses to itself', () => {
    for (const { messages } of files) {
      for (const [, source] of leaves<string>(messages).filter(([, m]) => isPlainText(m))) {
        expect(parse(source, { ignoreTag: true })).toEqual(source ? [{ type: TYPE.literal, value: source }] : []);
      }
    }
    expect(isPlainText("Don't")).toBe(false);
    expect(isPlainText('# of <0>people</0>')).toBe(true);
  });

  it('names the key of a message that does not parse, and shows a message it cannot format with its arguments in braces', () => {
    expect(() => compileNamespace({ a: { b: 'Hi {name' } }, 'en')).toThrow(/^a\.b: not ICU MessageFormat/);
    const compiled = compileNamespace({ m: 'Hi {name}, {n, plural, one {# invite} other {# invites}}' }, 'en').m as CompiledMessage;
    expect(() => formatMessage(compiled, 'en', {})).toThrow();
    expect(unformatted(compiled)).toBe('Hi {name}, {n}');
  });
});
