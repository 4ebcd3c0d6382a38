import type { DependencyLookup, StoryRef } from './affected'
import type { Key } from './keys'

/**
 * Which stories show which documents, as this instance last rendered them: each delivered story
 * records the keys it was built from (`dependenciesOf` in src/delivery/model.ts, exact by
 * construction) and the index answers the reverse question. Kept in memory: it is complete for
 * every story this instance has rendered, and a story it has not rendered has nothing in this
 * instance's cache to drop. The persisted index of the stored views (src/delivery/store,
 * `publisher.storedLookup`) answers for every story stored; the publisher adds both answers.
 *
 * A story's keys are the union of every render (locales, audiences) since its own last change;
 * a key it no longer shows costs at most one needless re-render.
 */
export class DependencyIndex implements DependencyLookup {
  private readonly shows = new Map<string, { story: StoryRef; keys: Set<Key> }>()
  private readonly shownBy = new Map<Key, Map<string, StoryRef>>()

  record(story: StoryRef, keys: Iterable<Key>): void {
    let entry = this.shows.get(story.id)
    if (!entry) {
      entry = { story, keys: new Set() }
      this.shows.set(story.id, entry)
    }
    for (const key of keys) {
      if (entry.keys.has(key)) continue
      entry.keys.add(key)
      let stories = this.shownBy.get(key)
      if (!stories) {
        stories = new Map()
        this.shownBy.set(key, stories)
      }
      stories.set(story.id, story)
    }
  }

  /** Forgets what a story showed (it changed: its next render records it afresh). */
  forget(storyId: string): void {
    const entry = this.shows.get(storyId)
    if (!entry) return
    this.shows.delete(storyId)
    for (const key of entry.keys) {
      const stories = this.shownBy.get(key)
      stories?.delete(storyId)
      if (stories?.size === 0) this.shownBy.delete(key)
    }
  }

  storiesShowing(key: Key): StoryRef[] {
    return [...(this.shownBy.get(key)?.values() ?? [])]
  }

  keysOf(storyId: string): Key[] {
    return [...(this.shows.get(storyId)?.keys ?? [])]
  }

  clear(): void {
    this.shows.clear()
    this.shownBy.clear()
  }
}
