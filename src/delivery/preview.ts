import type { Article } from '../payload-types'
import { deliverArticles } from './model'
import type { ModelContext } from './model'
import type { DeliveredArticle } from './types'

/**
 * The latest draft of one story through the delivery model, as readers will get it once it is
 * published; null when the story no longer exists. `ctx.preview` reads drafts of what it shows.
 */
export async function deliverDraft(
  ctx: ModelContext & { preview: true },
  id: string,
): Promise<DeliveredArticle | null> {
  const article = await ctx.payload.findByID({
    collection: 'articles',
    id,
    draft: true,
    depth: 0,
    overrideAccess: true,
    locale: ctx.locale as 'en',
    fallbackLocale: 'en',
    disableErrors: true,
  })
  if (!article) return null
  const [delivered] = await deliverArticles(ctx, [article as Article])
  return delivered ?? null
}
