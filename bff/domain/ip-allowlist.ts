// Seed 000's "Restrict Access to Specific IP(s)": entries are single IPs or CIDR ranges (ipaddr.js parses them).
import ipaddr from 'ipaddr.js';

export const IP_RESTRICTED_MESSAGE = (tenantName: string) =>
  `Your organization policies restrict you from accessing ${tenantName} from your current IP.`;

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Dotted-quad IPv4 or IPv6 only: ipaddr.js also reads `010.1.2.3` as octal and `10.1` as 10.0.0.1. */
const strictAddress = (s: string) => ipaddr.IPv4.isValidFourPartDecimal(s) || ipaddr.IPv6.isValid(s);

function parseEntry(raw: string): Range | null {
  const entry = raw.trim();
  const [address = '', bits, ...rest] = entry.split('/');
  if (rest.length || !strictAddress(address)) return null;
  try {
    if (bits !== undefined) return ipaddr.parseCIDR(entry);
    const addr = ipaddr.process(address);
    return [addr, addr.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return null;
  }
}

/** Whether the entry is a valid IP or CIDR (for validating allow-list writes). */
export const isValidAllowlistEntry = (entry: string) => parseEntry(entry) !== null;

/** An empty list allows everyone; otherwise the IP (IPv4-mapped IPv6 counts as IPv4) must fall in a range. */
export function ipAllowed(ip: string | undefined, allowlist: readonly string[]): boolean {
  if (allowlist.length === 0) return true;
  if (!ip || !strictAddress(ip)) return false;
  const addr = ipaddr.process(ip);
  return allowlist.some((entry) => {
    const range = parseEntry(entry);
    return !!range && range[0].kind() === addr.kind() && addr.match(range as never);
  });
}

/** The address in canonical form (IPv4-mapped IPv6 as IPv4), or undefined when it is no address. */
export function normalizeIp(ip: string | undefined): string | undefined {
  const bare = ip && stripPort(ip.trim());
  if (!bare || !strictAddress(bare)) return undefined;
  return ipaddr.process(bare).toString();
}

/** Proxies may write `1.2.3.4:5678` or `[2001:db8::1]:443`; the port is not part of the address. */
function stripPort(hop: string): string {
  const bracketed = hop.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = hop.match(/^(\d+\.\d+\.\d+\.\d+):\d+$/);
  return v4WithPort ? v4WithPort[1]! : hop;
}

/** The one bucket for requests whose address could not be determined. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The key rate limits count an address under: IPv4 as it is, IPv6 by its /64, since one
 * subscriber usually holds a whole /64 and could otherwise be a new "IP" per request.
 */
export function rateLimitKeyForIp(ip: string | undefined): string {
  const addr = normalizeIp(ip);
  if (!addr) return UNKNOWN_ADDRESS;
  const parsed = ipaddr.parse(addr);
  if (!(parsed instanceof ipaddr.IPv6)) return addr;
  const parts = parsed.parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

/**
 * The client's IP behind reverse proxies. Only a peer inside `trustedProxies` may speak for the
 * client; its X-Forwarded-For is read right to left (proxies append), skipping trusted hops, so a
 * client cannot forge the left-hand entries into counting.
 */
export function resolveClientIp(peer: string | undefined, forwardedFor: string | undefined, trustedProxies: readonly string[]): string | undefined {
  const direct = normalizeIp(peer);
  if (!direct || trustedProxies.length === 0 || !ipAllowed(direct, trustedProxies) || !forwardedFor) return direct;
  const hops = forwardedFor.split(',').map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i]);
    if (!hop) return undefined;
    if (!ipAllowed(hop, trustedProxies)) return hop;
  }
  return normalizeIp(hops[0]) ?? direct;
}
