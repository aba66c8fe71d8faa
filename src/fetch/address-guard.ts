// The address guard: which IP addresses Marsad refuses to connect to unless a source is added with
// --allow-private. A news monitor fetches URLs that strangers write (feeds, redirects, sitemaps), so
// without this a feed could make it read the cloud metadata service or a router's admin page (SSRF).
// The guard judges the address actually connected to (see connector.ts), never the hostname.

import { isIPv4, isIPv6 } from 'node:net';

/** Why an address is refused. */
export type ForbiddenReason =
  | 'invalid'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'metadata'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking';

/** How each reason reads in an error message: "<ip> is <description>". */
export const FORBIDDEN_DESCRIPTIONS: Record<ForbiddenReason, string> = {
  invalid: 'not a valid IP address',
  unspecified: 'the unspecified address',
  loopback: 'a loopback address',
  private: 'a private-network address',
  shared: 'a carrier-grade NAT (shared, 100.64.0.0/10) address',
  'link-local': 'a link-local address',
  metadata: 'a cloud metadata service address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  documentation: 'a documentation-only address',
  benchmarking: 'a benchmarking-only address',
};

/**
 * Cloud metadata services, checked before the ranges so the message names them. All but
 * fd00:ec2::254 also fall in a forbidden range; naming them tells the user why it matters.
 * 169.254.169.254: AWS, GCP, Azure, OpenStack, Oracle; 169.254.170.2: AWS ECS task metadata;
 * 100.100.100.200: Alibaba Cloud; fd00:ec2::254: AWS over IPv6.
 */
const METADATA_ADDRESSES = ['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254'];

/** IPv4 ranges refused, most specific first (first match wins). Sources: RFC 6890 and the IANA registry. */
// biome-ignore format: one range per line reads as a table
const IPV4_RANGES: Array<[string, number, ForbiddenReason]> = [
  ['255.255.255.255', 32, 'broadcast'],   // RFC 919
  ['0.0.0.0', 8, 'unspecified'],          // "this network"; 0.0.0.0 reaches localhost on Linux
  ['10.0.0.0', 8, 'private'],             // RFC 1918
  ['100.64.0.0', 10, 'shared'],           // RFC 6598, carrier-grade NAT
  ['127.0.0.0', 8, 'loopback'],           // RFC 1122
  ['169.254.0.0', 16, 'link-local'],      // RFC 3927
  ['172.16.0.0', 12, 'private'],          // RFC 1918
  ['192.0.0.0', 24, 'reserved'],          // RFC 6890, IETF protocol assignments
  ['192.0.2.0', 24, 'documentation'],     // RFC 5737 TEST-NET-1
  ['192.168.0.0', 16, 'private'],         // RFC 1918
  ['198.18.0.0', 15, 'benchmarking'],     // RFC 2544
  ['198.51.100.0', 24, 'documentation'],  // RFC 5737 TEST-NET-2
  ['203.0.113.0', 24, 'documentation'],   // RFC 5737 TEST-NET-3
  ['224.0.0.0', 4, 'multicast'],          // RFC 5771
  ['240.0.0.0', 4, 'reserved'],           // RFC 1112, future use
];

/**
 * IPv6 ranges refused, most specific first. Ranges that carry an IPv4 address (mapped, NAT64,
 * 6to4, Teredo) are not here: classifyIPv6 judges the IPv4 address inside them instead.
 */
// biome-ignore format: one range per line reads as a table
const IPV6_RANGES: Array<[string, number, ForbiddenReason]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'reserved'],                 // IPv4-compatible (deprecated, RFC 4291)
  ['64:ff9b:1::', 48, 'private'],         // RFC 8215, local-use NAT64
  ['100::', 64, 'reserved'],              // RFC 6666, discard-only
  ['2001:db8::', 32, 'documentation'],    // RFC 3849
  ['fc00::', 7, 'private'],               // RFC 4193, unique local
  ['fe80::', 10, 'link-local'],           // RFC 4291
  ['fec0::', 10, 'private'],              // RFC 3879, deprecated site-local
  ['ff00::', 8, 'multicast'],             // RFC 4291
];

/**
 * Why `ip` may not be fetched without --allow-private, or null when it is a public address.
 * Anything that is not an IP address is refused ('invalid'): the guard fails closed.
 *
 * @example classifyAddress('10.1.2.3') // 'private'
 * @example classifyAddress('::ffff:169.254.169.254') // 'metadata'
 * @example classifyAddress('8.8.8.8') // null
 */
