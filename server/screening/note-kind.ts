/**
 * What kind of note an invitation carries, from its words alone: none, too short to say anything
 * ("-1", ".", "hi", an emoji), a stock text (LinkedIn's "I'd like to add you to my professional network"
 * and its translations, "Let's connect!"), or personal: words written for this person. Whether a note is a
 * template (the same sender's copy-paste) is decided from their other notes (template.ts); the evidence
 * combines the two (evidence.ts). Pure, so every phrase can be tested.
 *
 * Greetings, sign-offs, both members' names and stock phrases say nothing about why the sender writes, so
 * they are taken out first; what remains has to be at least a few words for the note to count as personal.
 */

export type WrittenKind = 'none' | 'short' | 'stock' | 'personal';
/** As the recipient sees it labelled: a note of the sender's own words copied to many is a template. */
export type NoteKind = WrittenKind | 'template';

/** Near-copies of this many of the sender's other recent notes make a note a template (template.ts). */
export const TEMPLATE_MIN_MATCHES = 2;

/**
 * The label: a template when the sender wrote nearly the same text to others recently, unless there is
 * nothing to copy (no note, or one too short to say anything).
 */
export const noteKindOf = (written: WrittenKind, similarNotes: number): NoteKind =>
  written !== 'none' && written !== 'short' && similarNotes >= TEMPLATE_MIN_MATCHES ? 'template' : written;

/** What remains after the boilerplate must have this many words and letters to say something. */
const MIN_WORDS = 2;
const MIN_LETTERS = 8;

/**
 * Stock invitation texts and networking boilerplate, matched on the normalised note (lower case, accents
 * dropped, one kind of apostrophe). LinkedIn's defaults in the languages the community is likeliest to
 * use, and the phrases people paste around them. Each one is removed; if nothing personal remains, the
 * note is stock.
 */
