import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client.ts';
import { hideAppBehindDialogs } from './components/hideBehindDialogs.ts';
import { startI18n } from './i18n/i18n.ts';
import { router } from './routes.tsx';
import { createAppTheme, cssVariablesResolver } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (404, 403) will not fix themselves; only retry network and server failures.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/** Mantine with its own controls' words in the active language: the theme is re-made when the language changes. */
function ThemeProvider({ children }: { children: ReactNode }) {
  // `t` changes with the language (and only then: this re-renders on a language change alone).
  const { t } = useTranslation('common');
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

const root = document.getElementById('root')!;
hideAppBehindDialogs(root);

// The shell's words are loaded before the first paint, so no page shows in one language and then another.
void startI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <ThemeProvider>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ThemeProvider>
    </StrictMode>,
  ),
);
