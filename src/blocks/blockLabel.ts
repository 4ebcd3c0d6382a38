import type { PayloadComponent } from 'payload'

import type { BlockKind } from '../components/desk/BlockLabel'

/** The block header that says what the block shows (src/components/desk/BlockLabel.tsx). */
export const blockLabel = (kind: BlockKind): PayloadComponent => ({
  path: '/components/desk/BlockLabel#BlockLabel',
  clientProps: { kind },
})
