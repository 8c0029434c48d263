import type { i18n as I18n } from 'i18next';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReasonFormatter, type RenderableReason, renderReasonWith } from '../../common/i18n/reasons/render.ts';

/**
 * The `reasons` namespace as a formatter for the renderer: i18next's ICU message for a key, or undefined
 * when there is none or it could not be formatted (i18next-icu then returns the message itself, braces and
 * all), so the renderer falls back to the server's English `text`.
 */
export function reasonsFormatter(instance: I18n, language: string): ReasonFormatter {
  const t = instance.getFixedT(language, 'reasons');
  return (key, args) => {
    const source: unknown = instance.getResource(language, 'reasons', key);
    if (typeof source !== 'string') return undefined;
    const text: unknown = t(key as never, { ...args, lng: language });
    return typeof text === 'string' && !(text === source && source.includes('{')) ? text : undefined;
  };
}

/**
 * Renders a reason (a stable code with parameters, common/reasons.ts) in the active language, from the
 * `reasons` namespace (loaded with the first component that calls this; it suspends until then). A code
 * this version does not know shows the server's `text`. Takes a `Reason` (common/reasons.ts) or a reason
 * as the API gives it (its code a string, since a newer server may send codes this client does not know).
 */
export function useReasonText(): (reason: RenderableReason) => string {
  const { i18n } = useTranslation('reasons');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const t = useMemo(() => reasonsFormatter(i18n, language), [i18n, language]);
  return useCallback((reason) => renderReasonWith(t, language, reason), [t, language]);
}
