import type english from '../en/egoMap.ts';
import type { Messages } from '../messages.ts';

/** La mappa della rete (issue 15, il giardino): i miei collegamenti in gruppi, i ponti tra i gruppi e la mia intermediazione. */
const egoMap: Messages<typeof english> = {
  page: {
    title: 'La mappa della tua rete',
    description: 'I tuoi collegamenti, raggruppati secondo chi conosce chi. Solo tu puoi vederla.',
    loading: 'Sto disegnando la tua rete…',
  },
  empty: {
    title: 'Ancora nessun collegamento da mappare',
    body: 'Quando sarai collegato con qualche persona, qui vedrai i gruppi che formano e chi li unisce.',
    action: 'Trova persone che potresti conoscere',
  },
  measures: {
    title: 'Cosa dice la mappa',
    clusters: 'Gruppi',
    clustersValue: '{count, plural, one {# gruppo} other {# gruppi}}',
    clustersHelp: 'Insiemi di tuoi collegamenti che si conoscono quasi tutti tra loro: un team, una scuola, un ambiente. Si trovano raggruppando le persone con molti legami tra loro.',
    bridges: 'Ponti',
    bridgesValue: '{count, plural, one {# ponte} other {# ponti}}',
    bridgesHelp: 'Collegamenti con legami in due o più dei tuoi gruppi. Uniscono mondi che altrimenti non si incontrerebbero e spesso sanno le novità per primi.',
    effectiveSize: 'Dimensione effettiva',
    effectiveSizeHelp: 'Quanti dei tuoi {total, plural, one {# collegamento} other {# collegamenti}} contano come contatti distinti, tolte le sovrapposizioni. Vicina al totale: i tuoi contatti si conoscono poco tra loro.',
    constraint: 'Vincolo',
    constraintHelp: 'Da 0 a 1: quanto la tua rete è un unico gruppo chiuso. Basso vuol dire che fai da ponte tra persone non collegate; alto che quasi tutti i tuoi contatti si conoscono.',
    truncated: 'La tua rete è grande: il disegno e l’elenco mostrano {shown} dei tuoi {total} collegamenti, prima i ponti e almeno qualcuno per ogni gruppo. I numeri qui sopra contano tutti.',
  },
  map: {
    title: 'Il disegno',
    label: 'Disegno della tua rete: {nodes, plural, one {# persona} other {# persone}} in {clusters, plural, one {# gruppo} other {# gruppi}}. Usa più e meno per lo zoom; la tabella qui sotto elenca tutti.',
    zoomIn: 'Ingrandisci',
    zoomOut: 'Riduci',
    reset: 'Mostra tutta la mappa',
    keys: 'Seleziona il disegno, poi premi + o − per lo zoom e 0 per vederlo tutto. Puoi anche scorrere con la rotellina.',
    noWebgl: 'Il tuo browser non può disegnare la mappa qui (WebGL non è disponibile). La tabella qui sotto mostra gli stessi gruppi.',
    failed: 'Non è stato possibile mostrare il disegno. La tabella qui sotto mostra gli stessi gruppi.',
  },
  table: {
    title: 'I tuoi collegamenti per gruppo',
    caption: 'I tuoi collegamenti, raggruppati per gruppo',
    person: 'Persona',
    cluster: 'Gruppo',
    bridge: 'Ponte',
    isBridge: 'Ponte',
    clusterName: 'Gruppo {number}',
    clusterLabelled: 'Gruppo {number}: {label}',
    clusterSize: '{count, plural, one {# persona} other {# persone}}',
    noCluster: 'In nessun gruppo',
    noClusterHelp: 'Collegamenti che non conoscono nessuno degli altri tuoi collegamenti.',
  },
};

export default egoMap;