const STOCK_PHRASES: RegExp[] = [
  // English: "I'd like to add you to my professional network (on LinkedIn)", "…join your LinkedIn network".
  /\b(?:i'?d|i would|i want to|i wish to|i'?d really|i would really)? ?(?:like |love )?(?:to )?(?:add|invite) you (?:to|into) (?:join )?my (?:professional |linkedin |online |business )?network\b/g,
  /\b(?:i'?d|i would|i want to|i wish to)? ?(?:like |love )?(?:to )?(?:join|be part of) (?:your|my) (?:professional |linkedin |online |business )?network\b/g,
  /\b(?:i'?d|i would|i want to|i wish to)? ?(?:like |love )?(?:to )?(?:expand|grow|extend) my (?:professional |linkedin |online |business )?network\b/g,
  /\b(?:i'?d|i would|i want to|i wish to)? ?(?:like |love )?(?:to )?connect with you\b/g,
  /\b(?:i'?d|i would) (?:like|love) to connect\b/g,
  /\blet'?s (?:get )?connect(?:ed)?\b/g,
  /\blet us connect\b/g,
  /\bplease accept my (?:invitation|request)(?: to connect)?\b/g,
  /\b(?:it )?(?:would|will) be (?:great|nice|good|a pleasure) to (?:connect|be connected|have you in my network)\b/g,
  /\blooking forward to (?:connecting|being connected)(?: with you)?\b/g,
  /\b(?:and )?grow (?:together|our networks?)\b/g,
  // Italian: "Vorrei aggiungerti alla mia rete professionale su LinkedIn".
  /\b(?:vorrei|mi piacerebbe|desidero) (?:aggiungerti|aggiungerla|aggiungervi|invitarti|invitarla) (?:alla|nella|a far parte della) mia rete(?: professionale)?\b/g,
  /\b(?:vorrei|mi piacerebbe) (?:entrare (?:a far parte )?(?:della|nella) tua rete|collegarmi con te)\b/g,
  // German: "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen".
  /\b(?:ich )?(?:mochte|wurde|will) (?:sie|dich|euch) (?:gerne? )?(?:zu|in) mein(?:em)? (?:beruflichen |professionellen )?netzwerk (?:auf linkedin )?(?:hinzufugen|aufnehmen|einladen)\b/g,
  // French: "J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne".
  /\b(?:j'?aimerais|je voudrais|je souhaite|je souhaiterais) (?:vous|te) inviter a rejoindre mon reseau(?: professionnel)?(?: en ligne)?\b/g,
  /\b(?:j'?aimerais|je voudrais|je souhaite|je souhaiterais) (?:vous |t'?)ajouter a mon reseau(?: professionnel)?\b/g,
  // Spanish: "Me gustaría añadirte a mi red profesional de LinkedIn".
  /\bme gustaria (?:anadirte|agregarte|anadirle|agregarle|invitarte) a mi red(?: profesional)?\b/g,
  // Portuguese: "Gostaria de adicioná-lo à minha rede profissional no LinkedIn".
  /\bgostaria de (?:adiciona-lo|adiciona-la|adicionar voce|te adicionar|inclui-lo|inclui-la) (?:a|na|em) minha rede(?: profissional)?\b/g,
  // Dutch: "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn".
  /\bik (?:wil|zou) (?:je|u) graag (?:toevoegen aan|uitnodigen voor) mijn (?:professionele )?netwerk\b/g,
];

/** Naming the site is neither stock nor content: "… on LinkedIn" in the languages above. */
const SITE = /\b(?:(?:on|via|su|auf|sur(?: le site)?|en|de|no|op) )?linkedin\b/g;

/** Openers and closers in the same languages: they frame a note but are not its content. */
const FRAMING = [
  /\b(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening)|ciao|salve|buongiorno|hallo|guten tag|liebe|lieber|bonjour|salut|hola|buenos dias|ola|oi|hej|hoi|moin)\b/g,
  /\b(?:thank you(?: (?:very|so) much)?|thanks(?: (?:a lot|so much|again))?|thx|(?:best|kind|warm|warmest|many) regards|regards|best wishes|all the best|best|cheers|sincerely|grazie(?: mille)?|cordiali saluti|saluti|danke(?: schon)?|viele gru(?:ss|ß|s)e|mit freundlichen gru(?:ss|ß|s)en|merci(?: beaucoup)?|cordialement|gracias|saludos|obrigad[oa]|groeten|pozdrawiam)\b/g,
];

const normalise = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Scripts written without spaces between words: each character carries more than a Latin letter does. */
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Whether the words left say anything: at least two words and a few letters, counting dense scripts fairly. */
function saysSomething(text: string): boolean {
  const dense = (text.match(DENSE_SCRIPT) ?? []).length;
  const rest = text.replace(DENSE_SCRIPT, ' ');
  const words = rest.match(/\p{L}+(?:['-]\p{L}+)*/gu) ?? [];
  const letters = words.reduce((n, w) => n + (w.match(/\p{L}/gu) ?? []).length, 0) + dense * 3;
  return words.length + Math.floor(dense / 2) >= MIN_WORDS && letters >= MIN_LETTERS;
}

/**
 * Classified notes, by note and names: a page of received invitations is read again and again, and the
 * regular expressions below cost tens of microseconds a note. Bounded; emptied when full.
 */
const classified = new Map<string, WrittenKind>();
const CLASSIFIED_MAX = 10_000;

/**
 * The kind of a note from its words. `names` are the two members' names (either may be quoted in a
 * greeting or a signature); they do not count as content.
 */
export function classifyNote(note: string, names: readonly string[] = []): WrittenKind {
  const key = `${names.join('\u0001')}\u0000${note}`;
  let kind = classified.get(key);
  if (kind === undefined) {
    if (classified.size >= CLASSIFIED_MAX) classified.clear();
    kind = classifyText(note, names);
    classified.set(key, kind);
  }
  return kind;
}

function classifyText(note: string, names: readonly string[]): WrittenKind {
  if (note.trim() === '') return 'none';
  let text = normalise(note);
  for (const name of names) {
    for (const part of normalise(name).split(/\s+/).filter((p) => p.length > 1)) text = text.replace(new RegExp(`(?<!\\p{L})${escape(part)}(?!\\p{L})`, 'gu'), ' ');
  }
  let stock = false;
  for (const phrase of STOCK_PHRASES) {
    const without = text.replace(phrase, ' ');
    if (without !== text) stock = true;
    text = without;
  }
  text = text.replace(SITE, ' ');
  for (const frame of FRAMING) text = text.replace(frame, ' ');
  if (saysSomething(text)) return 'personal';
  return stock ? 'stock' : 'short';
}
