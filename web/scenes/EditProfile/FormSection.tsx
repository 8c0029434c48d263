import { Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/** A titled card grouping related profile fields; a region so screen readers can jump between them. */
export function FormSection({ id, title, description, children }: { id?: string; title: string; description?: string; children: ReactNode }) {
  // Not derived from the title: a translated title may have no ASCII letters at all (the pseudo-locale's
  // "[Šķîļļš ~~]" made "--heading" for every untitled-by-id section), and ids must stay unique.
  const generated = useId();
  const headingId = `${id ?? generated}-heading`;
  return (
    <Paper component="section" id={id} aria-labelledby={headingId} p={{ base: 'md', sm: 'lg' }} radius="md">
      <Stack gap="md">
        <div>
          <Title order={2} fz="h4" id={headingId}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
