/**
 * Where a webhook may point. The server POSTs there, so a URL naming an internal address would let an
 * officer make the server call its own database port, a cloud metadata service or the office network
 * (SSRF). A target is checked on its resolved addresses, not on its text: `http://2130706433/`,
 * `http://[::ffff:127.0.0.1]/` or a name whose DNS answer is 127.0.0.1 are all loopback. Only public
 * unicast addresses pass (ipaddr.js classifies: private, loopback, link-local, unique-local, multicast,
 * unspecified, CGNAT, reserved, NAT64/6to4/Teredo are refused), unless an admin allow-listed the host
 * or a CIDR (WEBHOOK_ALLOW_HOSTS). The caller connects to the address that was checked (`pinnedLookup`),
 * so a second DNS answer (rebinding) cannot swap it.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { type Message, messageTexts, msg } from '../../runtime/messages/render.ts';
import type { Label } from '../../runtime/nodes/param-meta.ts';

/** A refused target: `msg` is what the officer reads (Korean and English), the message its English. */
export class WebhookTargetError extends Error {
  override name = 'WebhookTargetError';
  constructor(readonly msg: Message) {
    super(messageTexts(msg).en);
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolve = (host: string) => Promise<ResolvedAddress[]>;

const systemResolve: Resolve = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export interface TargetPolicy {
  /** Host names, addresses or CIDRs (`hooks.customs.local`, `10.1.2.3`, `10.20.0.0/16`, `fd00::/8`). */
  allowHosts: readonly string[];
  /** DNS; injectable for tests. */
  resolve?: Resolve;
}

export interface CheckedTarget {
  url: URL;
  /** The host without IPv6 brackets. */
  host: string;
  /** The address to connect to: one that passed the check (none for a host allow-listed by name: DNS decides). */
  address?: ResolvedAddress;
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

function allowRules(allowHosts: readonly string[]) {
  const names = new Set<string>();
  const cidrs: Cidr[] = [];
  for (const raw of allowHosts) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (!entry) continue;
    if (entry.includes('/') && ipaddr.isValidCIDR(entry)) {
      const [ip, bits] = ipaddr.parseCIDR(entry);
      cidrs.push([
        ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? ipaddr.process(ip.toString()) : ip,
        bits,
      ]);
    } else if (ipaddr.isValid(entry)) {
      const ip = ipaddr.process(entry);
      cidrs.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
    } else {
      names.add(entry);
    }
  }
  return { names, cidrs };
}

/** Why an address may not be a webhook target (undefined: it may). */
function refusal(address: string, cidrs: Cidr[]): string | undefined {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.process(address); // IPv4-mapped IPv6 (::ffff:127.0.0.1) becomes the IPv4 it carries
  } catch {
    return 'unparsable';
  }
  if (cidrs.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return undefined;
  const range = ip.range();
  return range === 'unicast' ? undefined : range;
}

const RANGE_WORDS: Record<string, Label> = {
  loopback: { ko: '이 서버 자신(루프백)', en: 'this server itself (loopback)' },
  private: { ko: '내부망(사설 주소)', en: 'a private network' },
  linkLocal: { ko: '링크 로컬(클라우드 메타데이터 등)', en: 'a link-local address (cloud metadata and the like)' },
  uniqueLocal: { ko: '내부망(IPv6 고유 로컬)', en: 'a private network (IPv6 unique-local)' },
  carrierGradeNat: { ko: '통신사 내부망(CGNAT)', en: 'a carrier-grade NAT network' },
  unspecified: { ko: '지정되지 않은 주소', en: 'the unspecified address' },
  multicast: { ko: '멀티캐스트', en: 'a multicast address' },
  broadcast: { ko: '브로드캐스트', en: 'the broadcast address' },
};
const RESERVED: Label = { ko: '예약된 특수 주소', en: 'a reserved address' };

/**
 * Checks a webhook URL and resolves its host; throws `WebhookTargetError` with a message an officer
 * can act on. Every address the name resolves to must pass (an attacker may publish several).
 */
export async function checkWebhookTarget(raw: string, policy: TargetPolicy): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw); // WHATWG parsing normalises 2130706433, 0x7f.1 and the like to 127.0.0.1
  } catch {
    throw new WebhookTargetError(msg('webhook.bad_url'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebhookTargetError(msg('webhook.scheme'));
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const { names, cidrs } = allowRules(policy.allowHosts);
  if (names.has(host)) return { url, host }; // an admin vouched for this name, wherever it points
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      addresses = await (policy.resolve ?? systemResolve)(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) {
      throw new WebhookTargetError(msg('webhook.unresolved', { host }));
    }
  }
  for (const { address } of addresses) {
    const why = refusal(address, cidrs);
    if (why === undefined) continue;
    throw new WebhookTargetError(msg('webhook.internal', { where: RANGE_WORDS[why] ?? RESERVED, address }));
  }
  return { url, host, address: addresses[0]! };
}

/** A `lookup` for http(s).request that answers with the checked address only, whatever DNS says now. */
export function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };
}
