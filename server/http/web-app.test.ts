import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localisedIndex } from './web-app.ts';

const source = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');

describe('the page before the app starts', () => {
  it("carries the visitor's language, the member's setting and the community's default, and a description in the language", () => {
    const html = localisedIndex(source, { locale: 'it', memberLocale: 'it', defaultLocale: 'en', supported: ['en', 'it'] });
    expect(html).toContain('<html lang="it" data-member-locale="it" data-default-locale="en">');
    expect(html).toContain('<meta name="description" content="Rapport: la rete professionale che la tua comunità gestisce da sé." />');
  });

  it('leaves the member setting empty for a visitor who has none', () => {
    const html = localisedIndex(source, { locale: 'en', memberLocale: null, defaultLocale: 'it', supported: ['en', 'it'] });
    expect(html).toContain('<html lang="en" data-member-locale="" data-default-locale="it">');
    expect(html).toContain('content="Rapport: a professional network your community runs for itself."');
  });
});
