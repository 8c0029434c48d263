import type english from '../en/outreach.ts';
import type { Messages } from '../messages.ts';

/** Una persona a settimana: l'obiettivo settimanale, la serie, l'anno, i suggerimenti della settimana e il compositore. */
const outreach: Messages<typeof english> = {
  title: 'Una persona a settimana',
  description: 'Contatta qualcuno ogni settimana: un legame dormiente, qualcuno che allargherebbe la tua rete, qualcuno che ammiri. Solo tu vedi questa pagina.',
  loading: 'Caricamento dei tuoi contatti…',
  goal: {
    title: 'Il tuo obiettivo settimanale',
    label: 'Persone da contattare ogni settimana',
    hint: 'Da 1 a {max}. Conta un messaggio a chi non scrivi da 12 settimane, un invito con una nota o una richiesta di presentazione.',
    save: 'Salva obiettivo',
    saved: 'Obiettivo settimanale salvato.',
  },
  progress: {
    thisWeek: '{count} su {goal} questa settimana',
    met: 'Obiettivo raggiunto questa settimana. Ben fatto.',
    streak: '{count, plural, =0 {Nessuna serie ancora} one {# settimana di fila} other {# settimane di fila}}',
  },
  year: {
    title: 'Il tuo anno',
    squares: 'Le ultime 52 settimane, un quadrato ciascuna',
    square: '{week}: {count, plural, =0 {nessuna persona contattata} one {# persona contattata} other {# persone contattate}}, {met, select, true {obiettivo raggiunto} other {obiettivo non raggiunto}}',
    showTable: 'Mostra come tabella',
    showSquares: 'Nascondi la tabella',
    caption: 'Persone contattate ogni settimana, ultime 52 settimane',
    week: 'Settimana',
    starting: 'Dal',
    count: 'Persone contattate',
    goalMet: 'Obiettivo raggiunto',
    yes: 'Sì',
    no: 'No',
  },
  suggestions: {
    title: 'I suggerimenti della settimana',
    empty: 'Ancora nessun suggerimento questa settimana. Man mano che la tua rete cresce, qui troverai qualcuno ogni settimana.',
    reachOut: 'Contatta',
    reachOutLabel: 'Contatta {name}',
    reached: 'Contattato questa settimana',
    reasons: {
      admired: 'Nella tua lista di persone che ammiri',
      dormant_tie: '{weeks, plural, one {# settimana} other {# settimane}} dall’ultimo contatto; volevi sentirvi ogni {cadenceDays} giorni',
      diverse_weak_tie:
        '{dimension, select, industry {Lavora nel settore {value}} function {Lavora in {value}} career_stage {In un’altra fase della carriera ({value})} other {Vive a {value}}}: pochi dei tuoi collegamenti. {mutualCount, plural, one {# collegamento in comune} other {# collegamenti in comune}}',
    },
  },
  composer: {
    title: 'Contatta <bdi>{name}</bdi>',
    intro: 'Poche parole tue valgono più di qualsiasi modello.',
    admire: 'Che cosa ammiri del suo lavoro?',
    admireHint: 'Sii preciso: un post, un progetto, un intervento.',
    note: 'La tua nota',
    length: '{length}/{max} caratteri',
    recentPost: 'Il suo ultimo post, a cui fare riferimento',
    noPost: 'Non ha ancora pubblicato nulla.',
    sendMessage: 'Invia messaggio',
    sendInvitation: 'Invia invito',
    sent: 'Inviato a <bdi>{name}</bdi>. Conta per questa settimana.',
  },
};

export default outreach;
