import { type AttemptBackend, AttemptLog } from './attempt-log.ts';

/**
 * Password-guessing throttle that an attacker cannot turn against an account's owner.
 *
 * Counting failures per account alone (the first design) let anyone lock any member out: ten wrong
 * passwords from anywhere, and the owner's right password was refused too. Guessing is instead
 * counted by who guesses where, and the owner is never refused for someone else's failures:
 *
 * - per account *and* address (`maxAttempts` a window): the guesser at one address is stopped on
 *   that account; the owner elsewhere is not;
 * - per address, over all accounts (5 × `maxAttempts`): one address spraying many accounts is stopped
 *   (several members can share one office or campus address, hence the larger allowance). An address
 *   the owner signed in from successfully is exempt *for that account*, so an attacker behind the same
 *   office address cannot lock the owner out either;
 * - per account, over all addresses (`maxAttempts`): this never refuses by itself. It marks the account
 *   as under attack, and while it is, an address that never signed in to it successfully gets a much
 *   smaller pair budget (`strictPairLimit`). That slows guessing spread over many addresses, yet an
 *   address that has not itself failed (the owner on a new network) still gets its attempts, and a
 *   known address keeps the full budget.
 *
 * Addresses arrive already keyed (server/auth/client-address.ts: IPv6 by /64). Every check happens
 * before the password is hashed, and a refused attempt is not counted, so a throttled guesser costs
 * nothing and learns nothing (the answer is 429 whether or not the password was right).
 */
/** How long an address a member signed in from stays known for their account. */
const KNOWN_FOR_MS = 90 * 24 * 3_600_000;

export class LoginThrottle {
  private readonly failures: AttemptLog;
  /** Per account, the addresses it recently signed in from successfully. */
  private readonly known: AttemptLog;
  readonly addressLimit: number;
  readonly strictPairLimit: number;

  /** `backend`: where the attempts are kept (memory by default; the database when processes share one). */
  constructor(
    readonly maxAttempts: number,
    windowMs: number,
    now: () => number = Date.now,
    shared?: { backend: AttemptBackend; name: string },
  ) {
    this.addressLimit = maxAttempts * 5;
    this.strictPairLimit = Math.max(2, Math.ceil(maxAttempts / 4));
    const memory = shared ? {} : { now };
    this.failures = new AttemptLog(windowMs, { keepPerKey: this.addressLimit, ...memory, ...(shared ? { backend: shared.backend, name: shared.name } : {}) });
    this.known = new AttemptLog(KNOWN_FOR_MS, { keepPerKey: 1, ...memory, ...(shared ? { backend: shared.backend, name: `${shared.name}-known` } : {}) });
  }

  /** Seconds before this account may be tried again from this address, or 0 when it may now. */
  async retryAfter(account: string, address: string): Promise<number> {
    const [trusted, accountFailures] = await Promise.all([this.isKnown(account, address), this.failures.count(accountKey(account))]);
    const underAttack = accountFailures >= this.maxAttempts;
    const pairLimit = underAttack && !trusted ? this.strictPairLimit : this.maxAttempts;
    let wait = await this.failures.retryAfter(pairKey(account, address), pairLimit);
    if (!trusted) wait = Math.max(wait, await this.failures.retryAfter(addressKeyOf(address), this.addressLimit));
    return wait;
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await Promise.all([
      this.failures.record(pairKey(account, address)),
      this.failures.record(addressKeyOf(address)),
      this.failures.record(accountKey(account)),
    ]);
  }

  /** The right password: this pair starts afresh, and the address is known for the account from now on. */
  async recordSuccess(account: string, address: string): Promise<void> {
    await Promise.all([this.failures.clear(pairKey(account, address)), this.known.record(pairKey(account, address))]);
  }

  private async isKnown(account: string, address: string): Promise<boolean> {
    return (await this.known.count(pairKey(account, address))) > 0;
  }
}
const pairKey = (account: string, address: string) => `pair:${account}|${address}`;
const addressKeyOf = (address: string) => `addr:${address}`;
const accountKey = (account: string) => `acct:${account}`;
