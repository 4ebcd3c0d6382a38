import dns from 'node:dns'
import type { LookupAddress, LookupOptions } from 'node:dns'
import type { LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'

/**
 * Server-side request forgery guard: a webhook URL is typed by an admin, but the request is sent
 * from inside the newsroom's network. Only globally routable unicast addresses may receive one.
 * This is an allow-list: every range ipaddr.js names (loopback, private, linkLocal,
 * carrierGradeNat, multicast, unspecified, uniqueLocal, reserved, 6to4, teredo, NAT64...) is
 * refused, and an IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
 */
export class ForbiddenAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(
      host === address
        ? `${address} is a ${range} address`
        : `${host} resolves to ${address}, a ${range} address`,
    )
    this.name = 'ForbiddenAddressError'
  }
}

/** IANA's global unicast block: every public IPv6 address is in it, nothing outside it is. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3')
/**
 * IPv4-compatible addresses (`::a.b.c.d`, RFC 4291 2.5.5.1, deprecated): ipaddr.js calls
 * `::7f00:1` unicast, but some stacks route it to the IPv4 address it carries (127.0.0.1).
 */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96')

/**
 * The ipaddr.js range of an address ("unicast" for a public one), IPv4-mapped ones unwrapped.
 * An IPv6 address outside 2000::/3 is never "unicast" (site-local fec0::/10, NAT64 64:ff9b::/96
 * and 64:ff9b:1::/48, IPv4-compatible ::/96, discard 100::/64...), whatever ipaddr.js calls it;
 * inside it, ipaddr.js names the ranges that carry or reach another address (6to4, Teredo) or
 * are not routed (documentation, ORCHID).
 */
export function addressRange(address: string): string {
  const parsed = ipaddr.process(address)
  const range = parsed.range()
  if (parsed.kind() === 'ipv4' || range !== 'unicast') return range
  if (parsed.match(IPV4_COMPATIBLE)) return 'ipv4Compatible'
  if (!parsed.match(GLOBAL_UNICAST_V6)) return 'nonGlobal'
  return range
}

export const isPublicAddress = (address: string): boolean => addressRange(address) === 'unicast'

/** Throws ForbiddenAddressError unless the address is public (or private ones are allowed). */
export function assertAllowedAddress(host: string, address: string, allowPrivate: boolean): void {
  if (allowPrivate) return
  const range = addressRange(address)
  if (range !== 'unicast') throw new ForbiddenAddressError(host, address, range)
}

/** A URL's host without the brackets of an IPv6 literal. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1')

/**
 * A `lookup` for node:http(s) requests that resolves the name and refuses the connection when any
 * address is forbidden. The check runs on the addresses the socket will actually connect to, so a
 * name that resolved to a public address when the webhook was saved and to 127.0.0.1 now (DNS
 * rebinding) is still refused.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0)
      const list = addresses as LookupAddress[]
      try {
        for (const { address } of list) assertAllowedAddress(hostname, address, allowPrivate)
      } catch (refused) {
        return callback(refused as NodeJS.ErrnoException, '', 0)
      }
      if ((options as LookupOptions).all) return callback(null, list)
      const first = list[0]
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0)
      return callback(null, first.address, first.family)
    })
  }
}

/**
 * Why a webhook URL cannot be saved, or null when it can: http or https only, and with private
 * networks refused, a host whose every address is public. A name that does not resolve is refused
 * too: nothing could be delivered to it.
 */
export async function webhookUrlProblem(
  value: string,
  allowPrivate: boolean,
): Promise<string | null> {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `"${value}" is not an absolute URL such as https://hooks.example.com/paddock`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `must be an http:// or https:// URL, not ${url.protocol}`
  if (allowPrivate) return null
  const host = hostOf(url)
  try {
    if (ipaddr.isValid(host)) {
      assertAllowedAddress(host, host, false)
      return null
    }
    const addresses = await dns.promises.lookup(host, { all: true })
    for (const { address } of addresses) assertAllowedAddress(host, address, false)
    return null
  } catch (error) {
    if (error instanceof ForbiddenAddressError)
      return `${error.message}; webhooks may only go to public internet addresses`
    return `the host ${host} could not be resolved`
  }
}
