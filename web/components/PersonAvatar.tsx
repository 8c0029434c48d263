import { Avatar, type AvatarProps } from '@mantine/core';

interface Props extends Omit<AvatarProps, 'src' | 'alt' | 'name'> {
  name: string;
  photoUrl: string | null | undefined;
  /** Decorative when the name is printed next to it, so screen readers do not hear it twice. */
  decorative?: boolean;
}

/** A member's photo, or their initials on a tinted disc when they have none. */
export function PersonAvatar({ name, photoUrl, decorative = true, ...rest }: Props) {
  return (
    <Avatar
      src={photoUrl ?? null}
      alt={decorative ? '' : name}
      name={name}
      color="brand"
      variant="light"
      aria-hidden={decorative || undefined}
      {...rest}
    />
  );
}
