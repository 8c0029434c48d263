import type english from '../en/auth.ts';
import type { Messages } from '../messages.ts';

const auth: Messages<typeof english> = {
  signIn: {
    title: 'Accedi',
    subtitle: 'Ti diamo il bentornato.',
    email: 'Email',
    password: 'Password',
    forgotPassword: 'Password dimenticata?',
    submit: 'Accedi',
    newHere: 'Non hai ancora un account?',
    createAccount: 'Crea un account',
    enterEmail: 'Inserisci la tua email',
    enterPassword: 'Inserisci la tua password',
  },
  signUp: {
    title: 'Iscriviti a Rapport',
    subtitle: 'Costruisci relazioni che contano nella tua community.',
    fullName: 'Nome e cognome',
    email: 'Email',
    password: 'Password',
    passwordHint: 'Almeno {min} caratteri; una frase segreta funziona bene.',
    submit: 'Crea account',
    alreadyMember: 'Hai già un account?',
    signIn: 'Accedi',
    enterName: 'Inserisci il tuo nome',
    enterValidEmail: 'Inserisci un indirizzo email valido',
    passwordTooShort: 'Usa almeno {min} caratteri',
  },
};
export default auth;
