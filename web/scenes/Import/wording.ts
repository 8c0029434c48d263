import { useTranslation } from 'react-i18next';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Words for the codes the server's report carries (server/imports/parse: per-line issues, and the fatal
 * error). The codes are open-ended strings in the API, so an unknown one (a newer server) falls back to the
 * raw code rather than to a blank or a missing-key marker.
 */
export function useImportWords() {
  const { t: typed, i18n } = useTranslation('imports');
  const t = typed as unknown as Translate;
  const word = (group: 'issues' | 'failure.codes', code: string) => (i18n.exists(`${group}.${code}`, { ns: 'imports' }) ? t(`${group}.${code}`) : code);
  return {
    issue: (code: string) => word('issues', code),
    failure: (code: string) => word('failure.codes', code),
    /** Records of a kind in the report ("12 contacts"): worded when the kind is known, else "kind: 12". */
    records: (kind: string, count: number) => (i18n.exists(`report.kinds.${kind}`, { ns: 'imports' }) ? t(`report.kinds.${kind}`, { count }) : t('report.records', { kind, count })),
  };
}
