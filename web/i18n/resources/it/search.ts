import type english from '../en/search.ts';
import type { Messages } from '../messages.ts';

const search: Messages<typeof english> = {
  title: 'Cerca persone',
  form: {
    label: 'Persone',
    query: 'Nome, titolo o competenza',
    submit: 'Cerca',
  },
  results: {
    label: 'Risultati della ricerca',
    searching: 'Ricerca in corso…',
    resultsFor: 'Risultati per «<bdi>{q}</bdi>»',
    members: 'Membri',
    list: 'Persone',
  },
  filters: {
    title: 'Filtri',
    connection: 'Collegamento',
    anyone: 'Tutti',
    industry: 'Settore',
    anyIndustry: 'Qualsiasi settore',
    function: 'Funzione',
    anyFunction: 'Qualsiasi funzione',
    careerStage: 'Fase di carriera',
    anyStage: 'Qualsiasi fase',
    clear: 'Cancella filtri',
  },
  noMatches: {
    title: 'Nessun risultato',
    forQuery: 'Nessuno corrisponde a «<bdi>{q}</bdi>».',
    forFilters: 'Nessuno corrisponde a questi filtri.',
    tips: 'Suggerimenti per la ricerca',
    tipShorter: 'Prova con una parte più breve del nome o con un’altra grafia: i piccoli errori di battitura sono tollerati.',
    tipTopic: 'Cerca una competenza, un’organizzazione o un luogo invece di una frase intera.',
    tipFilters: 'I filtri trovano solo i membri che condividono con te il profilo completo; rimuovine uno per vedere più persone.',
    tipDirectory: 'Sfoglia l’elenco dei membri per vedere tutti, dai più recenti.',
    clear: 'Cancella filtri',
    browse: 'Sfoglia tutti i membri',
  },
};

export default search;
