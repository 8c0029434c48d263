/**
 * The screening and anti-abuse API contract: policies and rules, the evidence on a received invitation,
 * the "ask for context" thread, the invitation allowance, reports, and the operators' moderation queue.
 * Shared by the server (validation and OpenAPI) and the web client.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { AUDIT_ACTIONS, AUDIT_AREAS, CONTENT_KINDS, RESTRICTION_DAYS_MAX } from '../moderation.ts';
import { restrictionView } from './admin.ts';
import { bigId, fieldIssue, handle, reasonView, requiredText, text } from './primitives.ts';
import { personCard } from './search.ts';

export const SCREENING_LIMITS = { rulesMax: 20, ruleLabelMax: 80, messageMax: 500, threadMax: 10, reportDetailsMax: 1000, mutualsMax: 1000 } as const;

/** Every condition present must hold (AND). Absent means "don't care"; at least one must be present. */
export const ruleCondition = z
  .strictObject({
    /** The invitation carries a note. */
    hasNote: z.literal(true).optional(),
    minMutuals: z.number().int().min(1).max(SCREENING_LIMITS.mutualsMax).optional(),
    /** An organisation or school in common, with overlapping years. */
    sharedOrgOrSchool: z.literal(true).optional(),
    minProfileStrength: z.number().int().min(1).max(100).optional(),
    /** The sender at this degree or closer before connecting: 2 means "2nd degree or closer". */
    maxDegree: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    /** The risk score at most this (0–99; 100 would let everything through). */
    maxRisk: z.number().int().min(0).max(99).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), fieldIssue('rule_without_condition'));
export type RuleCondition = z.infer<typeof ruleCondition>;

export const RULE_ACTIONS = ['accept', 'inbox', 'other'] as const;
export const screeningRule = z.strictObject({
  when: ruleCondition,
  then: z.enum(RULE_ACTIONS),
});
export type ScreeningRule = z.infer<typeof screeningRule>;

export const screeningPolicy = z.strictObject({
  /** open: accept all that the platform does not flag; selective: the rules decide; manual: everything waits in the inbox. */
  mode: z.enum(['open', 'selective', 'manual']),
  whoCanInvite: z.enum(['everyone', 'email', 'second_degree']),
  /** Tried in order; the first whose conditions all hold places the invitation. Used in selective mode. */
  rules: z.array(screeningRule).max(SCREENING_LIMITS.rulesMax, { message: `at most ${SCREENING_LIMITS.rulesMax} rules` }),
  /** Where an invitation goes when no rule matches (selective mode). */
  otherwise: z.enum(['inbox', 'other']),
});
export type ScreeningPolicy = z.infer<typeof screeningPolicy>;


export const NOTE_KINDS = ['none', 'short', 'stock', 'template', 'personal'] as const;

export const sharedStint = z.object({ name: z.string(), fromYear: z.number(), toYear: z.number().nullable() });

/** The facts behind a received invitation. Every one is computed from what the recipient may see. */
export const invitationEvidence = z.object({
  degree: z.number().nullable(),
  mutuals: z.object({ count: z.number(), first: z.array(personCard) }),
  shared: z.object({
    organisations: z.array(sharedStint),
    schools: z.array(sharedStint),
    place: z.string().nullable(),
    industry: z.string().nullable(),
  }),
  note: z.object({
    /**
     * none; short: too short to say anything ("hi", "-1", an emoji); stock: a stock text such as LinkedIn's
     * "I'd like to add you to my professional network"; template: nearly the same text as the sender's other
     * recent notes; personal: written for this recipient.
     */
    kind: z.enum(NOTE_KINDS),
    /** How many of the sender's recent notes are nearly identical to this one. */
    similarNotes: z.number(),
  }),
  offers: z.array(z.string()),
  asks: z.array(z.string()),
  profileStrength: z.number(),
  accountAgeDays: z.number(),
  /** The sender's invitations sent in the last 90 days, how many were accepted or answered "I don't know"; rates are over answered ones and null below five answers. */
  history: z.object({
    sent: z.number(),
    accepted: z.number(),
    dontKnow: z.number(),
    acceptanceRate: z.number().nullable(),
    dontKnowRate: z.number().nullable(),
  }),
  /** Open and upheld reports against the sender, by anyone (never who made them). */
  reports: z.number(),
  /** The risk score and the risks behind it, heaviest first. */
  risk: z.object({ score: z.number(), reasons: z.array(reasonView) }),
});
export type InvitationEvidence = z.infer<typeof invitationEvidence>;

