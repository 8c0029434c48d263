import type { UseFormReturnType } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import type { CareerStage, ProfileVisibility } from '../../../common/limits.ts';
import type { MeView, ProfilePatchInput } from '../../api/types.ts';
import { lineError } from '../../hooks/textCheck.ts';

export interface ExperienceValues {
  key: string;
  /** The position's id once saved: sent back so it keeps its recommendations. */
  id?: number;
  organisation: string;
  title: string;
  startDate: string;
  endDate: string;
  current: boolean;
  description: string;
}

export interface EducationValues {
  key: string;
  school: string;
  degree: string;
  startYear: number | string;
  endYear: number | string;
}

export interface ProfileFormValues {
  name: string;
  headline: string;
  about: string;
  location: string;
  industry: string;
  function: string;
  careerStage: string;
  birthYear: number | string;
  ageBandShared: boolean;
  visibility: ProfileVisibility;
  whoCanFollow: MeView['whoCanFollow'];
  connectionsVisibility: MeView['connectionsVisibility'];
  links: { key: string; label: string; url: string }[];
  offers: string[];
  asks: string[];
  skills: string[];
  experience: ExperienceValues[];
  education: EducationValues[];
}

export type ProfileForm = UseFormReturnType<ProfileFormValues>;

export const emptyExperience = (): ExperienceValues => ({
  key: randomId(),
  organisation: '',
  title: '',
  startDate: '',
  endDate: '',
  current: true,
  description: '',
});

export const emptyEducation = (): EducationValues => ({ key: randomId(), school: '', degree: '', startYear: '', endYear: '' });

/** The form starts from what the server has, so saving an untouched form changes nothing. */
export function toFormValues(me: MeView): ProfileFormValues {
  const p = me.profile;
  return {
    name: p.name,
    headline: p.headline,
    about: p.about ?? '',
    location: p.location ?? '',
    industry: p.industry ?? '',
    function: p.function ?? '',
    careerStage: p.careerStage ?? '',
    birthYear: me.birthYear ?? '',
    ageBandShared: me.ageBandShared,
    visibility: me.visibility,
    whoCanFollow: me.whoCanFollow,
    connectionsVisibility: me.connectionsVisibility,
    links: (p.links ?? []).map((l) => ({ key: randomId(), ...l })),
    offers: p.offers ?? [],
    asks: p.asks ?? [],
    skills: p.skills ?? [],
    experience: (p.experience ?? []).map((e) => ({
      key: randomId(),
      id: e.id,
      organisation: e.organisationName,
      title: e.title,
      startDate: e.startDate,
      endDate: e.endDate ?? '',
      current: e.endDate === null,
      description: e.description,
    })),
    education: (p.education ?? []).map((e) => ({
      key: randomId(),
      school: e.schoolName,
      degree: e.degree,
      startYear: e.startYear ?? '',
      endYear: e.endYear ?? '',
    })),
  };
}

const yearOrNull = (v: number | string): number | null => (v === '' || v === null ? null : Number(v));

/** The PATCH body: every field, with the form-only helpers (keys, "current") removed. */
export function toPatch(v: ProfileFormValues): ProfilePatchInput {
  return {
    name: v.name,
    headline: v.headline,
    about: v.about,
    location: v.location,
    industry: v.industry,
    function: v.function,
    careerStage: v.careerStage ? (v.careerStage as CareerStage) : null,
    birthYear: yearOrNull(v.birthYear),
    ageBandShared: v.ageBandShared,
    visibility: v.visibility,
    whoCanFollow: v.whoCanFollow,
    connectionsVisibility: v.connectionsVisibility,
    links: v.links.map(({ label, url }) => ({ label, url })),
    offers: v.offers.filter((s) => s.trim()),
    asks: v.asks.filter((s) => s.trim()),
    skills: v.skills,
    experience: v.experience.map((e) => ({
      ...(e.id !== undefined ? { id: e.id } : {}),
      organisation: e.organisation,
      title: e.title,
      startDate: e.startDate,
      endDate: e.current ? null : e.endDate || null,
      description: e.description,
    })),
    education: v.education.map((e) => ({
      school: e.school,
      degree: e.degree,
      startYear: yearOrNull(e.startYear),
      endYear: yearOrNull(e.endYear),
    })),
  };
}

const MONTH = /^(19|20)\d\d-(0[1-9]|1[0-2])$/;

/**
 * Client checks mirror the server's, so most mistakes are caught before a round trip; the messages are in
 * the reader's language (`t` of the editProfile namespace).
 */
export function profileValidation(t: TFunction<'editProfile'>) {
  return {
    name: (v: string) => lineError(v, t('validation.enterName')),
    headline: (v: string) => lineError(v),
    location: (v: string) => lineError(v),
    experience: {
      organisation: (v: string) => lineError(v, t('validation.enterOrganisation')),
      title: (v: string) => lineError(v, t('validation.enterTitle')),
      startDate: (v: string) => (MONTH.test(v) ? null : t('validation.enterStart')),
      endDate: (v: string, values: ProfileFormValues, path: string) => {
        const index = Number(path.split('.')[1]);
        const item = values.experience[index];
        if (!item || item.current) return null;
        if (!MONTH.test(v)) return t('validation.enterEnd');
        return v < item.startDate ? t('validation.endBeforeStart') : null;
      },
    },
    education: {
      school: (v: string) => lineError(v, t('validation.enterSchool')),
      degree: (v: string) => lineError(v),
    },
    links: {
      label: (v: string) => lineError(v, t('validation.enterLabel')),
      url: (v: string) => (/^https?:\/\/\S+$/.test(v.trim()) ? null : t('validation.enterUrl')),
    },
  };
}
