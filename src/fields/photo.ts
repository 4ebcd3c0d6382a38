import type { UploadField } from 'payload'

/** A photo picked from the library; the admin shows its credit line under the choice. */
export const photo = (name: string, overrides: Partial<UploadField> = {}): UploadField =>
  ({
    name,
    type: 'upload',
    relationTo: 'photos',
    ...overrides,
    admin: {
      ...overrides.admin,
      components: { afterInput: ['/components/PhotoCredit#PhotoCredit'] },
    },
  }) as UploadField
