/** The export's profile sections: the profile itself, positions, education, skills, and the member's settings. */
import { sql } from 'drizzle-orm';
import { WEEKLY_GOAL_DEFAULT } from '../../../common/outreach.ts';
import { rows } from '../../db/connection.ts';
import { type ExportContext, type ExportSection, paged } from './section.ts';

const ts = (column: string) => sql.raw(`to_json(${column})#>>'{}'`);

export const profileSection: ExportSection = {
  kind: 'document',
  name: 'profile',
  about: 'Your profile as you wrote it, with your account details.',
  fields: {
    handle: 'Your handle: your profile is at /in/<handle>.',
    name: 'Your name.',
    email: 'The email address of your account.',
    headline: 'Your headline.',
    about: 'The "About" text of your profile.',
    location: 'Where you are.',
    industry: 'Your industry.',
    function: 'Your function (what you do).',
    careerStage: 'Your career stage (student, early, mid, senior, executive, retired), if given.',
    birthYear: 'Your birth year, if given (private: only ever used for an age band in your own analytics).',
    ageBandShared: 'Whether you let your age band (never the year) count in the age mix of network overviews.',
    links: 'The links on your profile: label and URL.',
    offers: 'What you offer to others.',
    asks: 'What you are looking for.',
    photo: 'The file name of your profile photo in this archive, or null.',
    joinedAt: 'When you joined.',
  },
  document: async (ctx) => {
    const [p] = await rows<Record<string, unknown>>(
      ctx.db,
      sql`SELECT m.handle, p.name, m.email, p.headline, p.about, p.location, p.industry, p.function, p.career_stage AS "careerStage",
                 p.birth_year AS "birthYear", p.age_band_shared AS "ageBandShared", p.links, p.offers, p.asks, ${ts('m.created_at')} AS "joinedAt",
                 (SELECT mime_type FROM member_photos ph WHERE ph.member_id = m.id) AS "photoType"
            FROM members m JOIN profiles p ON p.member_id = m.id WHERE m.id = ${ctx.memberId}`,
    );
    if (!p) return {};
    const { photoType, ...rest } = p;
    return { ...rest, photo: typeof photoType === 'string' ? photoFileName(photoType) : null };
  },
};

export const photoFileName = (mimeType: string): string => `photo.${mimeType.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'bin'}`;

export const positionsSection: ExportSection = {
  kind: 'table',
  name: 'positions',
  about: 'The positions (experience) on your profile, in the order you gave them.',
  fields: {
    organisation: 'The organisation, as you typed it.',
    title: 'Your title there.',
    startDate: 'When you started (yyyy-mm-dd).',
    endDate: 'When you finished (yyyy-mm-dd); empty for a current position.',
    description: 'What you did there.',
  },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT position AS k, organisation_name AS organisation, title, start_date::text AS "startDate", end_date::text AS "endDate", description
                       FROM experiences WHERE member_id = ${ctx.memberId} AND position > ${after} ORDER BY position LIMIT 2000`,
    ),
};

export const educationSection: ExportSection = {
  kind: 'table',
  name: 'education',
  about: 'The education on your profile, in the order you gave it.',
  fields: { school: 'The school, as you typed it.', degree: 'The degree or course.', startYear: 'The year you started.', endYear: 'The year you finished.' },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT position AS k, organisation_name AS school, degree, start_year AS "startYear", end_year AS "endYear"
                       FROM educations WHERE member_id = ${ctx.memberId} AND position > ${after} ORDER BY position LIMIT 2000`,
    ),
};

export const skillsSection: ExportSection = {
  kind: 'table',
  name: 'skills',
  about: 'The skills on your profile, in your order, with how many members endorse each.',
  fields: { name: 'The skill.', endorsements: 'How many members endorse you for it.' },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT ms.position AS k, s.name,
                            (SELECT count(*)::int FROM endorsements e WHERE e.member_id = ms.member_id AND e.skill_id = ms.skill_id) AS endorsements
                       FROM member_skills ms JOIN skills s ON s.id = ms.skill_id
                      WHERE ms.member_id = ${ctx.memberId} AND ms.position > ${after} ORDER BY ms.position LIMIT 2000`,
    ),
};

export const settingsSection: ExportSection = {
  kind: 'document',
  name: 'settings',
  about: 'Your settings: language, who sees your profile and connections, how invitations are screened, who may message you, and which notifications reach you by email.',
  fields: {
    language: 'The language you chose (en, it), or null for your browser\'s.',
    profile: 'Who sees your profile (visibility), who may follow you (whoCanFollow), who sees your connections (connectionsVisibility).',
    screening: 'How invitations to you are screened: mode (open, selective, manual), who may invite you, your rules, and where the rest go.',
    messages: 'Who may message you, by how you are related (accept, filter to requests, drop).',
    emailNotifications: 'The notification kinds you turned on or off for email (the others keep their defaults).',
    outreachWeeklyGoal: 'How many people a week you set out to reach (one person a week; 1 unless you changed it).',
  },
  document: async (ctx: ExportContext) => {
    const [s] = await rows<Record<string, unknown>>(
      ctx.db,
      sql`SELECT m.locale AS language,
                 json_build_object('visibility', p.visibility, 'whoCanFollow', p.who_can_follow, 'connectionsVisibility', p.connections_visibility) AS profile,
                 (SELECT json_build_object('mode', sp.mode, 'whoCanInvite', sp.who_can_invite, 'rules', sp.rules, 'otherwise', sp.otherwise)
                    FROM screening_policies sp WHERE sp.member_id = m.id) AS screening,
                 (SELECT json_build_object('connection', ms.connection, 'second', ms.second, 'thirdPlus', ms.third_plus, 'newAccount', ms.new_account, 'flagged', ms.flagged)
                    FROM message_settings ms WHERE ms.member_id = m.id) AS messages,
                 (SELECT np.email FROM notification_preferences np WHERE np.member_id = m.id) AS "emailNotifications",
                 (SELECT og.weekly_goal FROM outreach_goals og WHERE og.member_id = m.id) AS "outreachWeeklyGoal"
            FROM members m JOIN profiles p ON p.member_id = m.id WHERE m.id = ${ctx.memberId}`,
    );
    return {
      language: s?.language ?? null,
      profile: s?.profile ?? null,
      // No row: the defaults (common/schemas): a manual policy, inviting open to everyone.
      screening: s?.screening ?? { mode: 'manual', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' },
      messages: s?.messages ?? { connection: 'accept', second: 'filter', thirdPlus: 'filter', newAccount: 'filter', flagged: 'filter' },
      emailNotifications: s?.emailNotifications ?? {},
      outreachWeeklyGoal: s?.outreachWeeklyGoal ?? WEEKLY_GOAL_DEFAULT,
    };
  },
};
