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
