import http from 'node:http'
import https from 'node:https'
import ipaddr from 'ipaddr.js'
import { Webhook } from 'standardwebhooks'

import { assertAllowedAddress, guardedLookup, hostOf } from './addresses'

export const USER_AGENT = 'PaddockCMS-Webhooks/1'

export interface SignedRequest {
  url: string
  secret: string
  messageId: string
  body: string
  timeoutMs: number
  allowPrivateNetworks: boolean
  now?: Date
}

/** The Standard Webhooks headers for one attempt; the timestamp is the attempt's own. */
export function signedHeaders(
  secret: string,
  messageId: string,
  body: string,
  now: Date,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, now, body),
  }
}

/**
 * One attempt: POSTs the body and resolves with the response status, whatever it is. Rejects on
 * a refused address, a network error or when no response has come within `timeoutMs`. Uses
 * node:http(s) rather than fetch for the `lookup` hook (see guardedLookup); an IP literal is never
 * looked up, so it is checked here. Redirects are not followed.
 */
export function postSigned(request: SignedRequest): Promise<number> {
  const url = new URL(request.url)
  const host = hostOf(url)
  if (ipaddr.isValid(host)) assertAllowedAddress(host, host, request.allowPrivateNetworks)
  const headers = signedHeaders(
    request.secret,
    request.messageId,
    request.body,
    request.now ?? new Date(),
  )
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const outgoing = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(request.body)) },
      lookup: guardedLookup(request.allowPrivateNetworks),
      agent: false,
    })
    const timer = setTimeout(
      () => outgoing.destroy(new Error(`no response within ${request.timeoutMs} ms`)),
      request.timeoutMs,
    )
    outgoing.on('response', (response) => {
      clearTimeout(timer)
      // The receiver's answer is not used; drain it so the socket is released.
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    outgoing.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    outgoing.end(request.body)
  })
}
