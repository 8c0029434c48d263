import { Avatar, type AvatarProps } from '@mantine/core';
import { initials } from './initials.ts';

interface Props extends Omit<AvatarProps, 'src' | 'alt' | 'name' | 'children'> {
  name: string;
  photoUrl: string | null | undefined;
  /** Decorative when the name is printed next to it, so screen readers do not hear it twice. */
  decorative?: boolean;
}

/** A member's photo, or their initials (taken by grapheme: an emoji never splits) on a tinted disc. */
export function PersonAvatar({ name, photoUrl, decorative = true, ...rest }: Props) {
  return (
    <Avatar
      src={photoUrl ?? null}
      alt={decorative ? '' : name}
      color="brand"
      variant="light"
      aria-hidden={decorative || undefined}
      {...rest}
    >
      {initials(name)}
    </Avatar>
  );
}
