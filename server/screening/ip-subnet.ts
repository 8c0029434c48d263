import ipaddr from 'ipaddr.js';

/** A sign-up's client address as burst and cluster detection count it. */
export interface SignupNetwork {
  /** The normalised address (IPv4-mapped IPv6 becomes plain IPv4); null when there was none or it did not parse. */
  ip: string | null;
  /**
   * The /24 (IPv4) or /48 (IPv6) around it, or null when the address is not counted: loopback,
   * unspecified or unparseable. Loopback is skipped on purpose: a single-host install behind a reverse
   * proxy without TRUST_PROXY sees every sign-up as 127.0.0.1, and counting those would hold everyone.
   */
  subnet: string | null;
}

const UNCOUNTED_RANGES = new Set(['loopback', 'unspecified']);

/** Normalises a client address and finds the subnet that burst and cluster detection group it by. */
export function signupNetwork(raw: string | null | undefined): SignupNetwork {
  if (!raw || !ipaddr.isValid(raw)) return { ip: null, subnet: null };
  let addr = ipaddr.parse(raw);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  const ip = addr.toString();
  if (UNCOUNTED_RANGES.has(addr.range())) return { ip, subnet: null };
  if (addr.kind() === 'ipv4') {
    const [a, b, c] = (addr as ipaddr.IPv4).octets;
    return { ip, subnet: `${a}.${b}.${c}.0/24` };
  }
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 3);
  const prefix = new ipaddr.IPv6([...parts, 0, 0, 0, 0, 0]);
  return { ip, subnet: `${prefix.toString()}/48` };
}
