import { keyedCycle } from "./keys";
import { indexOfId } from "./rowBoxes";

/**
 * Surrogate row ids: the n rows of a table get the ids 1 … n in a keyed random order (a
 * cyclic permutation of the rows' ranks), so an output id says nothing about the source
 * id and only the key holder can pair them. Joining the output to the source on the id
 * pairs every row with a stranger: no row keeps its own id, and (given `owners`, the
 * persons a row belongs to) no row takes the id of a source row of the person it belongs to
 * in the output, so an id join links nobody. The sequence behind the column continues at n + 1, which tells the
 * row count and nothing else.
 */
/** The persons rows belong to, in the source and (when rows move) in the output. */
export interface Owners {
  source: Int32Array;
  output?: Int32Array;
}

export class SurrogateIds {
  private readonly sorted: Float64Array;
  private readonly images: Float64Array;

  /**
   * `ids`: every source id of the table (any order, no duplicates); `owners`: per column of
   * persons, the person (row index in the person plan, −1: nobody) each id's row belongs to
   * in the source and in the output (the same, unless rows move with a person's values), in
   * `ids` order.
   */
  constructor(key: Buffer, label: string, ids: Float64Array, owners: readonly Owners[] = []) {
    const n = ids.length;
    const byId = Int32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (ids[a] as number) - (ids[b] as number),
    );
    this.sorted = Float64Array.from(byId, (i) => ids[i] as number);
    const sourceOwner = owners.map((column) => Int32Array.from(byId, (i) => column.source[i] as number));
    const outputOwner = owners.map((column) =>
      Int32Array.from(byId, (i) => (column.output ?? column.source)[i] as number),
    );
    const cycle = keyedCycle(key, `surrogate-ids\u0000${label}`, n);
    this.images = Float64Array.from(cycle, (c) => c + 1);
    const clash = (i: number) => {
      const image = this.images[i] as number;
      if (image === this.sorted[i]) return true;
      const at = indexOfId(this.sorted, image);
      if (at < 0) return false;
      for (const mine of outputOwner) {
        const person = mine[i] as number;
        if (person < 0) continue;
        for (const theirs of sourceOwner) if (theirs[at] === person) return true;
      }
      return false;
    };
    const swap = (i: number, j: number) => {
      const image = this.images[i] as number;
      this.images[i] = this.images[j] as number;
      this.images[j] = image;
    };
    // Swapping two images keeps a permutation; try a few partners until neither clashes.
    for (let i = 0; i < n; i++) {
      for (let step = 1; step < Math.min(n, 64) && clash(i); step++) {
        const j = (i + step) % n;
        swap(i, j);
        if (clash(i) || clash(j)) swap(i, j);
      }
    }
  }

  get size(): number {
    return this.sorted.length;
  }

  /** The surrogate id of a source id (throws for an id that was not given). */
  map(id: number): number {
    const at = indexOfId(this.sorted, id);
    if (at < 0) throw new Error(`row id ${id} was not read before the copy`);
    return this.images[at] as number;
  }
}
