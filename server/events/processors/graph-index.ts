import { GRAPH_EVENT_KINDS, type GraphEventKind, type GraphService } from '../../graph/service.ts';
import type { Processor } from '../processor.ts';
import type { StoredEvent } from '../types.ts';

/**
 * Keeps the in-memory graph index in step with the connection and follow tables. Its position is the
 * graph's own (GraphService.marks), which a snapshot saves as its mark; at start-up the graph catches up
 * from the outbox before it is registered (graph/persist.ts).
 */
export class GraphIndexProcessor implements Processor<GraphEventKind> {
  readonly name = 'graph-index';
  readonly kinds = GRAPH_EVENT_KINDS;

  constructor(private readonly graph: GraphService) {}

  handle(event: StoredEvent<GraphEventKind>): void {
    this.graph.applyEvent(event);
  }
}
