import type english from '../en/notifications.ts';
import type { Messages } from '../messages.ts';

/** Notifiche: la campanella, la sua pagina e una frase per tipo. */
const notifications: Messages<typeof english> = {
  title: 'Notifiche',
  description: 'Cosa succede nella tua rete: inviti, accettazioni e altro man mano che la conversazione cresce.',
  list: 'Notifiche',
  loading: 'Caricamento delle notifiche…',
  unread: 'Da leggere',
  empty: {
    title: 'Ancora niente di nuovo',
    body: 'Quando qualcuno ti invita, accetta il tuo invito o ti risponde, lo vedrai qui.',
    action: 'Trova persone che potresti conoscere',
  },
  settings: {
    title: 'Notifiche via email',
    intro: 'Scegli cosa ricevere anche via email. Tutto resta comunque sotto la campanella.',
    loading: 'Caricamento delle tue scelte email…',
    saved: 'Scelte email salvate.',
    kinds: {
      invitation_received: 'Qualcuno mi invita a collegarmi',
      invitation_accepted: 'Qualcuno accetta il mio invito',
      connected_automatically: 'La mia impostazione di inviti aperta accetta qualcuno',
      comment: 'Qualcuno commenta un mio post',
      reply: 'Qualcuno risponde a un mio commento',
      mention: 'Qualcuno mi menziona',
      reaction: 'Qualcuno reagisce a un mio post o commento',
      repost: 'Qualcuno diffonde un mio post',
      endorsement: 'Qualcuno conferma le mie competenze',
      recommendation_requested: 'Un collegamento mi chiede una referenza',
      recommendation_written: 'Un collegamento scrive una referenza per me',
      recommendation_approved: 'Qualcuno approva una referenza che ho scritto',
      digest: 'Un riepilogo settimanale della mia rete quando non visito Rapport da una settimana',
    },
  },
  unsubscribe: {
    title: 'Notifiche via email',
    loading: 'Verifica del link…',
    invalid: 'Questo link per annullare l’iscrizione è incompleto. Scegli quali email ricevere nelle Impostazioni.',
    question: 'Non vuoi più ricevere email quando: {what}?',
    questionDigest: 'Non vuoi più ricevere il riepilogo settimanale della tua rete?',
    confirm: 'Interrompi queste email',
    doneTitle: 'Fatto',
    done: 'Non riceverai più queste email. Le vedrai comunque sotto la campanella.',
    doneDigest: 'Non riceverai più il riepilogo settimanale.',
    settings: 'Scegli quali email ricevere nelle Impostazioni',
  },
  kinds: {
    invitation_received: '<bdi>{name}</bdi> ti ha invitato a collegarti',
    invitation_accepted: '<bdi>{name}</bdi> ha accettato il tuo invito. Ora siete collegati.',
    connected_automatically: '<bdi>{name}</bdi> ora è un tuo collegamento: la tua impostazione di inviti aperta ha accettato il suo invito.',
    comment:
      '{others, plural, =0 {<bdi>{name}</bdi> ha commentato il tuo post} one {<bdi>{name}</bdi> e un’altra persona hanno commentato il tuo post} other {<bdi>{name}</bdi> e altre # persone hanno commentato il tuo post}}',
    reply:
      '{others, plural, =0 {<bdi>{name}</bdi> ha risposto al tuo commento} one {<bdi>{name}</bdi> e un’altra persona hanno risposto al tuo commento} other {<bdi>{name}</bdi> e altre # persone hanno risposto al tuo commento}}',
    mention: '{item, select, comment {<bdi>{name}</bdi> ti ha menzionato in un commento} other {<bdi>{name}</bdi> ti ha menzionato in un post}}',
    reaction:
      '{item, select, comment {{others, plural, =0 {<bdi>{name}</bdi> ha reagito al tuo commento} one {<bdi>{name}</bdi> e un’altra persona hanno reagito al tuo commento} other {<bdi>{name}</bdi> e altre # persone hanno reagito al tuo commento}}} other {{others, plural, =0 {<bdi>{name}</bdi> ha reagito al tuo post} one {<bdi>{name}</bdi> e un’altra persona hanno reagito al tuo post} other {<bdi>{name}</bdi> e altre # persone hanno reagito al tuo post}}}}',
    repost:
      '{others, plural, =0 {<bdi>{name}</bdi> ha diffuso il tuo post} one {<bdi>{name}</bdi> e un’altra persona hanno diffuso il tuo post} other {<bdi>{name}</bdi> e altre # persone hanno diffuso il tuo post}}',
    endorsement:
      '{others, plural, =0 {<bdi>{name}</bdi> ha confermato le tue competenze} one {<bdi>{name}</bdi> e un’altra persona hanno confermato le tue competenze} other {<bdi>{name}</bdi> e altre # persone hanno confermato le tue competenze}}',
    recommendation_requested: '<bdi>{name}</bdi> ti chiede una referenza',
    recommendation_written: '<bdi>{name}</bdi> ha scritto una referenza per te. Approvala per mostrarla sul tuo profilo.',
    recommendation_approved: '<bdi>{name}</bdi> ha approvato la tua referenza. Ora compare sul suo profilo.',
  },
  open: {
    invitation_received: "Vedi l'invito",
    invitation_accepted: 'Vedi il profilo',
    connected_automatically: 'Vedi il profilo',
    comment: 'Vedi il post',
    reply: 'Vedi la risposta',
    mention: 'Vedi il post',
    reaction: 'Vedi il post',
    repost: 'Vedi il post',
    endorsement: 'Vedi il profilo',
    recommendation_requested: 'Scrivi la referenza',
    recommendation_written: 'Leggila e approvala',
    recommendation_approved: 'Vedi le tue referenze',
  },
};

export default notifications;
