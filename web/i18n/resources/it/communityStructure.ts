import type english from '../en/communityStructure.ts';
import type { Messages } from '../messages.ts';

/** Amministrazione → Comunità: i gruppi della comunità, chi li collega e la densità nel tempo (issue 15). Solo operatori. */
const communityStructure: Messages<typeof english> = {
  title: 'Struttura della comunità',
  description: 'I gruppi che emergono da tutti i collegamenti, i membri i cui collegamenti arrivano in più gruppi e quanto è densa la rete nel tempo.',
  loading: 'Lettura della struttura della comunità…',
  computedAt: 'Calcolata {when}; ricalcolata ogni giorno.',
  empty: {
    title: 'Ancora nessun collegamento',
    text: 'Quando i membri si collegano, qui compaiono i gruppi che formano e chi li collega.',
  },
  clusters: {
    title: 'Gruppi',
    none: 'Ancora nessun gruppo: troppo pochi collegamenti.',
    name: 'Gruppo {number}',
    size: '{count, plural, one {# membro} other {# membri}}',
    labelOrganisation: 'soprattutto {value} (organizzazione)',
    labelIndustry: 'soprattutto {value} (settore)',
    labelPlace: 'soprattutto {value} (luogo)',
    unlabelled: 'nessuna organizzazione, settore o luogo in comune',
  },
  bridges: {
    title: 'Membri che collegano i gruppi',
    none: 'Ancora nessuno collega due gruppi.',
    reaches: 'Raggiunge {clusters}',
    clusterNumber: 'gruppo {number}',
    score: 'Punteggio di collegamento {score}',
  },
  density: {
    title: 'Densità nel tempo',
    explain: 'La quota di tutti i collegamenti possibili tra i membri attivi che esistono davvero.',
    view: 'Mostra la densità come',
    chart: 'Grafico',
    table: 'Tabella',
    chartLabel: 'Grafico a linee della densità della comunità per giorno',
    series: 'Densità',
    caption: 'La densità della comunità per giorno',
    day: 'Giorno',
    members: 'Membri',
    connections: 'Collegamenti',
    value: 'Densità',
    clusters: 'Gruppi',
  },
};

export default communityStructure;
