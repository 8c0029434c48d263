import type english from '../en/home.ts';
import type { Messages } from '../messages.ts';

const home: Messages<typeof english> = {
  title: 'Ciao, {firstName}',
  description: 'La tua community, una relazione alla volta.',
  profile: {
    addHeadline: 'Aggiungi un titolo, così le persone sanno di cosa ti occupi.',
    view: 'Visualizza profilo',
    edit: 'Modifica profilo',
  },
  admin: 'Gestisci questa community. <admin>Apri la pagina di amministrazione</admin>.',
  strength: {
    title: 'Forza del profilo',
    levels: {
      Beginner: 'Principiante',
      Intermediate: 'Intermedio',
      Advanced: 'Avanzato',
      'All-Star': 'All-Star',
    },
    progress: 'Forza del profilo {score}%',
    next: 'Prossimo passo: <strong>{tip}</strong>',
    improve: 'Migliora il profilo',
    complete: 'Il tuo profilo è completo. I membri possono trovarti grazie a ogni dettaglio che hai condiviso.',
  },
  newMembers: {
    title: 'Nuovi membri',
    loading: 'Caricamento dei membri…',
    empty: 'Non si è ancora iscritto nessun altro. Completa il tuo profilo, così chi si iscrive dopo potrà trovarti.',
    browse: 'Sfoglia tutti i membri',
    suggestions: 'Persone che potresti conoscere',
  },
  quickSearch: {
    title: 'Trova persone',
    intro: 'Cerca per nome, titolo o competenza. Piccoli errori di battitura non sono un problema.',
    query: 'Nome, titolo o competenza',
    placeholder: 'es. Ana Ruiz, product designer',
    submit: 'Cerca',
  },
  verify: {
    title: 'Conferma il tuo indirizzo email',
    body: 'Abbiamo inviato un link a {email}. Confermandolo potrai sempre recuperare il tuo account.',
    resend: 'Invia di nuovo l’email',
    sent: 'Email di verifica inviata a {email}.',
  },
};

export default home;
