import { type CSSVariablesResolver, type MantineColorsTuple, createTheme } from '@mantine/core';
import type { TFunction } from 'i18next';

// A calm blue; shade 8 carries white text at WCAG AA contrast, so it is the primary shade.
const brand: MantineColorsTuple = [
  '#e7f1ff', '#d0e1fb', '#a1c0f2', '#6e9dea', '#4480e3', '#2a6ddf', '#1c63de', '#0e53c6', '#0049b0', '#003f9c',
];

/**
 * The theme in the active language: Mantine's own controls (the close buttons of dialogs, drawers, alerts
 * and notifications, pagination's arrows) have no words of their own, so they get them here from
 * `common`'s `mantine` group. main.tsx re-creates it when the language changes.
 */
export const createAppTheme = (t: TFunction<'common'>) =>
  createTheme({
    primaryColor: 'brand',
    primaryShade: 8,
    colors: { brand },
    fontFamily:
      'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    defaultRadius: 'md',
    focusRing: 'auto',
    cursorType: 'pointer',
    headings: { fontWeight: '700' },
    components: {
      Paper: { defaultProps: { withBorder: true } },
      // Links inside sentences must not rely on colour alone; standalone links opt back into hover.
      Anchor: { defaultProps: { underline: 'always' } },
      // Mantine's close button is an icon with no name of its own. The dialog's <header> would be a second
      // banner landmark beside the page's (a header is a banner unless inside a sectioning element without a
      // role, and the dialog is a <section role="dialog">): inside a dialog it is only a title bar.
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('mantine.closeDialog') }, attributes: { header: { role: 'none' } } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': t('mantine.closeDialog') } } },
      Alert: { defaultProps: { closeButtonLabel: t('mantine.closeAlert') } },
      Notification: {
        defaultProps: { closeButtonProps: { 'aria-label': t('mantine.dismissNotification') } },
        styles: { description: { color: 'var(--mantine-color-gray-7)' } },
      },
      Pagination: {
        defaultProps: { getControlProps: (control: 'first' | 'previous' | 'next' | 'last') => ({ 'aria-label': t(`mantine.pagination.${control}`) }) },
      },
      // PasswordInput's show/hide toggle stays as Mantine makes it: out of the tab order and hidden from
      // assistive technology (typing is unaffected), so it has no words to translate.
    },
  });

/** Mantine's default dimmed grey is below 4.5:1 on white; use a darker one. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Light and subtle variants print text in the colour's shade 6, too pale on white; use shade 8/9.
    // Red's shade 9 is 4.5:1 on a light red badge in a striped table row, just under; this one is 5.5:1.
    '--mantine-color-red-light-color': '#b02525',
    '--mantine-color-red-text': 'var(--mantine-color-red-9)',
    // Teal's shade 9 is 4.2:1 on a light teal badge in a striped table row; this one is 5.9:1.
    '--mantine-color-teal-light-color': '#066649',
    '--mantine-color-teal-text': 'var(--mantine-color-teal-9)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
    '--mantine-color-orange-light-color': 'var(--mantine-color-orange-9)',
    '--mantine-color-orange-text': 'var(--mantine-color-orange-9)',
    '--mantine-color-yellow-light-color': 'var(--mantine-color-yellow-9)',
    '--mantine-color-yellow-text': 'var(--mantine-color-yellow-9)',
  },
  dark: {},
});
