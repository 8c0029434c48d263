import type english from '../en/garden.ts';
import type { Messages } from '../messages.ts';

/** Il giardino (issue 15): la mia rete per settore, funzione, fase di carriera, luogo, organizzazione ed età. Visibile solo a me. */
const garden: Messages<typeof english> = {
  page: {
    title: 'Il tuo giardino',
    description: 'Quanto è varia la tua rete, secondo ciò che i tuoi collegamenti dicono nei loro profili. Questa pagina la vedi solo tu.',
    loading: 'Conteggio della tua rete…',
    connections: '{count, plural, one {# collegamento contato} other {# collegamenti contati}}',
  },
  empty: {
    title: 'Il tuo giardino è ancora vuoto',
    text: 'Quando avrai dei collegamenti, questa pagina mostrerà quanto è varia la tua rete e dove può crescere.',
    findPeople: 'Trova persone che potresti conoscere',
    members: 'Sfoglia i membri',
  },
  dimensions: {
    industry: 'Settore',
    function: 'Funzione',
    careerStage: 'Fase di carriera',
    location: 'Luogo',
    organisation: 'Organizzazione',
    ageBand: 'Fascia d’età',
  },
  dimensionWords: {
    industry: 'settore',
    function: 'funzione',
    careerStage: 'fase di carriera',
    location: 'luogo',
    organisation: 'organizzazione',
    ageBand: 'età',
  },
  ageBands: {
    under25: 'Meno di 25',
    '25to34': '25–34',
    '35to44': '35–44',
    '45to54': '45–54',
    '55to64': '55–64',
    '65plus': '65 e oltre',
  },
  values: {
    other: 'Altri',
    unknown: 'Non indicato',
  },
  view: {
    label: 'Mostra {dimension} come',
    chart: 'Grafico',
    table: 'Tabella',
  },
  table: {
    caption: 'I tuoi collegamenti per {dimension}',
    value: 'Valore',
    count: 'Persone',
  },
  chart: {
    label: 'Grafico dei tuoi collegamenti per {dimension}',
    series: 'Persone',
  },
  measures: {
    blau: 'Varietà: {value} su 1. È la probabilità che due tuoi collegamenti scelti a caso differiscano per {dimension}: 0 vuol dire tutti uguali, vicino a 1 tutti diversi.',
    shannon: 'Dispersione (entropia di Shannon): {value}. Cresce sia con il numero di gruppi sia con quanto i tuoi collegamenti vi si distribuiscono in modo uniforme.',
    noneKnown: 'Nessuno dei tuoi collegamenti ha indicato {dimension}: per ora non c’è niente da misurare.',
    unknown: '{count, plural, one {# collegamento non l’ha indicato} other {# collegamenti non l’hanno indicato}}; non rientrano in queste misure.',
    ageConsent: 'In una fascia d’età rientra solo chi ha indicato l’anno di nascita e ha permesso di usarlo.',
  },
  baseline: {
    less: 'La tua rete è meno varia per {dimension} di quella del {share}% dei membri (la varietà mediana della comunità è {median}).',
    more: 'La tua rete è più varia per {dimension} di quella del {share}% dei membri (la varietà mediana della comunità è {median}).',
    none: 'Per questo non c’è ancora un confronto con la comunità.',
  },
  circles: {
    title: 'Le tue cerchie',
    none: 'I tuoi collegamenti non formano ancora cerchie: le persone che conosci si conoscono poco tra loro.',
    summary: 'I tuoi collegamenti formano {count, plural, one {# cerchia} other {# cerchie}}; {bridges, plural, =0 {nessuno le unisce} one {# persona le unisce} other {# persone le uniscono}}.',
    cluster: '{name}: {size, plural, one {# persona} other {# persone}}',
    bridge: 'unisce {from} a {to}',
    noCluster: 'nessuna cerchia propria',
    measures: 'Dimensione effettiva {effectiveSize}: più o meno quanti gruppi distinti raggiungi. Vincolo {constraint}: più è vicino a 1, più i tuoi contatti si conoscono tutti (meno spazio per fare da ponte).',
    map: 'Vedi la mappa della tua rete',
  },
  gaps: {
    title: 'Dove il tuo giardino può crescere',
    none: 'Nessuna lacuna evidente: la tua rete è già varia in tutto ciò che possiamo misurare.',
    widen: 'Trova persone',
    widenLabel: 'Trova persone per colmare questa lacuna: {gap}',
    noCareerStage: 'Nella tua rete non c’è {stage, select, student {nessuno studente} early {nessuno a inizio carriera} mid {nessuno a metà carriera} senior {nessun senior} executive {nessun dirigente} other {nessuno in quella fase}}.',
    allInOne: 'Tutti i {count} collegamenti che hanno indicato {dimension, select, industry {il settore} function {la funzione} other {il luogo}} sono in {value}.',
    mostlyOne: 'Il {percent}% dei collegamenti che hanno indicato {dimension, select, industry {il settore} function {la funzione} other {il luogo}} è in {value}.',
  },
};

export default garden;
