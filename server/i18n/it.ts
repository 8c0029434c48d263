import type { Messages } from './en.ts';

/**
 * Italian, informal register ("tu"), as LinkedIn Italia writes to its members; sentences that would need
 * a gendered participle ("se non sei stato tu") are turned so they need none. See docs/i18n.md.
 */
export const it: Messages = {
  email: {
    verify: {
      subject: 'Conferma il tuo indirizzo email per Rapport',
      greeting: 'Ciao {name},',
      body: 'Ti diamo il benvenuto su Rapport. Conferma il tuo indirizzo email aprendo questo link (è valido per {hours, plural, one {# ora} other {# ore}}):',
      action: 'Conferma il mio indirizzo email',
      footer: 'Se non hai creato tu questo account, puoi ignorare questo messaggio.',
    },
    resetPassword: {
      subject: 'Reimposta la tua password di Rapport',
      greeting: 'Ciao {name},',
      body: 'Abbiamo ricevuto una richiesta di reimpostare la password del tuo account Rapport. Apri questo link per sceglierne una nuova (è valido per {hours, plural, one {# ora} other {# ore}}):',
      action: 'Scegli una nuova password',
      footer: 'Se la richiesta non è partita da te, ignora questo messaggio: la tua password resta invariata.',
    },
    signupAttempt: {
      subject: 'Qualcuno ha provato a creare un account Rapport con il tuo indirizzo',
      greeting: 'Ciao {name},',
      body: 'Qualcuno ha appena provato a creare un nuovo account Rapport con questo indirizzo email. L’indirizzo è già associato a un account (il tuo), quindi non ne è stato creato uno nuovo. Se eri tu, accedi al tuo account; se hai dimenticato la password, scegli "Password dimenticata?" nella pagina di accesso per reimpostarla:',
      action: 'Accedi a Rapport',
      footer: 'Se il tentativo non è partito da te, non devi fare nulla: il tuo account e la tua password restano invariati.',
    },
    invitation_received: {
      subject: '{actor} ti ha invitato a collegarti su Rapport',
      greeting: 'Ciao {name},',
      body: '{actor} vorrebbe collegarsi con te. Il suo messaggio e cosa avete in comune sono nella pagina Rete:',
      action: "Vedi l'invito",
      footer: 'Ricevi questa email perché hai scelto di ricevere un avviso per i nuovi inviti. Per non riceverne più basta un clic: {unsubscribe}',
    },
    invitation_accepted: {
      subject: '{actor} ha accettato il tuo invito',
      greeting: 'Ciao {name},',
      body: '{actor} ha accettato il tuo invito: ora siete collegati su Rapport.',
      action: 'Vedi il profilo',
      footer: 'Ricevi questa email perché hai scelto di sapere quando i tuoi inviti vengono accettati. Per non riceverne più basta un clic: {unsubscribe}',
    },
    connected_automatically: {
      subject: '{actor} ora è un tuo collegamento',
      greeting: 'Ciao {name},',
      body: 'La tua impostazione di inviti aperta ha accettato l’invito di {actor}: ora siete collegati su Rapport.',
      action: 'Vedi il profilo',
      footer: 'Ricevi questa email perché hai scelto di sapere quali collegamenti accettano le tue impostazioni. Per non riceverne più basta un clic: {unsubscribe}',
    },
    comment: {
      subject: '{actor} ha commentato il tuo post',
      greeting: 'Ciao {name},',
      body: '{actor} ha commentato il tuo post su Rapport. Una risposta fa continuare la conversazione:',
      action: 'Vedi il commento',
      footer: 'Ricevi questa email perché hai scelto di ricevere un avviso per i commenti ai tuoi post. Per non riceverne più basta un clic: {unsubscribe}',
    },
    reply: {
      subject: '{actor} ha risposto al tuo commento',
      greeting: 'Ciao {name},',
      body: '{actor} ha risposto al tuo commento su Rapport:',
      action: 'Vedi la risposta',
      footer: 'Ricevi questa email perché hai scelto di ricevere un avviso per le risposte ai tuoi commenti. Per non riceverne più basta un clic: {unsubscribe}',
    },
    mention: {
      subject: '{actor} ti ha menzionato su Rapport',
      greeting: 'Ciao {name},',
      body: '{actor} ti ha menzionato in un post o in un commento:',
      action: 'Vedi dove',
      footer: 'Ricevi questa email perché hai scelto di ricevere un avviso quando qualcuno ti menziona. Per non riceverne più basta un clic: {unsubscribe}',
    },
    reaction: {
      subject: '{actor} ha reagito a ciò che hai scritto',
      greeting: 'Ciao {name},',
      body: '{actor} ha reagito al tuo post o al tuo commento su Rapport:',
      action: 'Vedi il post',
      footer: 'Ricevi questa email perché hai scelto di ricevere un avviso per le reazioni. Per non riceverne più basta un clic: {unsubscribe}',
    },
    repost: {
      subject: '{actor} ha diffuso il tuo post',
      greeting: 'Ciao {name},',
      body: '{actor} ha condiviso il tuo post con la sua rete su Rapport:',
      action: 'Vedi il post',
      footer: 'Ricevi questa email perché hai scelto di ricevere un avviso quando qualcuno diffonde i tuoi post. Per non riceverne più basta un clic: {unsubscribe}',
    },
    endorsement: {
      subject: '{actor} ha confermato le tue competenze',
      greeting: 'Ciao {name},',
      body: '{actor} ha confermato una delle tue competenze su Rapport.',
      action: 'Vedi il suo profilo',
      footer: 'Ricevi questa email perché hai scelto di ricevere un avviso per le conferme delle competenze. Per non riceverne più basta un clic: {unsubscribe}',
    },
    recommendation_requested: {
      subject: '{actor} ti chiede una referenza',
      greeting: 'Ciao {name},',
      body: '{actor} ti chiede di scrivere una referenza per una delle sue esperienze su Rapport.',
      action: 'Scrivi la referenza',
      footer: 'Ricevi questa email perché hai scelto di ricevere un avviso per le richieste di referenze. Per non riceverne più basta un clic: {unsubscribe}',
    },
    recommendation_written: {
      subject: '{actor} ha scritto una referenza per te',
      greeting: 'Ciao {name},',
      body: '{actor} ha scritto una referenza per te su Rapport. Comparirà sul tuo profilo quando l’avrai approvata.',
      action: 'Leggila e approvala',
      footer: 'Ricevi questa email perché hai scelto di ricevere un avviso per le referenze. Per non riceverne più basta un clic: {unsubscribe}',
    },
    recommendation_approved: {
      subject: '{actor} ha approvato la tua referenza',
      greeting: 'Ciao {name},',
      body: '{actor} ha approvato la referenza che hai scritto: ora compare sul suo profilo su Rapport.',
      action: 'Vedi le tue referenze',
      footer: 'Ricevi questa email perché hai scelto di ricevere un avviso quando una referenza che hai scritto viene approvata. Per non riceverne più basta un clic: {unsubscribe}',
    },
    digest: {
      subject: 'La tua settimana su Rapport',
      greeting: 'Ciao {name},',
      intro: 'Ecco cosa è successo nella tua rete su Rapport negli ultimi giorni.',
      postsHeading: 'I post più seguiti della tua rete',
      post: '{author}: «{excerpt}»',
      postStats: '{reactions, plural, one {# reazione} other {# reazioni}} · {comments, plural, one {# commento} other {# commenti}}',
      invitations: '{count, plural, one {# invito aspetta la tua risposta.} other {# inviti aspettano la tua risposta.}}',
      invitationsAction: 'Vedi i tuoi inviti',
      peopleHeading: 'Persone che potresti conoscere',
      action: 'Apri Rapport',
      footer: 'Ricevi questo riepilogo settimanale perché non visiti Rapport da un po’. Per non riceverne più basta un clic: {unsubscribe}',
    },
  },
  page: {
    meta: {
      description: 'Rapport: la rete professionale che la tua comunità gestisce da sé.',
    },
  },
};
