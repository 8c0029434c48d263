import ipaddr from 'ipaddr.js';

/**
 * Which addresses the link preview fetcher may connect to: global unicast only. Refused are loopback
 * (127/8, ::1), private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, fe80::/10, where cloud
 * metadata services answer), unique-local (fc00::/7), carrier-grade NAT (100.64/10), unspecified (0.0.0.0,
 * ::), broadcast, multicast, the documentation, benchmarking and reserved ranges, and IPv6 forms that carry
 * an IPv4 address to a translator (IPv4-mapped ::ffff:0:0/96 is judged by the IPv4 address it carries;
 * NAT64, 6to4 and Teredo are refused).
 */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let addr = ipaddr.parse(address);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (addr.kind() === 'ipv4') return addr.range() === 'unicast';
  return addr.range() === 'unicast' && addr.match(GLOBAL_UNICAST_V6);
}

/** The address a URL's host names literally (`[::1]` → `::1`), or null for a DNS name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  // The WHATWG URL parser has already turned 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1.
  return ipaddr.IPv4.isValidFourPartDecimal(bare) || (bare.includes(':') && ipaddr.IPv6.isValid(bare)) ? bare : null;
}
