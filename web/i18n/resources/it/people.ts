import type english from '../en/people.ts';
import type { Messages } from '../messages.ts';

const people: Messages<typeof english> = {
  connect: {
    action: 'Collegati',
    actionLabel: 'Collegati con {name}',
    title: 'Collegati con <bdi>{name}</bdi>',
    intro: 'Scrivi come conosci <bdi>{firstName}</bdi> o perché vorresti collegarti. Con una nota personale è molto più probabile ricevere un sì.',
    note: 'Nota personale (facoltativa)',
    noteLength: '{length}/{max} caratteri',
    email: 'Indirizzo email di {firstName}',
    emailHint: '{firstName} accetta inviti solo da chi conosce il suo indirizzo email.',
    send: 'Invia invito',
    sent: 'Invito inviato a <bdi>{name}</bdi>.',
    alreadyInvited: '<bdi>{name}</bdi> ti aveva già inviato un invito, quindi ora è tra i tuoi collegamenti. La tua nota non è stata inviata.',
    connected: '<bdi>{name}</bdi> è ora tra i tuoi collegamenti.',
    notSent: 'L’invito non è stato inviato',
    allowanceLink: 'Vedi quanti inviti hai a disposizione e perché',
    nudge: {
      none: 'Ancora nessuna nota. Una riga sul perché vuoi collegarti rende un sì molto più probabile.',
      stock: 'Sembra il testo standard degli inviti. Una riga con parole tue rende un sì molto più probabile.',
      template: 'Questa nota è quasi uguale a quelle che hai mandato ad altri di recente. Una riga solo per {firstName} rende un sì molto più probabile.',
    },
  },
  message: {
    action: 'Scrivi',
    actionLabel: 'Scrivi a {name}',
  },
  answer: {
    accept: 'Accetta',
    acceptLabel: 'Accetta l’invito di {name}',
    ignore: 'Ignora',
    ignoreLabel: 'Ignora l’invito di {name}',
    ignored: 'Invito ignorato. Il mittente non riceve alcun avviso.',
  },
  state: {
    pending: 'Invito in attesa',
    connected: 'Tra i tuoi collegamenti',
  },
  report: {
    title: 'Segnala <bdi>{name}</bdi>',
    titleContent:
      '{kind, select, post {Segnala questo post di <bdi>{name}</bdi>} comment {Segnala questo commento di <bdi>{name}</bdi>} other {Segnala questo messaggio di <bdi>{name}</bdi>}}',
    intro: 'Gli amministratori di questa community esaminano ogni segnalazione. <bdi>{name}</bdi> non saprà chi ha inviato la segnalazione.',
    introContent:
      'Gli amministratori di questa community esaminano ogni segnalazione e vedono ciò che segnali così com’è ora, anche se in seguito viene modificato o eliminato. <bdi>{name}</bdi> non saprà chi ha inviato la segnalazione.',
    reason: 'Motivo',
    chooseReason: 'Scegli un motivo',
    reasons: {
      spam: 'Spam o inviti in massa',
      fake: 'Account falso o furto d’identità',
      scam: 'Truffa o frode',
      harassment: 'Molestie o abusi',
      other: 'Altro',
    },
    details: 'Dettagli (facoltativi)',
    detailsHint: 'Che cosa è successo? {length}/{max} caratteri',
    send: 'Invia segnalazione',
    sent: 'Grazie. Gli amministratori esamineranno la tua segnalazione su <bdi>{name}</bdi>.',
  },
  block: {
    title: 'Vuoi bloccare <bdi>{name}</bdi>?',
    confirm: 'Blocca',
    body:
      'Il vostro collegamento e i follow reciproci verranno rimossi, gli inviti aperti annullati, e nessuna delle due persone potrà ' +
      'trovare, invitare o seguire l’altra. <bdi>{name}</bdi> non riceve alcun avviso. Se in seguito sblocchi, il collegamento non verrà ripristinato.',
    blocked: 'Hai bloccato <bdi>{name}</bdi>.',
  },
  degree: {
    first: { short: '1°', long: 'Collegamento di 1° grado' },
    second: { short: '2°', long: 'Collegamento di 2° grado: avete un collegamento in comune' },
    third: { short: '3°', long: 'Collegamento di 3° grado: a due presentazioni di distanza' },
    outOfNetwork: 'Fuori dalla tua rete',
  },
  mutualConnections: '{count, plural, one {# collegamento in comune} other {# collegamenti in comune}}',
  careerStages: {
    // Stages, not roles: "In formazione" rather than "Studente/Studentessa", "Dirigenza" rather than a title.
    student: 'In formazione',
    early: 'Inizio carriera',
    mid: 'Metà carriera',
    senior: 'Senior',
    executive: 'Dirigenza',
    retired: 'In pensione',
  },
  organisationFilter: {
    label: 'Organizzazione',
    placeholder: 'Qualsiasi organizzazione',
    hint: 'Scegline una dai suggerimenti',
  },
};

export default people;
