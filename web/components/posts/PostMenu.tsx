import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconFlag, IconPencil, IconTrash } from '@tabler/icons-react';

interface Props {
  /** The menu's own label ("More actions for the post by Ana Ruiz"). */
  label: string;
  can: { canEdit: boolean; canDelete: boolean; canReport: boolean };
  words: { edit: string; delete: string; report: string };
  onEdit: () => void;
  onDelete: () => void;
  onReport: () => void;
}

/**
 * Edit, delete and report a post or comment: exactly what the server's abilities allow, and nothing when
 * none. Report opens the report dialog with the item itself, so the operators see it as evidence.
 */
export function PostMenu({ label, can, words, onEdit, onDelete, onReport }: Props) {
  if (!can.canEdit && !can.canDelete && !can.canReport) return null;
  return (
    <Menu position="bottom-end" withArrow>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="md" aria-label={label}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {can.canEdit && (
          <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {words.edit}
          </Menu.Item>
        )}
        {can.canDelete && (
          <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={onDelete}>
            {words.delete}
          </Menu.Item>
        )}
        {can.canReport && (
          <Menu.Item leftSection={<IconFlag size={16} aria-hidden />} onClick={onReport}>
            {words.report}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
