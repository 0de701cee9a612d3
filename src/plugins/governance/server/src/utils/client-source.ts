import { isIPv4, isIPv6 } from 'net';

/** The eight 16-bit groups of an IPv6 address (its zone, `%eth0`, left out). */
const groupsOf = (ip: string): number[] => {
  const address = ip.split('%')[0];
  const parse = (part: string) =>
    part
      ? part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          // An embedded IPv4 address (`::ffff:1.2.3.4`) fills the last two groups.
          const [a, b, c, d] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        })
      : [];
  const [left, right] = address.includes('::')
    ? address.split('::').map(parse)
    : [parse(address), []];
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
};

/**
 * Who a request counts against in a budget (public writes, visits, failed logins): an IPv4
 * address as itself, an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, how a dual-stack socket
 * sees an IPv4 visitor) as that IPv4 address, and any other IPv6 address as its /64 — one
 * subscriber's network: a single machine gets a whole /64 and may pick a fresh address in it for
 * every request. Only budgets group; the address stored with a message or an audit entry stays
 * the full one. Anything that is no address is its own source.
 */
export const clientSource = (ip: string): string => {
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const groups = groupsOf(ip);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
};
