import { Button, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { TAG_COLOURS, type TagColour } from '../../../common/relationships.ts';
import { keys } from '../../api/keys.ts';
import { relationshipsApi, type TagView } from '../../api/relationships.ts';
import { FormError } from '../../components/FormError.tsx';
import { toCadence, useCadenceOptions } from './relationshipWords.tsx';

/** "New tag": a name, a colour from the palette and an optional cadence for everyone who carries it. */
export function NewTagButton({ onCreated }: { onCreated?: (tag: TagView) => void }) {
  const { t } = useTranslation('relationships');
  const client = useQueryClient();
  const cadenceOptions = useCadenceOptions();
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState('');
  const [colour, setColour] = useState<TagColour>('blue');
  const [cadence, setCadence] = useState('');
  const create = useMutation({
    mutationFn: () => relationshipsApi.createTag({ name, colour, cadence: toCadence(cadence) }),
    onSuccess: (tag) => {
      void client.invalidateQueries({ queryKey: keys.relationshipTags });
      setName('');
      setCadence('');
      close();
      onCreated?.(tag);
    },
  });
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={open} style={{ alignSelf: 'flex-start' }}>
        {t('tags.create')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('tags.create')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Stack gap="sm">
            <TextInput label={t('tags.nameLabel')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={LIMITS.tagNameMax} data-autofocus />
            <Select
              label={t('tags.colourLabel')}
              data={TAG_COLOURS.map((c) => ({ value: c, label: t(`tags.colours.${c}`) }))}
              value={colour}
              onChange={(v) => v && setColour(v as TagColour)}
              allowDeselect={false}
            />
            <Select label={t('tags.cadenceLabel')} data={cadenceOptions} value={cadence} onChange={(v) => setCadence(v ?? '')} allowDeselect={false} />
            <FormError error={create.error} />
            <Button type="submit" loading={create.isPending}>
              {t('tags.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
