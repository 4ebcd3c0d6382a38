import { LRUCache } from 'lru-cache'
import { APIError, AuthenticationError } from 'payload'
import type { CollectionAfterOperationHook, CollectionBeforeOperationHook } from 'payload'

import { clientAddress } from '../../../http/clientAddress'

/** Failed sign-ins one address may make in a window, across all accounts, before a 429. */
export const ADDRESS_LIMIT = 20
/** Failed sign-ins to one account from one address in a window before it is refused there. */
export const ACCOUNT_LIMIT = 5
export const WINDOW_MS = 10 * 60 * 1000

interface Failures {
  count: number
  resetAt: number
}

// Bounded memory: the least recently seen entries go first, and every entry expires with its
// window. One process's view: each instance counts the attempts it serves.
const byAddress = new LRUCache<string, Failures>({ max: 50_000, ttl: WINDOW_MS })
const byAccount = new LRUCache<string, Failures>({ max: 50_000, ttl: WINDOW_MS })

const accountKey = (email: string, address: string) => `${email}\u0000${address}`

function fail(counts: LRUCache<string, Failures>, key: string, now: number): void {
  const current = counts.get(key)
  if (current && current.resetAt > now) current.count++
  else counts.set(key, { count: 1, resetAt: now + WINDOW_MS })
}

function reached(counts: LRUCache<string, Failures>, key: string, limit: number, now: number) {
  const current = counts.get(key)
  return current && current.resetAt > now && current.count >= limit ? current : undefined
}

const emailOf = (data: unknown): string => {
  const email = (data as { email?: unknown } | undefined)?.email
  return typeof email === 'string' ? email.toLowerCase().trim() : ''
}

/**
 * Sign-ins over HTTP, REST and GraphQL alike (the Local API is trusted code and not counted):
 * - an address that keeps failing is slowed down first: past ADDRESS_LIMIT failures in a window,
 *   every sign-in from it answers 429 with Retry-After, whatever the account;
 * - an account is locked per address: past ACCOUNT_LIMIT failures from one address, that address
 *   can no longer sign in to it for the window, while its owner, elsewhere, still can. A
 *   stranger can therefore not lock anyone out, and guessing costs a new address every few tries;
 * - a locked account answers exactly like an unknown email or a wrong password, so the answer
 *   never tells which accounts exist.
 * Every attempt counts as a failure when it starts and is forgiven when it succeeds, so parallel
 * guesses cannot slip past the count.
 */
export const guardLogin: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const address = clientAddress()
  if (!address) return args
  const now = Date.now()
  const email = emailOf(args.data)
  const throttled = reached(byAddress, address, ADDRESS_LIMIT, now)
  if (throttled) {
    const seconds = Math.max(1, Math.ceil((throttled.resetAt - now) / 1000))
    req.responseHeaders = new Headers({ 'Retry-After': String(seconds) })
    throw new APIError(`Too many failed sign-ins from this address; try again in ${seconds} s`, 429)
  }
  fail(byAddress, address, now)
  if (reached(byAccount, accountKey(email, address), ACCOUNT_LIMIT, now))
    throw new AuthenticationError(req.t)
  fail(byAccount, accountKey(email, address), now)
  return args
}

/** A successful sign-in is not a failure: it is forgiven, and its account's count starts over. */
export const forgiveLogin: CollectionAfterOperationHook = ({ args, operation, result }) => {
  if (operation !== 'login') return result
  const address = clientAddress()
  if (!address) return result
  const counted = byAddress.get(address)
  if (counted && counted.count > 0) counted.count--
  byAccount.delete(accountKey(emailOf(args.data), address))
  return result
}

/** An admin's unlock clears the account's lock from every address. */
export const unlockEverywhere: CollectionAfterOperationHook = ({ args, operation, result }) => {
  if (operation !== 'unlock') return result
  const email = emailOf(args.data)
  for (const key of byAccount.keys()) if (key.startsWith(`${email}\u0000`)) byAccount.delete(key)
  return result
}