export const threadMessage = z.object({ id: z.number(), author: personCard, body: z.string(), createdAt: z.string() });
export type ThreadMessage = z.infer<typeof threadMessage>;
export const threadMessageCreate = z.strictObject({ body: requiredText(SCREENING_LIMITS.messageMax) });

export const allowanceView = z.object({
  trustLevel: z.number(),
  trustLabel: z.string(),
  /** The weekly allowance before reputation: 20 for new or thin accounts, 100 for established ones. */
  base: z.number(),
  weekly: z.number(),
  usedThisWeek: z.number(),
  remaining: z.number(),
  outstanding: z.number(),
  outstandingCap: z.number(),
  /** When the oldest invitation in the window leaves it, if the allowance is used up. */
  nextFreeAt: z.string().nullable(),
  linksAllowed: z.boolean(),
  /** Every adjustment to the base, with its effect: "+50: most of your invitations are accepted". */
  reasons: z.array(reasonView.extend({ delta: z.number() })),
  restrictions: z.array(z.object({ kind: z.string(), reason: z.string(), since: z.string(), until: z.string().nullable() })),
});
export type AllowanceView = z.infer<typeof allowanceView>;

export const REPORT_REASONS = ['spam', 'fake', 'scam', 'harassment', 'other'] as const;
/** What a report may be about besides the member: at most one of these, and it must be theirs. */
const REPORT_SUBJECTS = ['invitationId', 'postId', 'commentId', 'messageId'] as const;
export const reportCreate = z
  .strictObject({
    member: handle,
    /** An invitation they sent you. */
    invitationId: bigId.optional(),
    /** A post of theirs you can see. */
    postId: bigId.optional(),
    /** A comment of theirs you can see. */
    commentId: bigId.optional(),
    /** A message of theirs in a conversation you are in. */
    messageId: bigId.optional(),
    reason: z.enum(REPORT_REASONS),
    details: text(SCREENING_LIMITS.reportDetailsMax).default(''),
  })
  .superRefine((body, ctx) => {
    const named = REPORT_SUBJECTS.filter((k) => body[k] !== undefined);
    // The second one named is the field refused: the first stands.
    if (named.length > 1) ctx.addIssue({ code: 'custom', path: [named[1]!], ...fieldIssue('one_subject') });
  });
export type ReportCreate = z.infer<typeof reportCreate>;

/**
 * A reported post, comment or message as it was when reported, kept with the report: its text, ids and
 * times. `postId` is a comment's post (and a post's own id), `conversationId` a message's conversation.
 */
export const reportedContent = z.object({
  kind: z.enum(CONTENT_KINDS),
  id: z.number(),
  text: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  postId: z.number().nullable(),
  conversationId: z.number().nullable(),
  /** A message's attached link. */
  link: z.string().nullable(),
});
export type ReportedContent = z.infer<typeof reportedContent>;

/** Remove a post, comment or message of anyone's, with the reason its author reads. */
export const contentRemoveBody = z.strictObject({
  kind: z.enum(CONTENT_KINDS),
  id: bigId,
  reason: requiredText(LIMITS.descriptionMax),
});
export const contentRemoved = z.object({
  kind: z.enum(CONTENT_KINDS),
  id: z.number(),
  /** The author's handle. */
  author: z.string(),
  /** Open reports about it, now resolved. */
  reportsResolved: z.number(),
});

export const NOTICE_KINDS = ['warning', 'restriction', 'lifted', 'role', 'removal'] as const;
/**
 * A notice to the member: a `notice.*` code with its parameters, for clients that translate, and `text`,
 * its English rendering (common/reasons.ts lists the codes). `message` is the same English sentence, kept
 * for clients that read it before notices had codes.
 */
