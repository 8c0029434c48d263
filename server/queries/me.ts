import type { MeView } from '../../common/schemas/profile.ts';
import type { Actor } from '../auth/actor.ts';
import type { DbOrTx } from '../db/connection.ts';
import { notFound } from '../errors.ts';
import { abilities } from '../policies/index.ts';
import { presentProfile, profileStrength } from '../views/profile.ts';
import { loadProfiles } from './profiles.ts';

/** The signed-in member: their own full profile, private fields, abilities and profile strength. */
export async function loadMe(db: DbOrTx, actor: Actor): Promise<MeView> {
  const [p] = await loadProfiles(db, [actor.id]);
  if (!p) throw notFound('member');
  return {
    id: p.id,
    handle: p.handle,
    email: p.email,
    emailVerified: p.emailVerified,
    role: p.role,
    csrfToken: actor.csrfToken,
    abilities: abilities(actor),
    profile: presentProfile(p, { limited: false, degree: null, mutualCount: null, self: true }),
    birthYear: p.birthYear,
    ageBandShared: p.ageBandShared ?? false,
    visibility: p.visibility,
    whoCanFollow: p.whoCanFollow,
    connectionsVisibility: p.connectionsVisibility,
    locale: p.locale,
    strength: profileStrength(p),
  };
}
