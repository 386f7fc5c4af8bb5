/** The simulator's random numbers: seeded, so the same seed gives the same stream of changes. */

/** mulberry32: a small, fast, seedable generator; the same seed gives the same stream. */
export function createRandom(seedValue: number) {
  let state = seedValue >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => {
      const item = list[Math.floor(next() * list.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
  };
}
export type Random = ReturnType<typeof createRandom>;
