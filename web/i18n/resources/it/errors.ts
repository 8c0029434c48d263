import api from '../../../../common/i18n/errors/it.ts';
import type english from '../en/errors.ts';
import type { Messages } from '../messages.ts';

const errors: Messages<typeof english> = {
  ...api,
  client: {
    network_error: 'Impossibile raggiungere il server. Controlla la connessione e riprova.',
    unknown_error: 'Si è verificato un errore.',
    request_failed: 'Richiesta non riuscita ({status})',
    fix_fields: 'Correggi i campi evidenziati.',
    request: 'Richiesta',
    field: '{path}: {message}',
  },
  invite: {
    notSent: 'L’invito non è stato inviato',
    allowanceLink: 'Vedi quanti inviti hai a disposizione e perché',
  },
};

export default errors;
