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
    },
  },
  unsubscribe: {
    title: 'Notifiche via email',
    loading: 'Verifica del link…',
    invalid: 'Questo link per annullare l’iscrizione è incompleto. Scegli quali email ricevere nelle Impostazioni.',
    question: 'Non vuoi più ricevere email quando: {what}?',
    confirm: 'Interrompi queste email',
    doneTitle: 'Fatto',
    done: 'Non riceverai più queste email. Le vedrai comunque sotto la campanella.',
    settings: 'Scegli quali email ricevere nelle Impostazioni',
  },
  kinds: {
    invitation_received: '<bdi>{name}</bdi> ti ha invitato a collegarti',
    invitation_accepted: '<bdi>{name}</bdi> ha accettato il tuo invito. Ora siete collegati.',
    connected_automatically: '<bdi>{name}</bdi> ora è un tuo collegamento: la tua impostazione di inviti aperta ha accettato il suo invito.',
  },
  open: {
    invitation_received: "Vedi l'invito",
    invitation_accepted: 'Vedi il profilo',
    connected_automatically: 'Vedi il profilo',
  },
};

export default notifications;
