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
