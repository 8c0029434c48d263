import { ApiError } from '../../../api/client.ts';
import type { RuleCondition, ScreeningPolicy, ScreeningRule } from '../../../api/screening.ts';

/**
 * The screening form's model and its conversions. A rule in the form keeps every condition with an "on"
 * switch, so unticking one and ticking it again restores its number; only the ticked ones are sent.
 */
export interface RuleDraft {
  /** A stable React key, so moving a rule moves its inputs with it. */
  key: string;
  hasNote: boolean;
  sharedOrgOrSchool: boolean;
  useMinMutuals: boolean;
  minMutuals: number | string;
  useMinProfileStrength: boolean;
  minProfileStrength: number | string;
  useMaxDegree: boolean;
  maxDegree: '1' | '2' | '3';
  useMaxRisk: boolean;
  maxRisk: number | string;
  then: ScreeningRule['then'];
}

export interface ScreeningDraft {
  mode: ScreeningPolicy['mode'];
  whoCanInvite: ScreeningPolicy['whoCanInvite'];
  otherwise: ScreeningPolicy['otherwise'];
  rules: RuleDraft[];
}

let nextKey = 0;
const newKey = () => `rule-${++nextKey}`;

export function ruleDraft(rule?: ScreeningRule): RuleDraft {
  const w: RuleCondition = rule?.when ?? {};
  return {
    key: newKey(),
    hasNote: w.hasNote === true,
    sharedOrgOrSchool: w.sharedOrgOrSchool === true,
    useMinMutuals: w.minMutuals !== undefined,
    minMutuals: w.minMutuals ?? 2,
    useMinProfileStrength: w.minProfileStrength !== undefined,
    minProfileStrength: w.minProfileStrength ?? 50,
    useMaxDegree: w.maxDegree !== undefined,
    maxDegree: String(w.maxDegree ?? 2) as RuleDraft['maxDegree'],
    useMaxRisk: w.maxRisk !== undefined,
    maxRisk: w.maxRisk ?? 40,
    then: rule?.then ?? 'inbox',
  };
}

export function toDraft(policy: ScreeningPolicy): ScreeningDraft {
  return { mode: policy.mode, whoCanInvite: policy.whoCanInvite, otherwise: policy.otherwise, rules: policy.rules.map(ruleDraft) };
}

/** A number as typed (emptyNumberErrors stops an empty one before it is sent). */
const num = (v: number | string) => (v === '' ? Number.NaN : Number(v));

export function toPolicy(d: ScreeningDraft): ScreeningPolicy {
  return {
    mode: d.mode,
    whoCanInvite: d.whoCanInvite,
    otherwise: d.otherwise,
    rules: d.rules.map((r) => {
      const when: RuleCondition = {};
      if (r.hasNote) when.hasNote = true;
      if (r.useMinMutuals) when.minMutuals = num(r.minMutuals);
      if (r.sharedOrgOrSchool) when.sharedOrgOrSchool = true;
      if (r.useMinProfileStrength) when.minProfileStrength = num(r.minProfileStrength);
      if (r.useMaxDegree) when.maxDegree = Number(r.maxDegree) as 1 | 2 | 3;
      if (r.useMaxRisk) when.maxRisk = num(r.maxRisk);
      return { when, then: r.then };
    }),
  };
}

/** The fields a number may be typed into, as the form and the server name them. */
const NUMBER_FIELDS = ['minMutuals', 'minProfileStrength', 'maxRisk'] as const;
const SWITCH: Record<(typeof NUMBER_FIELDS)[number], keyof RuleDraft> = {
  minMutuals: 'useMinMutuals',
  minProfileStrength: 'useMinProfileStrength',
  maxRisk: 'useMaxRisk',
};

/** The one check made before asking the server: a ticked condition needs its number (`message`, in the reader's language). */
export function emptyNumberErrors(d: ScreeningDraft, message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  d.rules.forEach((r, i) => {
    for (const f of NUMBER_FIELDS) if (r[SWITCH[f]] && (r[f] === '' || Number.isNaN(Number(r[f])))) errors[`rules.${i}.${f}`] = message;
  });
  return errors;
}

/** The paths the form has an input (or, for a whole rule, a message) for. */
const FORM_PATH = /^(mode|whoCanInvite|otherwise|rules)$|^rules\.\d+(\.(hasNote|minMutuals|sharedOrgOrSchool|minProfileStrength|maxDegree|maxRisk|then))?$/;

/** The client's own words in `serverErrors`, in the reader's language: a failure with no message, and a field error with no path. */
export interface ServerErrorWords {
  failed: string;
  request: string;
}

/**
 * The server's problem+json field errors as form paths: "body.rules.0.when.minMutuals" is the field
 * "rules.0.minMutuals", "body.rules.0.when" the rule as a whole. Anything else is returned as text.
 */
export function serverErrors(error: unknown, words: ServerErrorWords): { fields: Record<string, string>; other: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, other: error instanceof Error ? error.message : words.failed };
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const e of error.fieldErrors) {
    const path = e.path.replace(/^body\.?/, '').replace(/^(rules\.\d+)\.when(\.|$)/, '$1$2');
    const message = e.message.charAt(0).toUpperCase() + e.message.slice(1);
    if (FORM_PATH.test(path)) fields[path] = message;
    else other.push(`${path || words.request}: ${e.message}`);
  }
  if (Object.keys(fields).length === 0 && other.length === 0) return { fields, other: error.message };
  return { fields, other: other.length ? `${error.message} ${other.join('; ')}` : null };
}
