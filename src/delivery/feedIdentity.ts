import type { Payload } from 'payload'

import type { Env } from '../config/env'
import type { TagOptions } from './formats/shared'

export type FeedIdentity = Required<TagOptions>

/**
 * What a first start would store: TAG_AUTHORITY and TAG_DATE when set, else the host of the public
 * site (STORY_URL) and the day of the first start. Any later change of STORY_URL leaves the stored
 * identity alone.
 */
export function proposedFeedIdentity(
  settings: Pick<Env, 'storyUrl' | 'tagIdentity'>,
  now: Date,
): FeedIdentity {
  return {
    tagAuthority:
      settings.tagIdentity.authority ??
      new URL(settings.storyUrl.replace('{slug}', '')).hostname.replace(/^\[|\]$/g, ''),
    tagDate: settings.tagIdentity.date ?? now.toISOString().slice(0, 10),
  }
}

const stored = new WeakMap<Payload, Promise<FeedIdentity>>()

async function readOrStore(payload: Payload, settings: Env): Promise<FeedIdentity> {
  const current = await payload.findGlobal({
    slug: 'feed-identity',
    depth: 0,
    overrideAccess: true,
  })
  if (current.tagAuthority && current.tagDate) {
    const identity = { tagAuthority: current.tagAuthority, tagDate: current.tagDate }
    const asked = settings.tagIdentity
    if (
      (asked.authority && asked.authority !== identity.tagAuthority) ||
      (asked.date && asked.date !== identity.tagDate)
    )
      payload.logger.warn(
        `TAG_AUTHORITY/TAG_DATE differ from the identity stored at the first start (${identity.tagAuthority},${identity.tagDate}); the stored one is kept so that no GUID changes`,
      )
    return identity
  }
  const identity = proposedFeedIdentity(settings, new Date())
  await payload.updateGlobal({ slug: 'feed-identity', data: identity, overrideAccess: true })
  payload.logger.info(
    `Feed identity fixed: tag:${identity.tagAuthority},${identity.tagDate}: (stories' GUIDs are minted under it from now on)`,
  )
  return identity
}

/**
 * The stored tagging entity, stored first if this is the first start. Read once per process: once
 * stored it never changes.
 */
export function feedIdentity(payload: Payload, settings: Env): Promise<FeedIdentity> {
  let identity = stored.get(payload)
  if (!identity) {
    identity = readOrStore(payload, settings)
    identity.catch(() => stored.delete(payload))
    stored.set(payload, identity)
  }
  return identity
}
