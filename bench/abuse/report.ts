import type { AdversaryResult, DetectionEvent, HonestMessages, HonestResult } from './metrics.ts';

/** The results as markdown tables, for the console and for docs/screening.md. */

const pct = (x: number | null, digits = 1) => (x === null ? '–' : `${(x * 100).toFixed(digits)}%`);
const LABELS: Record<string, string> = {
  bot: '(a) bulk-invite bot',
  cluster: '(b) fake cluster (50 accounts)',
  peddler: '(c) peddler',
  moocher: '(d) moocher',
  pitcher: '(e) connect, then pitch (people invited to be pitched; of the API-accepted: pitches sent)',
};

function detection(e: DetectionEvent | null): string {
  if (!e) return 'never';
  return `${e.attemptsBefore} sent · day ${e.simDay} · ${e.wallSeconds} s wall (${e.how})`;
}

function breakdown(outcomes: Record<string, number>): string {
  return Object.entries(outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`)
    .join(', ');
}

export interface Targets {
  adversaryStopped: boolean;
  honestRestricted: boolean;
  openNetworkerClear: boolean;
}

export function checkTargets(adversaries: AdversaryResult[], honest: HonestResult): Targets & { overallStopped: number | null } {
  const attempts = adversaries.reduce((s, a) => s + a.attempts, 0);
  const reached = adversaries.reduce((s, a) => s + a.reached, 0);
  const overallStopped = attempts ? (attempts - reached) / attempts : null;
  return {
    overallStopped,
    adversaryStopped: adversaries.every((a) => (a.stoppedShare ?? 1) >= 0.95),
    honestRestricted: (honest.restrictedShare ?? 0) <= 0.01,
    openNetworkerClear: (honest.edgeCases.open_networker?.restricted.length ?? 0) === 0,
  };
}

export function markdownReport(
  adversaries: AdversaryResult[],
  honest: HonestResult,
  meta: { members: number; weeks: number; seconds: number },
  messages?: HonestMessages,
): string {
  const t = checkTargets(adversaries, honest);
  const lines: string[] = [];
  lines.push(`Abuse simulation: ${meta.members.toLocaleString('en')} honest members loaded, ${meta.weeks} simulated weeks (adversaries from week 1), ${meta.seconds} s.`);
  lines.push('');
  lines.push('| adversary | attempted (invitations; (e): people it set out to pitch) | reached an inbox (incl. auto-accepted) | stopped before an inbox | of those the API accepted, reached | ended connected | sent before first stop | sent before first flag/restriction |');
  lines.push('|---|---:|---:|---:|---:|---:|---|---|');
  for (const a of adversaries) {
    lines.push(
      `| ${LABELS[a.kind]} | ${a.attempts} | ${a.reached} (${pct(a.reachedShare)}) | ${pct(a.stoppedShare)} | ${pct(a.createdReachedShare)} of ${a.created} | ${a.accepted} | ${detection(a.firstStop)} | ${detection(a.firstFlag)} |`,
    );
  }
  const total = adversaries.reduce((s, a) => s + a.attempts, 0);
  const reached = adversaries.reduce((s, a) => s + a.reached, 0);
  lines.push(`| **all adversaries** | ${total} | ${reached} (${pct(total ? reached / total : null)}) | **${pct(t.overallStopped)}** | | | | |`);
  lines.push('');
  lines.push('Where adversary invitations went:');
  lines.push('');
  for (const a of adversaries) {
    const polite = a.invitations ? `; its invitations: ${a.invitations.attempts} (${breakdown(a.invitations.outcomes)}), ${a.invitations.accepted} ended connected` : '';
    const pitched = a.pitches ? `; its pitches: ${a.pitches.sent} (${breakdown(a.pitches.outcomes) || 'none'})` : '';
    lines.push(`- ${LABELS[a.kind]}: ${breakdown(a.outcomes)}${polite}${pitched}; accounts restricted ${a.accountsRestricted}/${a.accounts}, flagged ${a.accountsFlagged}/${a.accounts}`);
  }
  lines.push('');
  lines.push('Why the invitations that reached an inbox were not stopped (risk on arrival and its reasons):');
  lines.push('');
  for (const a of adversaries) {
    for (const j of a.reachedJudgements) lines.push(`- ${LABELS[a.kind]}: risk ${j.risk} — ${j.reasons.join('; ') || 'no risk reasons'} — ${j.placement}`);
  }
  lines.push('');
  lines.push('| honest members | restricted in any way | incl. invitations put in "Other" by the platform | invitations sent | accepted (of created) |');
  lines.push('|---:|---:|---:|---:|---:|');
  lines.push(
    `| ${honest.members} | ${honest.restricted} (${pct(honest.restrictedShare, 2)}) | ${honest.restrictedOrDemoted} (${pct(honest.restrictedOrDemotedShare, 2)}) | ${honest.invitations.attempts} | ${pct(honest.invitations.acceptedShare)} |`,
  );
  lines.push('');
  lines.push(`Honest restrictions by reason: ${breakdown(honest.reasons) || 'none'}.`);
  lines.push(`Honest invitations: ${breakdown(honest.invitations.outcomes)}; "I don't know" answers ${honest.invitations.dontKnow}.`);
  if (messages) {
    lines.push(`Honest messages to new connections: ${messages.sent} (${breakdown(messages.places) || 'none'}); honest senders flagged for connect-then-pitch: ${messages.pitchFlagged}.`);
  }
  lines.push('');
  lines.push('| honest edge case | invitations | where they went | accepted | restricted |');
  lines.push('|---|---:|---|---:|---|');
  for (const [label, e] of Object.entries(honest.edgeCases)) {
    lines.push(`| ${label.replace(/_/g, ' ')} | ${e.attempts} | ${breakdown(e.outcomes)} | ${e.accepted} | ${e.restricted.length ? e.restricted.join('; ') : 'no'} |`);
  }
  lines.push('');
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  lines.push(
    `Targets: ≥ 95% of each adversary's invitations (connect-then-pitch: people it set out to pitch) stopped before an inbox: ${mark(t.adversaryStopped)}; ≤ 1% of honest members restricted: ${mark(t.honestRestricted)}; open networker never restricted: ${mark(t.openNetworkerClear)}.`,
  );
  return lines.join('\n');
}
