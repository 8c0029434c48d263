import type { Processor } from '../events/processor.ts';
import type { EmailDelivery } from '../jobs/email-delivery.ts';
import { NOTIFYING_KINDS } from './from-events.ts';

/**
 * Wakes email delivery once an event that may have queued notification emails commits, so they go out now
 * rather than on the delivery timer. Only a wake-up: the emails are rows, delivered by the timer regardless.
 */
export class EmailWakeProcessor implements Processor {
  readonly name = 'notification-email-wake';
  readonly kinds = NOTIFYING_KINDS;

  constructor(private readonly email: EmailDelivery) {}

  handle(): void {
    // Not awaited: delivery talks to an SMTP server, and the request that committed must not wait on it.
    void this.email.kick();
  }
}
