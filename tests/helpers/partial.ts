/**
 * Test data that leaves out fields a hook fills in (slugs, labels). Payload's generated types
 * mark those required, as they are on every stored document.
 */
export const partial = <T extends object>(data: T): never => data as never