export function classifyAddress(ip: string): ForbiddenReason | null {
  const address = stripBrackets(ip);
  if (isIPv4(address)) return classifyIPv4(ipv4ToNumber(address));
  const v6 = parseIPv6(address);
  return v6 === null ? 'invalid' : classifyIPv6(v6);
}

/** True when the guard refuses `ip` (see classifyAddress). */
export function isForbiddenAddress(ip: string): boolean {
  return classifyAddress(ip) !== null;
}

/** "127.0.0.1 is a loopback address", for error messages. */
export function describeForbidden(ip: string, reason: ForbiddenReason): string {
  return `${ip} is ${FORBIDDEN_DESCRIPTIONS[reason]}`;
}

/** An IP literal as found in a URL's hostname ("[::1]" → "::1"), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = stripBrackets(hostname);
  return isIPv4(bare) || isIPv6(bare) ? bare : null;
}

const V4_METADATA = new Set(METADATA_ADDRESSES.filter((a) => isIPv4(a)).map(ipv4ToNumber));
const V6_METADATA = new Set(METADATA_ADDRESSES.filter((a) => !isIPv4(a)).map((a) => parseIPv6(a) as bigint));
const V4_TABLE = IPV4_RANGES.map(([base, bits, reason]) => {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { net: (ipv4ToNumber(base) & mask) >>> 0, mask, reason };
});
const V6_ALL = (1n << 128n) - 1n;
const V6_TABLE = IPV6_RANGES.map(([base, bits, reason]) => {
  const mask = (V6_ALL << BigInt(128 - bits)) & V6_ALL;
  return { net: (parseIPv6(base) as bigint) & mask, mask, reason };
});

function classifyIPv4(n: number): ForbiddenReason | null {
  if (V4_METADATA.has(n)) return 'metadata';
  for (const range of V4_TABLE) if ((n & range.mask) >>> 0 === range.net) return range.reason;
  return null;
}

function classifyIPv6(n: bigint): ForbiddenReason | null {
  if (V6_METADATA.has(n)) return 'metadata';
  const embedded = embeddedIPv4(n);
  if (embedded !== null) return classifyIPv4(embedded);
  for (const range of V6_TABLE) if ((n & range.mask) === range.net) return range.reason;
  return null;
}

/**
 * The IPv4 address an IPv6 address stands for, where it stands for one: IPv4-mapped
 * (::ffff:a.b.c.d, how dual-stack sockets report IPv4 peers), NAT64 (64:ff9b::/96, RFC 6052),
 * 6to4 (2002::/16, RFC 3056) and Teredo (2001::/32, RFC 4380, client address inverted).
 */
function embeddedIPv4(n: bigint): number | null {
  const low32 = Number(n & 0xffffffffn);
  if (n >> 32n === 0xffffn) return low32;
  if (n >> 32n === 0x0064ff9b0000000000000000n) return low32;
  if (n >> 112n === 0x2002n) return Number((n >> 80n) & 0xffffffffn);
  if (n >> 96n === 0x20010000n) return ~low32 >>> 0;
  return null;
}

function stripBrackets(ip: string): string {
  return ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
}

function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** An IPv6 address as a 128-bit number, or null when it is not one. Zone ids ("%eth0") are dropped. */
function parseIPv6(ip: string): bigint | null {
  const address = ip.split('%')[0];
  if (!isIPv6(address)) return null;
  let text = address;
  const groups: number[] = [];
  // A trailing dotted IPv4 part ("::ffff:1.2.3.4") counts as two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let tail: number[] = [];
  if (dotted) {
    const v4 = ipv4ToNumber(dotted[1]);
    tail = [v4 >>> 16, v4 & 0xffff];
    text = text.slice(0, -dotted[1].length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const [head, rest] = text.split('::');
  const headGroups = head ? head.split(':').map((g) => Number.parseInt(g, 16)) : [];
  const restGroups = rest ? rest.split(':').map((g) => Number.parseInt(g, 16)) : [];
  if (rest === undefined) groups.push(...headGroups, ...tail);
  else {
    const missing = 8 - headGroups.length - restGroups.length - tail.length;
    groups.push(...headGroups, ...new Array<number>(missing).fill(0), ...restGroups, ...tail);
  }
  if (groups.length !== 8) return null;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}
