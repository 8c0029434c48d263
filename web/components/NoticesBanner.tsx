import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { NoticeView } from '../../common/schemas/screening.ts';
import { moderationKeys, noticesApi } from '../api/moderation.ts';
import { useMe } from '../hooks/useMe.ts';
import { useFormat } from '../i18n/format.ts';
import { useReasonText } from '../i18n/reasons.ts';

/**
 * Mantine prints light alerts' titles in shade 8 of their colour, about 3:1 on the tint for orange and
 * less for yellow, below WCAG AA's 4.5:1 (web/theme.ts darkens only red, teal and grey): darker titles.
 */
const TITLE_COLORS = { warning: '#7a5200', restriction: '#b23c03', lifted: undefined, role: undefined, removal: '#7a5200' } as const;
const COLORS = { warning: 'yellow', restriction: 'orange', lifted: 'teal', role: 'teal', removal: 'yellow' } as const;

/**
 * Unread notices from the operators, above every page for a signed-in member: what was decided about
 * them and why, in the member's language (worded from the notice's code). Each stays until the member
 * marks it read.
 */
export function NoticesBanner() {
  const { data: me } = useMe();
  const notices = useQuery({ queryKey: moderationKeys.notices, queryFn: noticesApi.list, enabled: Boolean(me), staleTime: 60_000 });
  const unread = notices.data?.items.filter((n) => !n.read) ?? [];
  if (!me || unread.length === 0) return null;
  // The banner sits outside the page's <Suspense>: its words load here, without blanking the page meanwhile.
  return (
    <Suspense fallback={null}>
      <Notices unread={unread} />
    </Suspense>
  );
}

function Notices({ unread }: { unread: NoticeView[] }) {
  const { t } = useTranslation('reasons');
  const reasonText = useReasonText();
  const format = useFormat();
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: noticesApi.markRead,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: moderationKeys.notices }),
  });
  return (
    <Stack gap="xs" mb="md" role="region" aria-label={t('notices.region')}>
      {unread.map((n) => (
        <Alert
          key={n.id}
          color={COLORS[n.kind]}
          icon={COLORS[n.kind] === 'teal' ? <IconInfoCircle aria-hidden /> : <IconAlertTriangle aria-hidden />}
          title={t(`notices.title.${n.kind}`)}
          styles={{ title: { color: TITLE_COLORS[n.kind] } }}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm" dir="auto">
              {reasonText(n)}
            </Text>
            {n.endsAt && (
              <Text size="sm" fw={600}>
                <Trans
                  t={t}
                  i18nKey="notices.ends"
                  values={{ date: format.dateTime(n.endsAt) }}
                  components={{ time: <time dateTime={n.endsAt} /> }}
                />
              </Text>
            )}
            <Button size="xs" variant="white" color="dark" loading={markRead.isPending && markRead.variables === n.id} onClick={() => markRead.mutate(n.id)}>
              {t('notices.gotIt')}
            </Button>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
