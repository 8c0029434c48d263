import i18next from 'i18next';
import ICU from 'i18next-icu';
import { describe, expect, it } from 'vitest';
import enEditProfile from '../../i18n/resources/en/editProfile.ts';
import enProfile from '../../i18n/resources/en/profile.ts';
import itEditProfile from '../../i18n/resources/it/editProfile.ts';
import itProfile from '../../i18n/resources/it/profile.ts';

/** Arguments that ICU formats as numbers (plurals, positions, the strength score). */
const NUMERIC = new Set(['count', 'n', 'score']);

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

/** The arguments a message uses: `{name}`, `{count, plural, …}`. */
const argumentsOf = (message: string) => new Set([...message.matchAll(/\{\s*(\w+)\s*[},]/g)].map((m) => m[1] as string));

async function instance() {
  const errors: string[] = [];
  const parseErrorHandler = (error: Error, key: string) => {
    errors.push(`${key}: ${error.message}`);
    return key;
  };
  const i18n = i18next.createInstance();
  await i18n.use(new ICU({ parseErrorHandler })).init({
    resources: { en: { profile: enProfile, editProfile: enEditProfile }, it: { profile: itProfile, editProfile: itEditProfile } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  return { i18n, errors };
}

describe.each([
  ['profile', enProfile],
  ['editProfile', enEditProfile],
] as const)('the %s messages', (namespace, english) => {
  it('parse as ICU in both languages, and Italian shows every argument English shows', async () => {
    const { i18n, errors } = await instance();
    for (const [key, message] of leaves(english)) {
      const args = argumentsOf(message);
      const values = Object.fromEntries([...args].map((a) => [a, NUMERIC.has(a) ? 7 : `«${a}»`]));
      // Keys read from the files at run time: the typed t would not take them without a cast.
      const format = (lng: string) => (i18n.getFixedT(lng, namespace) as unknown as (key: string, values: object) => string)(key, values);
      const [en, it] = [format('en'), format('it')];
      expect(it, key).not.toBe(key);
      // A plural may only choose the words (no #): what English prints, Italian prints too.
      const shown = (text: string) => [...args].filter((a) => text.includes(NUMERIC.has(a) ? '7' : `«${a}»`));
      expect(shown(it), key).toEqual(shown(en));
    }
    expect(errors).toEqual([]);
  });
});
