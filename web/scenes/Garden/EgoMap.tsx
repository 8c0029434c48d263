import { ActionIcon, Alert, Box, Group, Paper, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconZoomIn, IconZoomOut, IconZoomReset } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EgoMapView } from '../../api/egoMap.ts';
import type { EgoMapDrawing } from './egoMapRenderer.ts';

type State = 'loading' | 'ready' | 'no-webgl' | 'failed';

/** Whether this browser can give sigma a WebGL context (headless browsers and some locked-down ones cannot). */
function hasWebgl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/**
 * The drawing of my ego network (WebGL, through sigma), coloured by cluster, zoomable with the buttons, the
 * wheel and, once focused, the + − 0 keys. Without WebGL, or if drawing fails, it says so and leaves the
 * page to its table (EgoMapTable), which carries the same groups: the page never depends on the canvas.
 */
export function EgoMap({ map, colourOf }: { map: EgoMapView; colourOf: (cluster: number | null) => string }) {
  const { t } = useTranslation('egoMap');
  const container = useRef<HTMLDivElement>(null);
  const drawing = useRef<EgoMapDrawing | null>(null);
  // Asked once, on first render: a canvas context is not free, and the answer does not change.
  const [webgl] = useState(hasWebgl);
  const [drawn, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const state: State = webgl ? drawn : 'no-webgl';
  const keysId = useId();

  useEffect(() => {
    if (!webgl) return;
    let cancelled = false;
    import('./egoMapRenderer.ts')
      .then(({ drawEgoMap }) => {
        if (cancelled || !container.current) return;
        drawing.current = drawEgoMap(container.current, map, colourOf);
        setState('ready');
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
      drawing.current?.kill();
      drawing.current = null;
    };
  }, [map, colourOf, webgl]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const d = drawing.current;
    if (!d) return;
    if (e.key === '+' || e.key === '=') d.zoomIn();
    else if (e.key === '-' || e.key === '_') d.zoomOut();
    else if (e.key === '0') d.reset();
    else return;
    e.preventDefault();
  };

  if (state === 'no-webgl' || state === 'failed') {
    return (
      <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />} mb="md">
        {t(state === 'no-webgl' ? 'map.noWebgl' : 'map.failed')}
      </Alert>
    );
  }
  return (
    <Paper p="md" radius="md" mb="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4">
          {t('map.title')}
        </Title>
        <Group gap="xs">
          <ActionIcon variant="default" aria-label={t('map.zoomIn')} onClick={() => drawing.current?.zoomIn()} disabled={state !== 'ready'}>
            <IconZoomIn size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="default" aria-label={t('map.zoomOut')} onClick={() => drawing.current?.zoomOut()} disabled={state !== 'ready'}>
            <IconZoomOut size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="default" aria-label={t('map.reset')} onClick={() => drawing.current?.reset()} disabled={state !== 'ready'}>
            <IconZoomReset size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <Box
        ref={container}
        tabIndex={0}
        role="group"
        aria-label={t('map.label', { nodes: map.nodes.length, clusters: map.clusters.length })}
        aria-describedby={keysId}
        onKeyDown={onKeyDown}
        h={440}
        pos="relative"
        style={{ borderRadius: 'var(--mantine-radius-sm)', border: '1px solid var(--mantine-color-default-border)' }}
      />
      <Text id={keysId} size="sm" c="dimmed" mt="xs">
        {t('map.keys')}
      </Text>
    </Paper>
  );
}
