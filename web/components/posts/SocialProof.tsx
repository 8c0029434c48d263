import { Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import type { PostView } from '../../api/posts.ts';

type Proof = NonNullable<PostView['socialProof']>;

const BDI = { bdi: <bdi /> };

/** The arguments of a `post.proof.*` sentence: who is named, how many more, and which of the four shapes that makes. */
export function proofWords(proof: Proof): { shape: 'one' | 'two' | 'oneMore' | 'other'; first: string; second: string; others: number } {
  const [first, second] = proof.people;
  const others = Math.max(0, proof.total - proof.people.length);
  const shape = second ? (others > 0 ? 'other' : 'two') : others > 0 ? 'oneMore' : 'one';
  return { shape, first: first?.name ?? '', second: second?.name ?? '', others };
}

/**
 * A post's social proof in the Top order: "Ana and 3 others from your network reacted". The server names only
 * people the member may see; each name keeps its own direction (<bdi>).
 */
export function SocialProof({ proof }: { proof: Proof }) {
  const { t } = useTranslation('feed');
  if (proof.people.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      <Trans t={t} i18nKey={`post.proof.${proof.action}`} values={proofWords(proof)} components={BDI} />
    </Text>
  );
}
