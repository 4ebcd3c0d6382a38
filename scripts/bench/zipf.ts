/**
 * Zipf's law for story popularity: the story at rank r (1-based) is read in proportion to
 * 1 / r^s. With s = 1 over 1,000 stories the newest story gets about 13% of the reads, the ten
 * newest about 39%, and the long tail still gets every story now and then, which is what makes
 * a cache that forgets everything at each publish expensive.
 */

/** Probability of each rank (index 0 is rank 1), summing to 1. */
export function zipfProbabilities(size: number, exponent = 1): number[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`size must be a whole number ≥ 1, got ${size}`)
  if (!(exponent >= 0)) throw new RangeError(`exponent must be ≥ 0, got ${exponent}`)
  const weights = Array.from({ length: size }, (_, index) => 1 / (index + 1) ** exponent)
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  return weights.map((weight) => weight / total)
}

/**
 * A function drawing ranks 0..size-1 (0 the most popular) from the Zipf distribution, by binary
 * search in the cumulative distribution: O(log size) per draw, which the load generator can
 * afford for every request.
 */
export function zipfSampler(
  size: number,
  exponent = 1,
  random: () => number = Math.random,
): () => number {
  const cumulative: number[] = []
  let sum = 0
  for (const probability of zipfProbabilities(size, exponent)) {
    sum += probability
    cumulative.push(sum)
  }
  return () => {
    const draw = random()
    let low = 0
    // Never past the last rank, even when rounding left the sum a hair under the draw.
    let high = size - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (cumulative[middle]! > draw) high = middle
      else low = middle + 1
    }
    return low
  }
}

/**
 * A small seeded generator (mulberry32) in [0, 1): the same seed gives the same sequence of
 * stories, so two runs of the benchmark ask for the same mix.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}
