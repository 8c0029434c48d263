import type { ErrorMessages } from './en.ts';

/** The API's error messages in Italian: the same keys as en.ts (typed against it), ICU MessageFormat. */
const errors: ErrorMessages = {
  bad_request: {
    http: 'La richiesta non è HTTP valido.',
    unreadable: 'Non è stato possibile interpretare la richiesta.',
    content_length: "L'intestazione Content-Length non corrisponde al corpo della richiesta.",
  },
  invalid_url: "L'indirizzo non è valido: contiene una codifica percentuale non corretta.",
  invalid_json: 'Il corpo della richiesta è vuoto o non è JSON valido.',
  validation_failed: 'Alcuni campi non sono validi.',
  invalid_cursor: 'Il cursore non è valido per questo elenco. Ricomincia senza.',
  invalid_upload: {
    malformed: "Il caricamento non è multipart/form-data valido, oppure si è interrotto. Invialo di nuovo.",
    one_file: 'Invia un solo file e nient’altro.',
  },
  photo_missing: 'Allega un’immagine nel campo "photo".',
  invalid_image: 'Non è stato possibile leggere l’immagine. Prova con un altro file.',
  invalid_link: {
    confirmation: 'Questo link di conferma non è valido o è scaduto. Chiedine uno nuovo.',
    reset: 'Questo link per reimpostare la password non è valido o è scaduto. Chiedine uno nuovo.',
  },
  wrong_password: 'La password attuale non è corretta.',
  weak_password: {
    too_short: 'Usa almeno {min} caratteri.',
    common: 'Questa password è troppo comune.',
    repeated: 'Non ripetere un solo carattere.',
    variety: 'Usa caratteri più vari.',
    email: 'Non usare il tuo indirizzo email nella password.',
    name: 'Non usare il tuo nome come password.',
  },
  invitation_self: 'Non puoi invitare te stesso.',
  follow_self: 'Non puoi seguire te stesso.',
  block_self: 'Non puoi bloccare te stesso.',
  report_self: 'Non puoi segnalare te stesso.',
  recipient_unknown: 'Non c’è nessuna persona a cui puoi scrivere con il nome utente "{handle}".',
  message_self: 'Non puoi mandare un messaggio a te stesso.',
  invalid_merge: {
    itself: 'Non si può unire un’organizzazione a sé stessa.',
    unknown: 'Nessuna organizzazione ha id {id}.',
  },

  unauthenticated: 'Accedi per continuare.',
  invalid_token: {
    token: 'Questo token di accesso non è valido.',
    header: 'L’intestazione Authorization deve essere "Bearer <token>".',
  },
  invalid_credentials: 'L’indirizzo email o la password non sono corretti.',

  forbidden: 'Non hai il permesso di farlo.',
  csrf_failed: 'Token CSRF mancante o non valido. Ricarica la pagina e riprova.',
  account_suspended: 'Questo account è sospeso. Contatta chi gestisce questa community.',
  account_held:
    'Il tuo account è in attesa di revisione da parte di chi gestisce questa community. Potrai inviare inviti dopo la verifica.',
  invitations_restricted: 'Un operatore ha limitato i tuoi inviti: {reason}',
  note_links_not_allowed: 'Gli account nuovi non possono inserire link nelle note degli inviti finché non hanno un po’ di storia qui.',
  invitation_needs_email: 'Questa persona accetta inviti solo da chi conosce il suo indirizzo email. Aggiungilo all’invito.',
  invitation_not_allowed: 'Questa persona accetta inviti solo da chi è entro il secondo grado di collegamento.',
  follow_not_allowed: 'Questa persona può essere seguita solo dai suoi collegamenti.',
  connections_private: 'I collegamenti di questa persona sono privati.',
  messaging_restricted: {
    held: 'Il tuo account è in attesa di revisione da parte di chi gestisce questa community. Fino ad allora puoi scrivere ai tuoi collegamenti, ma non iniziare una conversazione con altre persone.',
    restricted: 'Un operatore ha limitato i tuoi inviti: puoi scrivere ai tuoi collegamenti, ma non iniziare una conversazione con altre persone. Motivo: {reason}',
  },

  not_found: {
    route: 'Nessun percorso per {method} {path}.',
    resource: 'Risorsa non trovata.',
    member: 'Membro non trovato.',
    invitation: 'Invito non trovato.',
    organisation: 'Organizzazione non trovata.',
    flag: 'Segnalazione automatica non trovata.',
    report: 'Segnalazione non trovata.',
    notice: 'Avviso non trovato.',
    token: 'Token non trovato.',
    photo: 'Foto non trovata.',
    conversation: 'Conversazione non trovata.',
  },

  request_timeout: 'La richiesta ha impiegato troppo tempo ad arrivare.',
  email_taken: 'Esiste già un account con questo indirizzo email.',
  blocked: 'Hai bloccato questa persona. Prima sbloccala.',
  already_connected: 'Siete già collegati.',
  invitation_pending: 'Hai già invitato questa persona.',
  invitation_cooldown:
    'Hai ritirato di recente un invito a questa persona. Potrai invitarla di nuovo tra {days, plural, one {# giorno} other {# giorni}}.',
  invitation_limit: 'Hai {outstanding} inviti in attesa di risposta. Ritirane qualcuno prima di inviarne altri.',
  connection_limit: {
    you: 'Hai raggiunto il limite di {max, number} collegamenti.',
    them: 'Questa persona ha raggiunto il limite di {max, number} collegamenti.',
  },
  invitation_accepted: 'Questo invito è già stato accettato.',
  invitation_withdrawn: 'Questo invito è stato ritirato.',
  invitation_expired: 'Questo invito è scaduto.',
  invitation_declined: 'Questo invito è stato rifiutato.',
  invitation_closed: 'Questo invito non è più aperto.',
  invitation_not_open: {
    closed: 'Questo invito non è più aperto.',
    thread: 'Questo invito ha ricevuto risposta o è stato ritirato; la conversazione è chiusa.',
  },
  thread_not_started: 'È chi riceve l’invito ad aprire la conversazione chiedendo più contesto; la tua nota è la tua prima parola.',
  thread_full: 'Questa conversazione ha raggiunto {max} messaggi. Accetta l’invito per continuare a parlare.',
  invitation_not_declined: 'Questo invito non ha avuto la risposta "Non conosco questa persona".',
  undo_expired: '"Non conosco questa persona" si può annullare entro {seconds} secondi; ora è definitivo.',
  undo_conflict: 'Nel frattempo qualcosa è cambiato tra voi (un nuovo invito, un collegamento o un blocco), quindi l’invito resta rifiutato.',
  report_exists: 'Hai già segnalato questa persona; un operatore se ne occuperà.',
  flag_closed: {
    dismissed: 'Questa segnalazione automatica è già stata archiviata.',
    actioned: 'Per questa segnalazione automatica è già stato preso un provvedimento.',
    other: 'Questa segnalazione automatica è già stata gestita.',
  },
  report_closed: {
    dismissed: 'Questa segnalazione è già stata archiviata.',
    actioned: 'Per questa segnalazione è già stato preso un provvedimento.',
    other: 'Questa segnalazione è già stata gestita.',
  },
  not_restricted: {
    any: 'Questa persona non ha limitazioni attive.',
    kind: 'Questa persona non ha limitazioni attive di quel tipo.',
  },
  member_suspended: 'Riattiva questa persona prima di renderla operatore.',
  last_operator: 'Una community ha bisogno di almeno un operatore: prima rendi operatore qualcun altro.',
  already_merged: {
    from: '{name} è già stata unita a un’altra organizzazione.',
    into: '{name} è stata unita a un’altra organizzazione; uniscila a quella.',
  },

  payload_too_large: {
    body: 'Il corpo della richiesta è troppo grande.',
    file: 'Il file è troppo grande.',
  },
  uri_too_long: 'Una parte dell’indirizzo è troppo lunga.',
  unsupported_media_type: {
    body: 'Il corpo della richiesta deve essere JSON.',
    photo: 'La foto deve essere un’immagine JPEG, PNG, WebP o GIF.',
  },
  multipart_required: 'Invia il file come multipart/form-data.',
  rate_limited: {
    requests: 'Troppe richieste: al massimo {max} al minuto. Riprova tra {seconds} secondi.',
    network: 'Troppe richieste dalla tua rete. Riprova tra {seconds} secondi.',
    credentials: 'Troppe sessioni o token non validi dalla tua rete. Riprova tra {seconds} secondi.',
    confirmation: 'L’email di conferma è già stata inviata più volte. Riprova tra {minutes, plural, one {# minuto} other {# minuti}}.',
    sign_in: 'Troppi tentativi di accesso. Riprova tra {minutes, plural, one {# minuto} other {# minuti}}.',
    sign_up: 'Troppi tentativi di iscrizione dalla tua rete. Riprova tra {minutes, plural, one {# minuto} other {# minuti}}.',
    reset: 'Troppe richieste di reimpostazione per questo indirizzo. Riprova tra {minutes, plural, one {# minuto} other {# minuti}}.',
    wrong_password: 'Troppe password sbagliate. Riprova tra {minutes, plural, one {# minuto} other {# minuti}}.',
  },
  invitation_allowance:
    'Hai usato i tuoi {weekly} inviti di questa settimana. Vedi "I tuoi inviti disponibili" nella pagina La mia rete per sapere perché sono {weekly}.',
  headers_too_large: 'Le intestazioni della richiesta sono troppo grandi.',

  internal_error: 'Si è verificato un errore da parte nostra.',

  field: {
    invalid_type: 'non è valido',
    too_small:
      '{origin, select, string {deve contenere almeno {minimum} caratteri} array {deve contenere almeno {minimum} elementi} other {deve essere almeno {minimum}}}',
    too_big:
      '{origin, select, string {deve contenere al massimo {maximum} caratteri} array {deve contenere al massimo {maximum} elementi} other {deve essere al massimo {maximum}}}',
    invalid_format: 'non è nel formato previsto',
    not_multiple_of: 'non è valido',
    unrecognized_keys: '{count, plural, one {campo sconosciuto} other {campi sconosciuti}}: {keys}',
    invalid_union: 'non è valido',
    invalid_key: 'non è valido',
    invalid_element: 'non è valido',
    invalid_value: 'non è uno dei valori consentiti',
    custom: 'non è valido',
    unstorable: 'non deve contenere caratteri NUL o surrogati spaiati',
    unstorable_key: 'non deve avere chiavi con caratteri NUL o surrogati spaiati',
    into_itself: 'deve essere un’altra organizzazione',
    into_unknown: 'deve essere un’organizzazione esistente',
    is_you: 'sei tu',
    not_correct: 'non è corretta',
  },
};

export default errors;
