import type english from '../en/account.ts';
import type { Messages } from '../messages.ts';

const account: Messages<typeof english> = {
  forgot: {
    title: 'Reimposta la password',
    subtitle: 'Ti invieremo via email un link per sceglierne una nuova.',
    email: 'Email',
    enterValidEmail: 'Inserisci un indirizzo email valido',
    submit: 'Invia il link di reimpostazione',
    sentTitle: 'Controlla la tua email',
    sent: 'Se esiste un account per {email}, ti stiamo inviando un link per reimpostare la password. Scade presto, quindi usalo oggi.',
    backToSignIn: 'Torna all’accesso',
  },
  reset: {
    missingTokenTitle: 'Reimposta la password',
    missingToken: 'In questo link manca il token. Apri di nuovo il link dalla tua email, oppure <a>richiedine uno nuovo</a>.',
    title: 'Scegli una nuova password',
    new: 'Nuova password',
    repeat: 'Ripeti la nuova password',
    tooShort: 'Usa almeno {min} caratteri',
    mismatch: 'Le password non corrispondono',
    submit: 'Imposta la nuova password',
    changedTitle: 'Password cambiata',
    changed: 'Ora puoi <a>accedere</a> con la tua nuova password.',
  },
  verify: {
    title: 'Verifica la tua email',
    missingToken: 'In questo link manca il token. Apri di nuovo il link dalla tua email.',
    verifying: 'Verifica della tua email in corso…',
    verifiedTitle: 'Email verificata',
    verified: 'Grazie. Il tuo indirizzo email è confermato.',
    continue: 'Continua su Rapport',
    failedTitle: 'Impossibile verificare l’email',
    requestNew: 'Puoi richiedere un nuovo link dalla tua <a>pagina iniziale</a>.',
  },
  notFound: {
    documentTitle: 'Pagina non trovata · Rapport',
    title: 'Pagina non trovata',
    emptyTitle: 'Questa pagina non esiste',
    body: 'Il link potrebbe essere vecchio, oppure l’indirizzo potrebbe essere sbagliato.',
    goHome: 'Vai alla pagina iniziale',
  },
};

export default account;
