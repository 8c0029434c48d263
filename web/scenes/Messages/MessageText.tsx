import { Anchor, Text } from '@mantine/core';
import { useMemo } from 'react';
import { linkify, MEMBER_LINK_REL } from './linkify.ts';

/**
 * A message's text as its sender typed it: line breaks kept, its own direction, web addresses as links that
 * open in a new tab without access to this page. Everything else is plain text (React escapes it), so
 * nothing a member typed becomes markup.
 */
export function MessageText({ text }: { text: string }) {
  const pieces = useMemo(() => linkify(text), [text]);
  return (
    <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {pieces.map((piece, i) =>
        piece.kind === 'text' ? (
          piece.text
        ) : (
          <Anchor key={i} href={piece.href} target="_blank" rel={MEMBER_LINK_REL} underline="always" inherit>
            {piece.text}
          </Anchor>
        ),
      )}
    </Text>
  );
}
