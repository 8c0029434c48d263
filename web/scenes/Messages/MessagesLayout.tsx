import { Button, Group, Paper, Title } from '@mantine/core';
import { IconPencilPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { ConversationList } from './ConversationList.tsx';
import classes from './Messages.module.css';

/**
 * Messages: the conversations beside the open one on a wide screen; on a phone, the list at /messages and
 * one conversation at a time. The list stays mounted while conversations change, so it keeps its place.
 * Each pane sets the document title (the open conversation's names, or "Messages").
 */
export function MessagesLayout() {
  // `people` too (degree badges, report and block): loaded with the page, so no pane suspends later and loses what was typed.
  const { t } = useTranslation(['messages', 'people']);
  const { pathname } = useLocation();
  const open = pathname !== '/messages' && pathname !== '/messages/';
  const activeId = Number(/^\/messages\/(\d+)/.exec(pathname)?.[1] ?? 0);
  return (
    <>
      <Group justify="space-between" align="center" mb="md" wrap="wrap" gap="sm">
        <Title order={1} fz="h2">
          {t('page.title')}
        </Title>
        {pathname !== '/messages/new' && (
          <Button component={Link} to="/messages/new" leftSection={<IconPencilPlus size={16} aria-hidden />}>
            {t('page.newMessage')}
          </Button>
        )}
      </Group>
      <div className={classes.panes} data-open={open || undefined}>
        <Paper className={classes.list} p="sm" radius="md">
          <ConversationList activeId={activeId} />
        </Paper>
        <div className={classes.detail}>
          <Outlet />
        </div>
      </div>
    </>
  );
}
