import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { moderationKeys, noticesApi } from '../api/moderation.ts';
import { useMe } from '../hooks/useMe.ts';
import { DateTime } from './DateTime.tsx';

const TITLES = {
  warning: 'A warning from the operators',
  restriction: 'Your account is restricted',
  lifted: 'Restriction lifted',
  role: 'Your role in this community changed',
} as const;
/**
 * Mantine prints light alerts' titles in shade 8 of their colour, about 3:1 on the tint for orange and
 * less for yellow, below WCAG AA's 4.5:1 (web/theme.ts darkens only red, teal and grey): darker titles.
 */
const TITLE_COLORS = { warning: '#7a5200', restriction: '#b23c03', lifted: undefined, role: undefined } as const;
const COLORS = { warning: 'yellow', restriction: 'orange', lifted: 'teal', role: 'teal' } as const;

/**
 * Unread notices from the operators, above every page for a signed-in member: what was decided about
 * them and why. Each stays until the member marks it read.
 */
export function NoticesBanner() {
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const notices = useQuery({ queryKey: moderationKeys.notices, queryFn: noticesApi.list, enabled: Boolean(me), staleTime: 60_000 });
  const markRead = useMutation({
    mutationFn: noticesApi.markRead,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: moderationKeys.notices }),
  });
  const unread = notices.data?.items.filter((n) => !n.read) ?? [];
  if (!me || unread.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" role="region" aria-label="Notices from the operators">
      {unread.map((n) => (
        <Alert
          key={n.id}
          color={COLORS[n.kind]}
          icon={COLORS[n.kind] === 'teal' ? <IconInfoCircle aria-hidden /> : <IconAlertTriangle aria-hidden />}
          title={TITLES[n.kind]}
          styles={{ title: { color: TITLE_COLORS[n.kind] } }}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm" dir="auto">
              {n.text}
            </Text>
            {n.endsAt && (
              <Text size="sm" fw={600}>
                <DateTime iso={n.endsAt} prefix="Ends " />
              </Text>
            )}
            <Button size="xs" variant="white" color="dark" loading={markRead.isPending && markRead.variables === n.id} onClick={() => markRead.mutate(n.id)}>
              Got it
            </Button>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
