import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import { compileNamespace } from './i18n/compile.ts';

/**
 * The build's half of precompiled messages (docs/i18n.md, "Bundle size"): the ICU parser is about a quarter
 * of the language layer's weight, and the browser only ever parses our own, fixed messages, so the build
 * parses them instead.
 *
 * - Each resource module (web/i18n/resources/<language>/<namespace>.ts) is evaluated here and replaced by its
 *   messages compiled (web/i18n/compile.ts). The files themselves stay ICU source text: they are typed,
 *   reviewed and read by tests and the server's checks as they are.
 * - `@formatjs/icu-messageformat-parser` resolves to its `no-parser` entry (FormatJS's documented way):
 *   IntlMessageFormat keeps the element types it formats with, and parsing throws.
 * - The build fails if any chunk still holds the parser, so it cannot creep back through another import.
 *
 * Build only: the dev server keeps the parser and formats source text (web/i18n/icu-format.ts takes both).
 */
const RESOURCE = /[\\/]web[\\/]i18n[\\/]resources[\\/]([A-Za-z-]+)[\\/][A-Za-z]+\.ts$/;
const PARSER = /[\\/]@formatjs[\\/](icu-messageformat-parser[\\/]index\.js|icu-skeleton-parser[\\/])/;
const NO_PARSER = createRequire(import.meta.url).resolve('@formatjs/icu-messageformat-parser/no-parser.js');

export function precompileIcu(): Plugin {
  return {
    name: 'rapport:precompile-icu',
    apply: 'build',
    config: () => ({ resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: NO_PARSER }] } }),
    async load(id) {
      const language = RESOURCE.exec(id)?.[1];
      if (!language) return null;
      // Evaluated rather than read: a namespace may be built from other modules (errors spreads common/i18n/errors).
      const { default: messages } = (await tsImport(pathToFileURL(id).href, import.meta.url)) as { default: object };
      return `export default ${JSON.stringify(compileNamespace(messages, language))};\n`;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const parser = chunk.moduleIds.filter((id) => PARSER.test(id) && (chunk.modules[id]?.renderedLength ?? 0) > 0);
        if (parser.length) {
          this.error(`${chunk.fileName} holds the ICU parser (${parser.join(', ')}): the web formats precompiled messages and must not parse (web/vite-precompile-icu.ts)`);
        }
      }
    },
  };
}
