import ipaddr from 'ipaddr.js';

/**
 * The key a client address is counted under by the throttles: an IPv4 address as it is, an IPv6 address
 * by its /64. One IPv6 customer usually holds a whole /64, so counting single IPv6 addresses would let one
 * client rotate through 2^64 fresh budgets. IPv4-mapped IPv6 addresses count as the IPv4 address.
 */
export function addressKey(raw: string): string {
  const addr = parse(raw);
  if (!addr) return raw;
  if (addr.kind() === 'ipv4') return addr.toString();
  return `${prefix(addr as ipaddr.IPv6, 4).toString()}/64`;
}

/** The wider network an address belongs to: its /24 (IPv4) or /48 (IPv6); for budgets shared by neighbours. */
export function subnetKey(raw: string): string {
  const addr = parse(raw);
  if (!addr) return raw;
  if (addr.kind() === 'ipv4') {
    const [a, b, c] = (addr as ipaddr.IPv4).octets;
    return `${a}.${b}.${c}.0/24`;
  }
  return `${prefix(addr as ipaddr.IPv6, 3).toString()}/48`;
}

function parse(raw: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(raw)) return null;
  const addr = ipaddr.parse(raw);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) return (addr as ipaddr.IPv6).toIPv4Address();
  return addr;
}

function prefix(addr: ipaddr.IPv6, groups: number): ipaddr.IPv6 {
  const parts = addr.parts.slice(0, groups);
  while (parts.length < 8) parts.push(0);
  return new ipaddr.IPv6(parts);
}
