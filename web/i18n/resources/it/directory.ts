import type english from '../en/directory.ts';
import type { Messages } from '../messages.ts';

const directory: Messages<typeof english> = {
  title: 'Membri',
  description: 'Tutte le persone della community, dalle più recenti. Collegati con chi conosci e racconta in una nota personale come vi conoscete.',
  list: {
    label: 'Elenco dei membri',
    people: 'Membri',
    loading: 'Caricamento dei membri…',
    byName: 'Membri per nome',
    byNameFiltered: 'Membri per nome, con filtri',
    newest: 'Prima i membri più recenti',
    newestFiltered: 'Prima i membri più recenti, con filtri',
  },
  noMatches: {
    title: 'Nessun membro corrisponde a questi filtri',
    body: 'I filtri trovano solo i membri che condividono con te il profilo completo. Prova con un luogo più ampio o con un’altra organizzazione.',
    clear: 'Cancella filtri',
    search: 'Cerca per nome o competenza',
  },
  noMembers: {
    title: 'Non ci sono ancora altri membri',
    body: 'Sei tra le prime persone qui. Un profilo completo aiuta chi si iscrive dopo a trovarti e a sapere chi sei.',
    completeProfile: 'Completa il tuo profilo',
  },
  filters: {
    label: 'Ordine e filtri',
    order: 'Ordine',
    newest: 'Più recenti',
    name: 'Nome',
    place: 'Luogo',
    anyPlace: 'Qualsiasi luogo',
    industry: 'Settore',
    anyIndustry: 'Qualsiasi settore',
    clear: 'Cancella filtri',
  },
};

export default directory;