export const noticeView = reasonView.extend({
  id: z.number(),
  kind: z.enum(NOTICE_KINDS),
  message: z.string(),
  /** For a restriction with an end: when it ends. */
  endsAt: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const MODERATION_ACTIONS = ['dismiss', 'warn', 'restrict', 'suspend'] as const;
export const moderationActionBody = z.strictObject({ reason: requiredText(LIMITS.descriptionMax) });
export const restrictActionBody = z.strictObject({
  reason: requiredText(LIMITS.descriptionMax),
  days: z.number().int().min(1).max(RESTRICTION_DAYS_MAX).optional(),
});

// ───────────────────────────── Reports, notices and the moderation queue (views) ─────────────────────────────

export const reportCreated = z.object({ id: z.number(), status: z.literal('open') });

export const noticesQuery = z.strictObject({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) });
export const noticesPage = z.object({ items: z.array(noticeView), nextCursor: z.string().nullable(), unread: z.number() });
export type NoticeView = z.infer<typeof noticeView>;

export const moderationQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** One member as the moderation queue shows them: the evidence an operator judges by. */
export const moderationMember = z.object({
  id: z.number(),
  handle: z.string(),
  name: z.string(),
  headline: z.string(),
  role: z.enum(['member', 'admin']),
  status: z.enum(['active', 'suspended', 'deleted']),
  emailDomain: z.string(),
  /** The sign-up's /24 or /48; null for loopback or accounts that did not sign up through the web. */
  signupSubnet: z.string().nullable(),
  accountAgeDays: z.number(),
  profileStrength: z.number(),
  signupRisk: z.number(),
  /** Why the sign-up was scored as it was: `signup.*` codes with parameters and their English `text`. */
  riskReasons: z.array(reasonView),
  restrictions: z.array(restrictionView),
  /** Invitations they sent in the last 90 days, by outcome. */
  invitations: z.object({ sent: z.number(), accepted: z.number(), ignored: z.number(), dontKnow: z.number(), pending: z.number() }),
  openReports: z.array(z.object({ id: z.number(), reason: z.enum(REPORT_REASONS), details: z.string(), createdAt: z.string() })),
  /** Other accounts in a sign-up cluster with them (handles and names, at most 20). */
  relatedAccounts: z.array(z.object({ id: z.number(), handle: z.string(), name: z.string(), status: z.enum(['active', 'suspended', 'deleted']) })),
});
export type ModerationMember = z.infer<typeof moderationMember>;

export const moderationFlagItem = z.object({
  type: z.literal('flag'),
  id: z.number(),
  kind: z.enum(['registration', 'cluster', 'template', 'reputation', 'reports', 'pitch']),
  score: z.number(),
  /** Why it was raised: `signup.*`, `cluster.*` or `flag.*` codes with parameters and their English `text`. */
  reasons: z.array(reasonView),
  createdAt: z.string(),
  members: z.array(moderationMember),
});
export const moderationReportItem = z.object({
  type: z.literal('report'),
  id: z.number(),
  reason: z.enum(REPORT_REASONS),
  details: z.string(),
  invitationId: z.number().nullable(),
  /**
   * The post, comment or message reported, as it was then, and what became of it since: `as_reported`,
   * `edited` (its author changed it) or `gone` (deleted by its author, or removed).
   */
  content: reportedContent.extend({ now: z.enum(['as_reported', 'edited', 'gone']) }).nullable(),
  reporter: z.object({ handle: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  members: z.array(moderationMember),
});
export const moderationItem = z.discriminatedUnion('type', [moderationFlagItem, moderationReportItem]);
export type ModerationItem = z.infer<typeof moderationItem>;
export const moderationPage = z.object({ items: z.array(moderationItem), nextCursor: z.string().nullable() });

export const moderationActionResult = z.object({
  type: z.enum(['flag', 'report']),
  id: z.number(),
  action: z.enum(MODERATION_ACTIONS),
  status: z.enum(['dismissed', 'actioned']),
  members: z.array(z.string()),
});

export const auditQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** One action ("moderation.restrict"), or every action of an area ("moderation."). Anything else is refused. */
  action: z.enum([...AUDIT_ACTIONS, ...AUDIT_AREAS]).optional(),
});
/** A member named in the audit log; null when the account no longer exists. */
const auditPerson = z.object({ id: z.number(), handle: z.string(), name: z.string() });
export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  /** Who did it; null for the platform itself. */
  actor: auditPerson.nullable(),
  action: z.string(),
  /** The member it was done to, when the subject is a member who still exists. */
  subject: auditPerson.nullable(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditPage = z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() });
