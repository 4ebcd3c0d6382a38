import type { GlobalConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'

/**
 * The RFC 4151 tagging entity (`tag:<authority>,<date>:`) every story's and feed's identity is
 * minted under. Written once, at the first start (src/delivery/feedIdentity.ts), and never again:
 * a GUID that changed would show every story as new in every feed reader. Nobody can update it
 * over the API, not even an admin.
 */
export const FeedIdentity: GlobalConfig = {
  slug: 'feed-identity',
  access: { read: isAdmin, update: () => false },
  admin: {
    group: 'Settings',
    description:
      'Fixed at the first start from TAG_AUTHORITY and TAG_DATE, or the STORY_URL host and that day. Never changes.',
  },
  fields: [
    { name: 'tagAuthority', type: 'text', admin: { readOnly: true } },
    { name: 'tagDate', type: 'text', admin: { readOnly: true } },
  ],
}
