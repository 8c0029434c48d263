import { it } from '../../../../common/i18n/reasons/it.ts';
import type english from '../en/reasons.ts';
import type { Messages } from '../messages.ts';

const reasons: Messages<typeof english> = {
  ...it,
  notices: {
    region: 'Avvisi dagli amministratori',
    title: {
      warning: 'Un avvertimento dagli amministratori',
      restriction: 'Il tuo account ha delle limitazioni',
      lifted: 'Limitazione rimossa',
      role: 'Il tuo ruolo in questa community è cambiato',
      removal: 'Un tuo contenuto è stato rimosso',
    },
    ends: 'Termina il <time>{date}</time>',
    gotIt: 'Ho capito',
  },
};

export default reasons;
