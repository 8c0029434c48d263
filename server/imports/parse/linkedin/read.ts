/**
 * A LinkedIn archive (or some of its CSVs uploaded alone): each known file read by its own reader, Profile.csv
 * first so the owner is known, then the rest; Invitations.csv and messages.csv are folded across both files and
 * emitted last. Files of any other name are the caller's to ignore (never opened).
 */
import type { Readable } from 'node:stream';
import type { ImportLimits } from '../../records.ts';
import type { CountingSink, FileContext } from '../context.ts';
import { readConnections } from './connections.ts';
import type { LinkedInKind } from './headers.ts';
import { InteractionFold, readInvitations, readMessages } from './interactions.ts';
import { readEducation, readPositions, readProfile, readSkills } from './profile.ts';
import { readEndorsements, readNotes, readRecommendations } from './received.ts';

export interface LinkedInFile {
  name: string;
  kind: LinkedInKind;
  open(): Promise<Readable>;
}

type Reader = (bytes: Readable, ctx: FileContext, fold: InteractionFold) => Promise<void>;

const READERS: Record<Exclude<LinkedInKind, 'profile'>, Reader> = {
  connections: readConnections,
  invitations: readInvitations,
  messages: readMessages,
  positions: readPositions,
  education: readEducation,
  skills: readSkills,
  endorsements: readEndorsements,
  recommendations: readRecommendations,
  notes: readNotes,
};

/** Reading order: the owner's profile, then everything else, the interaction files last. */
const ORDER: LinkedInKind[] = ['profile', 'connections', 'positions', 'education', 'skills', 'endorsements', 'recommendations', 'notes', 'invitations', 'messages'];

export async function readLinkedIn(files: LinkedInFile[], sink: CountingSink, limits: ImportLimits): Promise<void> {
  const fold = new InteractionFold();
  const sorted = [...files].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  for (const file of sorted) {
    sink.file(file.name);
    const ctx: FileContext = { file: file.name, limits, sink };
    const bytes = await file.open();
    if (file.kind === 'profile') fold.ownerName ??= await readProfile(bytes, ctx);
    else await READERS[file.kind](bytes, ctx, fold);
  }
  await fold.emit({ sink });
}
