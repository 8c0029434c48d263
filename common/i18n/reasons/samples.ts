/**
 * Every reason code with sample parameters and the words they must give in English and in Italian. The
 * catalogue's test (what the server sends as `text`) and the web namespace's test read this one table,
 * so the server and the web cannot word a reason differently. The English is what the server said
 * before the catalogue existed, word for word; each code has samples for its plural forms (1 and 14) and
 * for each way its sentence can read.
 */
import type { ReasonCode, ReasonParamsByCode } from '../../reasons.ts';

export type ReasonSample<C extends ReasonCode> = [params: ReasonParamsByCode[C], en: string, it: string];

export const REASON_SAMPLES: { [C in ReasonCode]: ReasonSample<C>[] } = {
  'risk.held': [
    [{}, 'The account is waiting for review by the operators', 'L’account è in attesa di verifica da parte degli amministratori'],
  ],
  'risk.flagged': [
    [{}, 'The account is flagged for moderation', 'L’account è segnalato per la moderazione'],
  ],
  'risk.limited': [
    [{}, 'The sign-up looked risky, so the account is limited', 'L’iscrizione sembrava rischiosa, quindi l’account ha delle limitazioni'],
  ],
  'risk.new_account': [
    [{}, 'The account was created today', 'L’account è stato creato oggi'],
  ],
  'risk.young_account': [
    [{ days: 1 }, 'The account is 1 day old', 'L’account esiste da 1 giorno'],
    [{ days: 14 }, 'The account is 14 days old', 'L’account esiste da 14 giorni'],
  ],
  'risk.thin_profile': [
    [{ strength: 20 }, 'Thin profile (strength 20 of 100)', 'Profilo poco completo (forza 20 su 100)'],
  ],
  'risk.stranger': [
    [{}, 'Outside your network, with nothing in common', 'Fuori dalla tua rete, senza nulla in comune'],
  ],
  'risk.far_no_mutuals': [
    [{}, '3rd degree, with no mutual connections', '3° grado, nessun collegamento in comune'],
  ],
  'risk.cold_approach': [
    [{ note: 'none' }, 'Approaches someone they do not know without a note, with no record here yet', 'Contatta qualcuno che non conosce senza una nota, e qui non ha ancora uno storico'],
    [{ note: 'short' }, 'Approaches someone they do not know with a note too short to say anything, with no record here yet', 'Contatta qualcuno che non conosce con una nota troppo breve per dire qualcosa, e qui non ha ancora uno storico'],
    [{ note: 'stock' }, 'Approaches someone they do not know with a stock note, with no record here yet', 'Contatta qualcuno che non conosce con una nota standard, e qui non ha ancora uno storico'],
    [{ note: 'template' }, 'Approaches someone they do not know with a copied note, with no record here yet', 'Contatta qualcuno che non conosce con una nota copiata, e qui non ha ancora uno storico'],
    [{ note: 'personal' }, 'Approaches someone they do not know with a pitch or an ask, with no record here yet', 'Contatta qualcuno che non conosce per proporre qualcosa o chiedere un favore, e qui non ha ancora uno storico'],
    [{ note: 'mystery' }, 'Approaches someone they do not know without a note, with no record here yet', 'Contatta qualcuno che non conosce senza una nota, e qui non ha ancora uno storico'],
  ],
  'risk.personal_note': [
    [{}, 'A personal note', 'Una nota personale'],
  ],
  'risk.template': [
    [{ copies: 1 }, 'The note is nearly identical to 1 other note this sender wrote recently', 'La nota è quasi identica a un’altra nota scritta di recente da questo mittente'],
    [{ copies: 14 }, 'The note is nearly identical to 14 other notes this sender wrote recently', 'La nota è quasi identica ad altre 14 note scritte di recente da questo mittente'],
  ],
  'risk.template_to_strangers': [
    [{ copies: 1 }, 'The note is nearly identical to 1 other note this sender wrote recently, to people they did not know', 'La nota è quasi identica a un’altra nota scritta di recente da questo mittente, a persone che non conosceva'],
    [{ copies: 14 }, 'The note is nearly identical to 14 other notes this sender wrote recently, to people they did not know', 'La nota è quasi identica ad altre 14 note scritte di recente da questo mittente, a persone che non conosceva'],
  ],
  'risk.mass_template': [
    [{}, 'The same pitch is going to many people', 'La stessa proposta sta arrivando a molte persone'],
  ],
  'risk.link_from_new_account': [
    [{}, 'A link in a note from a new account', 'Un link in una nota inviata da un account nuovo'],
  ],
  'risk.asks_stranger': [
    [{}, 'Asks a favour of someone they do not know', 'Chiede un favore a qualcuno che non conosce'],
  ],
  'risk.pitch_to_stranger': [
    [{}, 'A sales pitch to someone they do not know', 'Una proposta commerciale a qualcuno che non conosce'],
  ],
  'risk.asks_only': [
    [{}, 'Their profile lists asks and no offers', 'Nel suo profilo chiede aiuto ma non ne offre'],
  ],
  'risk.low_acceptance': [
    [{ percent: 12 }, 'Only 12% of their invitations were accepted in the last 90 days', 'Inviti accettati negli ultimi 90 giorni: solo 12%'],
  ],
  'risk.dont_know': [
    [{ count: 1 }, "1 person answered \"I don't know this person\" in the last 90 days", '1 persona ha risposto «Non conosco questa persona» negli ultimi 90 giorni'],
    [{ count: 14 }, "14 people answered \"I don't know this person\" in the last 90 days", '14 persone hanno risposto «Non conosco questa persona» negli ultimi 90 giorni'],
  ],
  'risk.reports': [
    [{ count: 1 }, '1 report against this sender', '1 segnalazione su questo mittente'],
    [{ count: 14 }, '14 reports against this sender', '14 segnalazioni su questo mittente'],
  ],
  'risk.burst': [
    [{ count: 1 }, 'Sent 1 invitation in the last day', 'Ha inviato 1 invito nell’ultimo giorno'],
    [{ count: 14 }, 'Sent 14 invitations in the last day', 'Ha inviato 14 inviti nell’ultimo giorno'],
    [{ count: 1234 }, 'Sent 1,234 invitations in the last day', 'Ha inviato 1234 inviti nell’ultimo giorno'],
  ],
  'risk.connect_then_pitch': [
    [{ people: 1 }, 'Pitched 1 new connection by message soon after connecting, in the last 30 days', 'Ha inviato per messaggio una proposta commerciale a 1 nuovo collegamento subito dopo il collegamento, negli ultimi 30 giorni'],
    [{ people: 14 }, 'Pitched 14 new connections by message soon after connecting, in the last 30 days', 'Ha inviato per messaggio una proposta commerciale a 14 nuovi collegamenti subito dopo il collegamento, negli ultimi 30 giorni'],
  ],
  'risk.shared_history': [
    [{}, 'You share an organisation or school', 'Avete in comune un’organizzazione o una scuola'],
  ],
  'risk.mutuals': [
    [{ count: 0 }, '0 mutual connections', '0 collegamenti in comune'],
    [{ count: 1 }, '1 mutual connection', '1 collegamento in comune'],
    [{ count: 14 }, '14 mutual connections', '14 collegamenti in comune'],
  ],
  'allowance.new_account': [
    [{ base: 5 }, 'New accounts start with 5 invitations a week: your account is less than 3 days old', 'I nuovi account partono con 5 inviti a settimana: il tuo account ha meno di 3 giorni'],
  ],
  'allowance.new_thin_profile': [
    [{ base: 5, strength: 30 }, 'New accounts start with 5 invitations a week: your profile is thin (strength 30 of 100)', 'I nuovi account partono con 5 inviti a settimana: il tuo profilo è poco completo (forza 30 su 100)'],
  ],
  'allowance.new_few_connections': [
    [{ base: 5 }, 'New accounts start with 5 invitations a week: you have fewer than 3 connections', 'I nuovi account partono con 5 inviti a settimana: hai meno di 3 collegamenti'],
  ],
  'allowance.accepted': [
    [{ percent: 80 }, 'Most of your invitations are accepted (80% in the last 90 days)', 'La maggior parte dei tuoi inviti viene accettata (80% negli ultimi 90 giorni)'],
  ],
  'allowance.dont_know': [
    [{ count: 1 }, "1 person answered \"I don't know this person\" in the last 90 days", '1 persona ha risposto «Non conosco questa persona» negli ultimi 90 giorni'],
    [{ count: 14 }, "14 people answered \"I don't know this person\" in the last 90 days", '14 persone hanno risposto «Non conosco questa persona» negli ultimi 90 giorni'],
  ],
  'allowance.spam_reports': [
    [{ count: 1 }, '1 spam or fake-account report against you', '1 segnalazione di spam o di account falso nei tuoi confronti'],
    [{ count: 14 }, '14 spam or fake-account reports against you', '14 segnalazioni di spam o di account falso nei tuoi confronti'],
  ],
  'allowance.ignored': [
    [{ percent: 70 }, 'Most of your invitations were ignored (70%)', 'La maggior parte dei tuoi inviti è stata ignorata (70%)'],
  ],
  'allowance.templates': [
    [{ count: 14 }, '14 of your notes this week are nearly the same text', '14 delle tue note di questa settimana hanno quasi lo stesso testo'],
  ],
  'allowance.connect_then_pitch': [
    [{ people: 1 }, 'You sent a sales pitch by message to 1 new connection soon after connecting, in the last 30 days', 'Hai inviato per messaggio una proposta commerciale a 1 nuovo collegamento subito dopo il collegamento, negli ultimi 30 giorni'],
    [{ people: 14 }, 'You sent a sales pitch by message to 14 new connections soon after connecting, in the last 30 days', 'Hai inviato per messaggio una proposta commerciale a 14 nuovi collegamenti subito dopo il collegamento, negli ultimi 30 giorni'],
  ],
  'allowance.fast_pitches': [
    [{ people: 1 }, '1 new connection got a sales pitch from you within a day of connecting, in the last 30 days', '1 nuovo collegamento ha ricevuto una tua proposta commerciale entro un giorno dal collegamento, negli ultimi 30 giorni'],
    [{ people: 14 }, '14 new connections got a sales pitch from you within a day of connecting, in the last 30 days', '14 nuovi collegamenti hanno ricevuto una tua proposta commerciale entro un giorno dal collegamento, negli ultimi 30 giorni'],
  ],
  'allowance.approach_copies': [
    [{ people: 1 }, 'You sent nearly the same message to 1 new connection soon after connecting, in the last 30 days', 'Hai inviato quasi lo stesso messaggio a 1 nuovo collegamento subito dopo il collegamento, negli ultimi 30 giorni'],
    [{ people: 14 }, 'You sent nearly the same message to 14 new connections soon after connecting, in the last 30 days', 'Hai inviato quasi lo stesso messaggio a 14 nuovi collegamenti subito dopo il collegamento, negli ultimi 30 giorni'],
  ],
  'allowance.limited': [
    [{}, 'Your sign-up looked risky, so your account is limited until it has some history', 'La tua iscrizione sembrava rischiosa, quindi il tuo account ha delle limitazioni finché non avrà un po’ di storico'],
  ],
  'allowance.held': [
    [{}, 'Your account is waiting for review by the operators', 'Il tuo account è in attesa di verifica da parte degli amministratori'],
  ],
  'allowance.invitations_restricted': [
    [{}, 'An operator restricted your invitations', 'Un amministratore ha limitato i tuoi inviti'],
  ],
  'suggestion.mutual_connections': [
    [{ count: 1, names: ['Ana Ruiz'] }, '1 mutual connection: Ana Ruiz', '1 collegamento in comune: Ana Ruiz'],
    [{ count: 2, names: ['Ana Ruiz', 'Li Wei'] }, '2 mutual connections: Ana Ruiz and Li Wei', '2 collegamenti in comune: Ana Ruiz e Li Wei'],
    [{ count: 14, names: ['Ana Ruiz', 'Li Wei'] }, '14 mutual connections: Ana Ruiz, Li Wei and 12 others', '14 collegamenti in comune: Ana Ruiz, Li Wei e altri 12'],
    [{ count: 3, names: ['Ana Ruiz', 'Li Wei'] }, '3 mutual connections: Ana Ruiz, Li Wei and 1 other', '3 collegamenti in comune: Ana Ruiz, Li Wei e un altro'],
    [{ count: 14, names: ['Ana Ruiz'] }, '14 mutual connections: Ana Ruiz and 13 others', '14 collegamenti in comune: Ana Ruiz e altri 13'],
    [{ count: 1, names: [] }, '1 mutual connection', '1 collegamento in comune'],
    [{ count: 14, names: [] }, '14 mutual connections', '14 collegamenti in comune'],
  ],
  'suggestion.same_organisation': [
    [{ organisation: 'Acme', fromYear: 2019, toYear: 2021 }, 'Both at Acme, 2019–2021', 'Ha lavorato presso Acme come te, 2019–2021'],
    [{ organisation: 'Acme', fromYear: 2019, toYear: 2019 }, 'Both at Acme in 2019', 'Ha lavorato presso Acme come te nel 2019'],
    [{ organisation: 'Acme', fromYear: 2020 }, 'Both at Acme since 2020', 'Lavora presso Acme come te dal 2020'],
  ],
  'suggestion.same_school': [
    [{ school: 'IST', fromYear: 2015, toYear: 2019 }, 'Both studied at IST, 2015–2019', 'Ha studiato presso IST come te, 2015–2019'],
    [{ school: 'IST', fromYear: 2015, toYear: 2015 }, 'Both studied at IST in 2015', 'Ha studiato presso IST come te nel 2015'],
    [{ school: 'IST', fromYear: 2022 }, 'Both studying at IST since 2022', 'Studia presso IST come te dal 2022'],
  ],
  'suggestion.same_place': [
    [{ place: 'Lisbon' }, 'Also in Lisbon', 'Stessa località: Lisbon'],
  ],
  'suggestion.same_industry': [
    [{ industry: 'Software' }, 'Also in Software', 'Stesso settore: Software'],
  ],
  'suggestion.replied_to_each_other': [
    [{ count: 4, name: 'Ana Ruiz' }, 'You and Ana Ruiz have replied to each other 4 times', 'Tu e Ana Ruiz avete scambiato 4 risposte'],
    [{ count: 1, name: 'Ana Ruiz' }, 'You and Ana Ruiz have replied to each other once', 'Tu e Ana Ruiz avete scambiato 1 risposta'],
  ],
  'strength.current_position': [
    [{}, 'Add your current position', 'Aggiungi la tua posizione attuale'],
  ],
  'strength.headline': [
    [{}, 'Write a headline that says what you do', 'Scrivi un titolo che dica di cosa ti occupi'],
  ],
  'strength.photo': [
    [{}, 'Add a profile photo', 'Aggiungi una foto del profilo'],
  ],
  'strength.skills': [
    [{ count: 5 }, 'List at least five skills', 'Indica almeno cinque competenze'],
    [{ count: 3 }, 'List at least 3 skills', 'Indica almeno 3 competenze'],
  ],
  'strength.education': [
    [{}, 'Add your education', 'Aggiungi la tua formazione'],
  ],
  'strength.about': [
    [{}, 'Write a short summary in About', 'Scrivi un breve riepilogo nella sezione Informazioni'],
  ],
  'strength.location': [
    [{}, 'Add your location', 'Aggiungi la tua località'],
  ],
  'strength.industry': [
    [{}, 'Choose your industry', 'Scegli il tuo settore'],
  ],
  'strength.offers': [
    [{}, 'Say what you can help with', 'Indica in cosa puoi dare una mano'],
  ],
  'strength.asks': [
    [{}, "Say what you're looking for", 'Indica cosa stai cercando'],
  ],
  'notice.held': [
    [{}, 'Your new account is waiting for a review by the operators of this community, because of how it was registered. Until then, you cannot send invitations.', 'Il tuo nuovo account è in attesa di una verifica da parte degli amministratori di questa community, per via del modo in cui è stato registrato. Fino ad allora non puoi inviare inviti.'],
  ],
  'notice.new_account_limits_lifted': [
    [{}, 'An operator has reviewed your account. The restrictions on new accounts no longer apply to you.', 'Un amministratore ha verificato il tuo account. Le limitazioni per i nuovi account non valgono più per te.'],
  ],
  'notice.restriction_ended': [
    [{}, 'The restriction on your invitations has ended: you can send invitations again.', 'La limitazione dei tuoi inviti è terminata: puoi di nuovo inviare inviti.'],
  ],
  'notice.content_removed': [
    [{ kind: 'post', excerpt: 'Buy {now}', reason: 'Spam' }, 'An operator removed your post “Buy {now}”. Reason: Spam', 'Un amministratore ha rimosso il tuo post «Buy {now}». Motivo: Spam'],
    [{ kind: 'comment', excerpt: 'Cheap', reason: 'Spam' }, 'An operator removed your comment “Cheap”. Reason: Spam', 'Un amministratore ha rimosso il tuo commento «Cheap». Motivo: Spam'],
    [{ kind: 'message', excerpt: 'Book a call', reason: 'Pitching' }, 'An operator removed your message “Book a call”. Reason: Pitching', 'Un amministratore ha rimosso il tuo messaggio «Book a call». Motivo: Pitching'],
  ],
  'notice.warned': [
    [{ reason: 'Be kind {please}' }, 'An operator of this community has warned you. Reason: Be kind {please}', 'Hai ricevuto un avvertimento da un amministratore di questa community. Motivo: Be kind {please}'],
  ],
  'notice.invitations_restricted': [
    [{ reason: 'Pitches', days: 1 }, 'An operator has restricted your invitations for 1 day: you cannot send new invitations until the restriction ends. Reason: Pitches', 'Un amministratore ha limitato i tuoi inviti per 1 giorno: non puoi inviare nuovi inviti finché la limitazione non termina. Motivo: Pitches'],
    [{ reason: 'Pitches', days: 14 }, 'An operator has restricted your invitations for 14 days: you cannot send new invitations until the restriction ends. Reason: Pitches', 'Un amministratore ha limitato i tuoi inviti per 14 giorni: non puoi inviare nuovi inviti finché la limitazione non termina. Motivo: Pitches'],
    [{ reason: 'Pitches' }, 'An operator has restricted your invitations: you cannot send new invitations until an operator lifts this restriction. Reason: Pitches', 'Un amministratore ha limitato i tuoi inviti: non puoi inviare nuovi inviti finché un amministratore non rimuove questa limitazione. Motivo: Pitches'],
  ],
  'notice.restrictions_lifted': [
    [{ kinds: ['invitations'], reason: 'Known' }, 'An operator lifted the restriction on your invitations. Reason: Known', 'Un amministratore ha rimosso la limitazione dei tuoi inviti. Motivo: Known'],
    [{ kinds: ['held', 'limited'], reason: 'Known' }, 'An operator lifted the review hold on your account and the limits on new accounts. Reason: Known', 'Un amministratore ha rimosso la sospensione del tuo account in attesa di verifica e le limitazioni per i nuovi account. Motivo: Known'],
    [{ kinds: ['held', 'limited', 'invitations'], reason: 'Known' }, 'An operator lifted the review hold on your account, the limits on new accounts and the restriction on your invitations. Reason: Known', 'Un amministratore ha rimosso la sospensione del tuo account in attesa di verifica, le limitazioni per i nuovi account e la limitazione dei tuoi inviti. Motivo: Known'],
  ],
  'notice.made_operator': [
    [{}, 'An operator made you an operator of this community. The Admin page is in your account menu.', 'Un amministratore ti ha dato il ruolo di amministratore di questa community. Trovi la pagina Amministrazione nel menu del tuo account.'],
  ],
  'notice.made_member': [
    [{}, 'An operator made you a member again: you are no longer an operator of this community.', 'Un amministratore ti ha ridato il ruolo di membro: non sei più tra gli amministratori di questa community.'],
  ],
  'notice.other': [
    [{ message: 'A note from before codes' }, 'A note from before codes', 'A note from before codes'],
  ],
  'signup.disposable_email': [
    [{ domain: 'mailinator.com' }, 'The email address is at a disposable-mail domain (mailinator.com).', 'L’indirizzo email usa un dominio di email usa e getta (mailinator.com).'],
  ],
  'signup.same_ip': [
    [{ count: 3, ip: '203.0.113.7', minutes: 120 }, '3 sign-ups from the same IP address (203.0.113.7) within 2 hours.', '3 iscrizioni dallo stesso indirizzo IP (203.0.113.7) in 2 ore.'],
    [{ count: 14, ip: '203.0.113.7', minutes: 60 }, '14 sign-ups from the same IP address (203.0.113.7) within an hour.', '14 iscrizioni dallo stesso indirizzo IP (203.0.113.7) in un’ora.'],
    [{ count: 3, ip: '203.0.113.7', minutes: 5 }, '3 sign-ups from the same IP address (203.0.113.7) within 5 minutes.', '3 iscrizioni dallo stesso indirizzo IP (203.0.113.7) in 5 minuti.'],
  ],
  'signup.same_subnet': [
    [{ count: 5, subnet: '100.64.9.0/24', minutes: 60 }, '5 sign-ups from the same network (100.64.9.0/24) within an hour.', '5 iscrizioni dalla stessa rete (100.64.9.0/24) in un’ora.'],
    [{ count: 5, subnet: '100.64.9.0/24', minutes: 90 }, '5 sign-ups from the same network (100.64.9.0/24) within 90 minutes.', '5 iscrizioni dalla stessa rete (100.64.9.0/24) in 90 minuti.'],
  ],
  'cluster.same_network': [
    [{ count: 14, subnet: '100.64.9.0/24', minutes: 30 }, '14 accounts signed up from the same network (100.64.9.0/24) within 30 minutes of each other.', '14 account registrati dalla stessa rete (100.64.9.0/24) a meno di 30 minuti l’uno dall’altro.'],
  ],
  'cluster.thin_profiles': [
    [{ strength: 25 }, 'All of them have thin profiles (profile strength below 25 of 100).', 'Hanno tutti profili poco completi (forza del profilo sotto 25 su 100).'],
  ],
  'cluster.similar_names': [
    [{ examples: ['John Smith1', 'John Smith2', 'John Smith3'] }, 'Their names follow one pattern, such as "John Smith1", "John Smith2", "John Smith3".', 'I loro nomi seguono uno stesso schema, per esempio «John Smith1», «John Smith2» e «John Smith3».'],
  ],
  'cluster.similar_headlines': [
    [{ examples: ['Growth', 'Growth!'] }, 'Near-identical headlines, such as "Growth", "Growth!".', 'Titoli quasi identici, per esempio «Growth» e «Growth!».'],
  ],
  'flag.mass_template': [
    [{ people: 11 }, 'Sent nearly the same note to 11 people in the last 30 days', 'Ha inviato quasi la stessa nota a 11 persone negli ultimi 30 giorni'],
  ],
  'flag.connect_then_pitch': [
    [{ people: 1 }, 'Sent nearly the same sales message to 1 person within days of connecting with each, in the last 30 days', 'Ha inviato quasi lo stesso messaggio commerciale a 1 persona a pochi giorni dal collegamento con ciascuna, negli ultimi 30 giorni'],
    [{ people: 14 }, 'Sent nearly the same sales message to 14 people within days of connecting with each, in the last 30 days', 'Ha inviato quasi lo stesso messaggio commerciale a 14 persone a pochi giorni dal collegamento con ciascuna, negli ultimi 30 giorni'],
  ],
  'flag.fast_pitches': [
    [{ people: 1 }, 'Sent a sales pitch by message to 1 person within a day of connecting, in the last 30 days', 'Ha inviato per messaggio una proposta commerciale a 1 persona entro un giorno dal collegamento, negli ultimi 30 giorni'],
    [{ people: 14 }, 'Sent a sales pitch by message to 14 people within a day of connecting, in the last 30 days', 'Ha inviato per messaggio una proposta commerciale a 14 persone entro un giorno dal collegamento, negli ultimi 30 giorni'],
  ],
  'flag.dont_know': [
    [{ count: 5, percent: 100 }, "5 people answered \"I don't know this person\" in the last 90 days (100% of answers)", '5 persone hanno risposto «Non conosco questa persona» negli ultimi 90 giorni (100% delle risposte)'],
  ],
  'flag.acceptance': [
    [{ percent: 8 }, '8% of answered invitations accepted', 'Inviti accettati: 8% di quelli con una risposta'],
  ],
  'flag.reports': [
    [{ count: 4, scam: 1, spam: 3 }, '4 open reports from different members (spam × 3, scam × 1).', '4 segnalazioni aperte da membri diversi (spam × 3 e truffa × 1).'],
    [{ count: 5, fake: 2, harassment: 2, other: 1 }, '5 open reports from different members (fake × 2, harassment × 2, other × 1).', '5 segnalazioni aperte da membri diversi (profilo falso × 2, molestie × 2 e altro × 1).'],
  ],
  'flag.other': [
    [{ message: 'Old flag text' }, 'Old flag text', 'Old flag text'],
  ],
  'signup.other': [
    [{ message: 'Old sign-up text' }, 'Old sign-up text', 'Old sign-up text'],
  ],
  'placement.held': [[{ risk: 82 }, 'Held by the platform: risk 82 of 100', 'Trattenuto dalla piattaforma: rischio 82 su 100']],
  'placement.sender_under_review': [
    [{}, "Held by the platform: the sender's account is under review", 'Trattenuto dalla piattaforma: l’account del mittente è in verifica'],
  ],
  'placement.other_flagged': [[{}, 'Put in Other by the platform: the sender is flagged', 'Spostato in Altro dalla piattaforma: il mittente è segnalato']],
  'placement.other_risk': [[{ risk: 57 }, 'Put in Other by the platform: risk 57 of 100', 'Spostato in Altro dalla piattaforma: rischio 57 su 100']],
  'placement.open': [[{}, 'Open policy: accepted automatically', 'Modalità aperta: accettato automaticamente']],
  'placement.manual': [[{}, 'Manual policy: everything waits in the inbox', 'Modalità manuale: ogni invito attende la tua risposta']],
  'placement.no_rule': [
    [{ folder: 'inbox' }, 'No rule matched → Inbox', 'Nessuna regola corrisponde → In arrivo'],
    [{ folder: 'other' }, 'No rule matched → Other', 'Nessuna regola corrisponde → Altro'],
    [{ folder: 'accept' }, 'No rule matched → accepted automatically', 'Nessuna regola corrisponde → accettato automaticamente'],
  ],
  'placement.rule': [
    [
      { rule: 2, folder: 'inbox', conditions: ['note', 'mutuals'], mutuals: 2 },
      'Rule 2: a note and at least 2 mutual connections → Inbox',
      'Regola 2: una nota e almeno 2 collegamenti in comune → In arrivo',
    ],
    [
      { rule: 1, folder: 'accept', conditions: ['mutuals', 'shared', 'risk'], mutuals: 1, risk: 20 },
      'Rule 1: at least 1 mutual connection, a shared organisation or school and risk at most 20 → accepted automatically',
      'Regola 1: almeno 1 collegamento in comune, un’organizzazione o una scuola in comune e rischio al massimo 20 → accettato automaticamente',
    ],
    [{ rule: 3, folder: 'other', conditions: ['degree'], degree: 2 }, 'Rule 3: 2nd degree or closer → Other', 'Regola 3: 2° grado o più vicino → Altro'],
    [{ rule: 4, folder: 'inbox', conditions: ['strength', 'degree'], strength: 40, degree: 1 }, 'Rule 4: profile strength at least 40 and 1st degree → Inbox', 'Regola 4: completezza del profilo di almeno 40 e 1° grado → In arrivo'],
  ],
  'placement.undelivered': [
    [
      {},
      'Not delivered: the recipient answered "I don\'t know this person" to an earlier invitation from this sender',
      'Non recapitato: il destinatario aveva risposto “Non conosco questa persona” a un invito precedente di questo mittente',
    ],
  ],
  'placement.released': [[{}, 'Released by the operators after review', 'Sbloccato dagli amministratori dopo la verifica']],
  'placement.other': [[{ message: 'Rule 2: a note → Inbox' }, 'Rule 2: a note → Inbox', 'Rule 2: a note → Inbox']],
};
