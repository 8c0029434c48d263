import type { i18n as I18n } from 'i18next';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReasonFormatter, type RenderableReason, renderReasonWith } from '../../common/i18n/reasons/render.ts';
import { type CompiledMessage, formatMessage } from './icu-format.ts';

/**
 * The `reasons` namespace as a formatter for the renderer: the ICU message for a key, formatted as t()
 * formats it, or undefined when there is none or it could not be formatted (a parameter it needs is
 * missing), so the renderer falls back to the server's English `text`. Formatted here rather than through
 * t(), which would show a failed message in place of the fallback.
 */
export function reasonsFormatter(instance: I18n, language: string): ReasonFormatter {
  return (key, args) => {
    const message: unknown = instance.getResource(language, 'reasons', key);
    // A message is text or compiled elements; a group of keys (an object) is not one.
    if (typeof message !== 'string' && !Array.isArray(message)) return undefined;
    try {
      const text = formatMessage(message as CompiledMessage, language, args);
      return typeof text === 'string' ? text : undefined;
    } catch {
      return undefined;
    }
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
