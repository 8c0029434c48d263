import type { ReasonMessages } from './en.ts';

/**
 * The reasons in Italian: informal "tu", LinkedIn Italia's words (collegamento, collegamenti in comune,
 * invito, nota, forza del profilo), and no participle that would give the reader a gender. "Operators"
 * (who run the community) are "amministratori", as on the Admin page ("Amministrazione").
 */
export const it: ReasonMessages = {
  risk: {
    held: 'L’account è in attesa di verifica da parte degli amministratori',
    flagged: 'L’account è segnalato per la moderazione',
    limited: 'L’iscrizione sembrava rischiosa, quindi l’account ha delle limitazioni',
    new_account: 'L’account è stato creato oggi',
    young_account: 'L’account esiste da {days, plural, one {# giorno} other {# giorni}}',
    thin_profile: 'Profilo poco completo (forza {strength} su 100)',
    stranger: 'Fuori dalla tua rete, senza nulla in comune',
    far_no_mutuals: '3° grado, nessun collegamento in comune',
    cold_approach:
      'Contatta qualcuno che non conosce {note, select, short {con una nota troppo breve per dire qualcosa} stock {con una nota standard} template {con una nota copiata} personal {per proporre qualcosa o chiedere un favore} other {senza una nota}}, e qui non ha ancora uno storico',
    personal_note: 'Una nota personale',
    template: 'La nota è quasi identica {copies, plural, one {a un’altra nota scritta} other {ad altre # note scritte}} di recente da questo mittente',
    template_to_strangers:
      'La nota è quasi identica {copies, plural, one {a un’altra nota scritta} other {ad altre # note scritte}} di recente da questo mittente, a persone che non conosceva',
    mass_template: 'La stessa proposta sta arrivando a molte persone',
    link_from_new_account: 'Un link in una nota inviata da un account nuovo',
    asks_stranger: 'Chiede un favore a qualcuno che non conosce',
    pitch_to_stranger: 'Una proposta commerciale a qualcuno che non conosce',
    asks_only: 'Nel suo profilo chiede aiuto ma non ne offre',
    low_acceptance: 'Inviti accettati negli ultimi 90 giorni: solo {percent}%',
    dont_know: '{count, plural, one {# persona ha risposto} other {# persone hanno risposto}} «Non conosco questa persona» negli ultimi 90 giorni',
    reports: '{count, plural, one {# segnalazione} other {# segnalazioni}} su questo mittente',
    burst: 'Ha inviato {count, plural, one {# invito} other {# inviti}} nell’ultimo giorno',
    shared_history: 'Avete in comune un’organizzazione o una scuola',
    mutuals: '{count, plural, one {# collegamento in comune} other {# collegamenti in comune}}',
    connect_then_pitch: 'Ha inviato per messaggio una proposta commerciale a {people, plural, one {# nuovo collegamento} other {# nuovi collegamenti}} subito dopo il collegamento, negli ultimi 30 giorni',
  },
  allowance: {
    new_account: 'I nuovi account partono con {base} inviti a settimana: il tuo account ha meno di 3 giorni',
    new_thin_profile: 'I nuovi account partono con {base} inviti a settimana: il tuo profilo è poco completo (forza {strength} su 100)',
    new_few_connections: 'I nuovi account partono con {base} inviti a settimana: hai meno di 3 collegamenti',
    accepted: 'La maggior parte dei tuoi inviti viene accettata ({percent}% negli ultimi 90 giorni)',
    dont_know: '{count, plural, one {# persona ha risposto} other {# persone hanno risposto}} «Non conosco questa persona» negli ultimi 90 giorni',
    spam_reports: '{count, plural, one {# segnalazione} other {# segnalazioni}} di spam o di account falso nei tuoi confronti',
    ignored: 'La maggior parte dei tuoi inviti è stata ignorata ({percent}%)',
    templates: '{count, plural, one {# delle tue note di questa settimana ha} other {# delle tue note di questa settimana hanno}} quasi lo stesso testo',
    limited: 'La tua iscrizione sembrava rischiosa, quindi il tuo account ha delle limitazioni finché non avrà un po’ di storico',
    held: 'Il tuo account è in attesa di verifica da parte degli amministratori',
    invitations_restricted: 'Un amministratore ha limitato i tuoi inviti',
    connect_then_pitch: 'Hai inviato per messaggio una proposta commerciale a {people, plural, one {# nuovo collegamento} other {# nuovi collegamenti}} subito dopo il collegamento, negli ultimi 30 giorni',
    fast_pitches: '{people, plural, one {# nuovo collegamento ha ricevuto} other {# nuovi collegamenti hanno ricevuto}} una tua proposta commerciale entro un giorno dal collegamento, negli ultimi 30 giorni',
    approach_copies: 'Hai inviato quasi lo stesso messaggio a {people, plural, one {# nuovo collegamento} other {# nuovi collegamenti}} subito dopo il collegamento, negli ultimi 30 giorni',
  },
  suggestion: {
    mutual_connections:
      '{count, plural, one {# collegamento in comune} other {# collegamenti in comune}}{shape, select, all {: {names}} some {: {namesAndOthers}} other {}}',
    same_organisation:
      '{span, select, ongoing {Lavora presso {organisation} come te dal {fromYear}} single {Ha lavorato presso {organisation} come te nel {fromYear}} other {Ha lavorato presso {organisation} come te, {fromYear}–{toYear}}}',
    same_school:
      '{span, select, ongoing {Studia presso {school} come te dal {fromYear}} single {Ha studiato presso {school} come te nel {fromYear}} other {Ha studiato presso {school} come te, {fromYear}–{toYear}}}',
    same_place: 'Stessa località: {place}',
    same_industry: 'Stesso settore: {industry}',
    replied_to_each_other: 'Tu e {name} avete scambiato {count, plural, one {# risposta} other {# risposte}}',
  },
  strength: {
    current_position: 'Aggiungi la tua posizione attuale',
    headline: 'Scrivi un titolo che dica di cosa ti occupi',
    photo: 'Aggiungi una foto del profilo',
    skills: '{count, plural, =5 {Indica almeno cinque competenze} one {Indica almeno # competenza} other {Indica almeno # competenze}}',
    education: 'Aggiungi la tua formazione',
    about: 'Scrivi un breve riepilogo nella sezione Informazioni',
    location: 'Aggiungi la tua località',
    industry: 'Scegli il tuo settore',
    offers: 'Indica in cosa puoi dare una mano',
    asks: 'Indica cosa stai cercando',
  },
  notice: {
    held:
      'Il tuo nuovo account è in attesa di una verifica da parte degli amministratori di questa community, per via del modo in cui è stato registrato. ' +
      'Fino ad allora non puoi inviare inviti.',
    new_account_limits_lifted: 'Un amministratore ha verificato il tuo account. Le limitazioni per i nuovi account non valgono più per te.',
    restriction_ended: 'La limitazione dei tuoi inviti è terminata: puoi di nuovo inviare inviti.',
    warned: 'Hai ricevuto un avvertimento da un amministratore di questa community. Motivo: {reason}',
    invitations_restricted:
      '{limit, select, days {Un amministratore ha limitato i tuoi inviti per {days, plural, one {# giorno} other {# giorni}}: non puoi inviare nuovi inviti finché la limitazione non termina. Motivo: {reason}} other {Un amministratore ha limitato i tuoi inviti: non puoi inviare nuovi inviti finché un amministratore non rimuove questa limitazione. Motivo: {reason}}}',
    restrictions_lifted: 'Un amministratore ha rimosso {kinds}. Motivo: {reason}',
    made_operator: 'Un amministratore ti ha dato il ruolo di amministratore di questa community. Trovi la pagina Amministrazione nel menu del tuo account.',
    made_member: 'Un amministratore ti ha ridato il ruolo di membro: non sei più tra gli amministratori di questa community.',
    content_removed: '{kind, select, post {Un amministratore ha rimosso il tuo post} comment {Un amministratore ha rimosso il tuo commento} other {Un amministratore ha rimosso il tuo messaggio}} «{excerpt}». Motivo: {reason}',
    other: '{message}',
  },
  signup: {
    disposable_email: 'L’indirizzo email usa un dominio di email usa e getta ({domain}).',
    same_ip:
      '{count, plural, one {# iscrizione} other {# iscrizioni}} dallo stesso indirizzo IP ({ip}) in {unit, select, hours {{hours, plural, one {un’ora} other {# ore}}} other {{minutes, plural, one {# minuto} other {# minuti}}}}.',
    same_subnet:
      '{count, plural, one {# iscrizione} other {# iscrizioni}} dalla stessa rete ({subnet}) in {unit, select, hours {{hours, plural, one {un’ora} other {# ore}}} other {{minutes, plural, one {# minuto} other {# minuti}}}}.',
    other: '{message}',
  },
  cluster: {
    same_network:
      '{count, plural, one {# account registrato} other {# account registrati}} dalla stessa rete ({subnet}) a meno di {minutes, plural, one {# minuto} other {# minuti}} l’uno dall’altro.',
    thin_profiles: 'Hanno tutti profili poco completi (forza del profilo sotto {strength} su 100).',
    similar_names: 'I loro nomi seguono uno stesso schema, per esempio {examples}.',
    similar_headlines: 'Titoli quasi identici, per esempio {examples}.',
  },
  flag: {
    mass_template: 'Ha inviato quasi la stessa nota a {people, plural, one {# persona} other {# persone}} negli ultimi 30 giorni',
    dont_know:
      '{count, plural, one {# persona ha risposto} other {# persone hanno risposto}} «Non conosco questa persona» negli ultimi 90 giorni ({percent}% delle risposte)',
    acceptance: 'Inviti accettati: {percent}% di quelli con una risposta',
    connect_then_pitch: 'Ha inviato quasi lo stesso messaggio commerciale a {people, plural, one {# persona} other {# persone}} a pochi giorni dal collegamento con ciascuna, negli ultimi 30 giorni',
    fast_pitches: 'Ha inviato per messaggio una proposta commerciale a {people, plural, one {# persona} other {# persone}} entro un giorno dal collegamento, negli ultimi 30 giorni',
    reports: '{count, plural, one {# segnalazione aperta} other {# segnalazioni aperte}} da membri diversi ({byReason}).',
    other: '{message}',
  },
  placement: {
    held: 'Trattenuto dalla piattaforma: rischio {risk} su 100',
    sender_under_review: 'Trattenuto dalla piattaforma: l’account del mittente è in verifica',
    other_flagged: 'Spostato in Altro dalla piattaforma: il mittente è segnalato',
    other_risk: 'Spostato in Altro dalla piattaforma: rischio {risk} su 100',
    open: 'Modalità aperta: accettato automaticamente',
    manual: 'Modalità manuale: ogni invito attende la tua risposta',
    no_rule: 'Nessuna regola corrisponde → {folder, select, accept {accettato automaticamente} inbox {In arrivo} other {Altro}}',
    rule: 'Regola {rule}: {conditions} → {folder, select, accept {accettato automaticamente} inbox {In arrivo} other {Altro}}',
    undelivered: 'Non recapitato: il destinatario aveva risposto “Non conosco questa persona” a un invito precedente di questo mittente',
    released: 'Sbloccato dagli amministratori dopo la verifica',
    other: '{message}',
  },
  words: {
    condition: {
      note: 'una nota',
      mutuals: 'almeno {count, plural, one {# collegamento in comune} other {# collegamenti in comune}}',
      shared: 'un’organizzazione o una scuola in comune',
      strength: 'completezza del profilo di almeno {value}',
      degree: '{degree, select, 1 {1° grado} 2 {2° grado o più vicino} other {3° grado o più vicino}}',
      risk: 'rischio al massimo {value}',
    },
    restriction: {
      invitations: 'la limitazione dei tuoi inviti',
      held: 'la sospensione del tuo account in attesa di verifica',
      limited: 'le limitazioni per i nuovi account',
    },
    report: { spam: 'spam', fake: 'profilo falso', scam: 'truffa', harassment: 'molestie', other: 'altro' },
    reportCount: '{reason} × {count}',
    quoted: '«{text}»',
    others: '{count, plural, one {un altro} other {altri #}}',
  },
};
