import { Anchor, Text, type TextProps } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { textPieces } from '../../../common/post-text.ts';

interface Props extends Pick<TextProps, 'size'> {
  text: string;
  /** The handles the server resolved when the text was saved: only these @mentions become links. */
  mentions: readonly { handle: string }[];
}

export const topicPath = (topic: string) => `/topics/${encodeURIComponent(topic)}`;

/**
 * A post's or comment's text as its author typed it: line breaks kept, each paragraph in its own
 * direction, resolved @mentions linked to the profile and #topics to their page. Everything else is
 * plain text (React escapes it), so nothing a member typed becomes markup.
 */
export function PostText({ text, mentions, size = 'sm' }: Props) {
  const pieces = useMemo(() => textPieces(text, new Set(mentions.map((m) => m.handle))), [text, mentions]);
  return (
    <Text size={size} dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {pieces.map((piece, i) =>
        piece.kind === 'text' ? (
          piece.text
        ) : (
          <Anchor key={i} component={Link} to={piece.kind === 'mention' ? `/in/${piece.handle}` : topicPath(piece.topic)} underline="hover" fw={600} inherit>
            {piece.text}
          </Anchor>
        ),
      )}
    </Text>
  );
}
