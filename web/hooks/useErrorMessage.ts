import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client.ts';

/**
 * An error's words in the active language, for a component that shows one (errorMessage does the wording).
 * The component re-renders when the language changes; when the server's words are then in another language
 * than the one shown, it suspends while the errors namespace loads, so the error is worded again in the new
 * language instead of staying in the old one. Otherwise the errors namespace is never fetched.
 */
export function useErrorMessage(error: unknown): string | null {
  useTranslation(error instanceof ApiError && error.needsErrorsNamespace ? 'errors' : 'common');
  return error ? errorMessage(error) : null;
}
