/**
 * Mondrian partitioning (LeFevre, DeWitt, Ramakrishnan, "Mondrian multidimensional
 * k-anonymity", ICDE 2006), strict and greedy: the rows of each stratum (the attributes kept
 * exactly, e.g. sex) are split again and again at a threshold of one quasi-identifier while
 * both halves keep at least k rows. Each leaf is then a box, an interval of every encoded
 * quasi-identifier, holding between k and about 2k rows, and the boxes of a stratum cover
 * every possible value. The anonymiser moves values only inside a row's box, so classifying
 * the output with the same tree finds the same leaf: the tree is the release's published
 * generalisation, and a leaf's rows cannot be told apart by what was kept.
 *
 * Values are small non-negative integers: a year, or an index in an ordered dictionary
 * (`Dictionary`), so a categorical split groups neighbours in that order.
 */

export interface QuasiColumn {
  name: string;
  values: Int32Array;
  /** Larger: split sooner, so kept finer. Multiplies the share of the column's values a node spans. */
  weight: number;
}

export interface Partition {
  /** The leaf of each row. */
  leafOf: Int32Array;
  /** Rows ordered leaf by leaf; leaf l is `order[leafStart[l] … leafStart[l + 1])`. */
  order: Uint32Array;
  leafStart: Int32Array;
  /** Per column, the smallest and largest value of each leaf's rows. */
  leafMin: Int32Array[];
  leafMax: Int32Array[];
  tree: PartitionTree;
}

/** The published generalisation: per stratum, a binary tree of thresholds ending in leaves. */
export interface PartitionTree {
  columns: string[];
  /** Root node of each stratum (−1: no rows). */
  roots: number[];
  /** Node n: a leaf when `column[n]` is −1 (`leaf[n]` its number), else `value ≤ threshold[n]` goes low. */
  column: number[];
  threshold: number[];
  low: number[];
  high: number[];
  leaf: number[];
}

/** Thrown when a stratum holds fewer rows than k: no generalisation of the other columns helps. */
export class StratumTooSmallError extends Error {
  constructor(
    readonly stratum: number,
    readonly rows: number,
    readonly k: number,
  ) {
    super(`stratum ${stratum} holds ${rows} rows, fewer than k = ${k}`);
  }
}

/** The leaf a row of `stratum` with these encoded values falls in; −1 when the stratum has none. */
export function classify(tree: PartitionTree, stratum: number, values: ArrayLike<number>): number {
  let node = tree.roots[stratum] ?? -1;
  while (node >= 0) {
    const column = tree.column[node] as number;
    if (column < 0) return tree.leaf[node] as number;
    node = (
      (values[column] as number) <= (tree.threshold[node] as number) ? tree.low[node] : tree.high[node]
    ) as number;
  }
  return -1;
}

/**
 * Partitions `rows` rows, stratum by stratum (`strata[i]` in 0 … strataCount − 1), into
 * leaves of at least `k` rows. Deterministic: the same input gives the same leaves.
 */
export function partition(
  strata: Int32Array | Uint8Array,
  strataCount: number,
  columns: readonly QuasiColumn[],
  k: number,
): Partition {
  const rows = strata.length;
  const spans = columns.map((column) => distinctCount(column.values));
  const order = new Uint32Array(rows);
  const stratumSizes = new Int32Array(strataCount);
  for (let i = 0; i < rows; i++)
    stratumSizes[strata[i] as number] = (stratumSizes[strata[i] as number] as number) + 1;
  const stratumStart = new Int32Array(strataCount + 1);
  for (let s = 0; s < strataCount; s++)
    stratumStart[s + 1] = (stratumStart[s] as number) + (stratumSizes[s] as number);
  const fill = stratumStart.slice();
  for (let i = 0; i < rows; i++) {
    const s = strata[i] as number;
    order[fill[s] as number] = i;
    fill[s] = (fill[s] as number) + 1;
  }

  const tree: PartitionTree = {
    columns: columns.map((c) => c.name),
    roots: [],
    column: [],
    threshold: [],
    low: [],
    high: [],
    leaf: [],
  };
  const leafStarts: number[] = [];
  const leafOf = new Int32Array(rows);
  const histograms = new Histograms(columns);

  const newNode = () => {
    tree.column.push(-1);
    tree.threshold.push(0);
    tree.low.push(-1);
    tree.high.push(-1);
    tree.leaf.push(-1);
    return tree.column.length - 1;
  };

  for (let s = 0; s < strataCount; s++) {
    const from = stratumStart[s] as number;
    const to = stratumStart[s + 1] as number;
    if (to === from) {
      tree.roots.push(-1);
      continue;
    }
    if (to - from < k) throw new StratumTooSmallError(s, to - from, k);
    const root = newNode();
    tree.roots.push(root);
    // Depth-first with an explicit stack, low half first, so leaves are numbered in order.
    const stack: [number, number, number][] = [[root, from, to]];
    while (stack.length > 0) {
      const [node, start, end] = stack.pop() as [number, number, number];
      const split = bestSplit(order, start, end, columns, spans, k, histograms);
      if (!split) {
        tree.leaf[node] = leafStarts.length;
        for (let p = start; p < end; p++) leafOf[order[p] as number] = leafStarts.length;
        leafStarts.push(start);
        continue;
      }
      const middle = splitInPlace(
        order,
        start,
        end,
        (columns[split.column] as QuasiColumn).values,
        split.threshold,
      );
      tree.column[node] = split.column;
      tree.threshold[node] = split.threshold;
      const low = newNode();
      const high = newNode();
      tree.low[node] = low;
      tree.high[node] = high;
      stack.push([high, middle, end], [low, start, middle]);
    }
  }
  const leaves = leafStarts.length;
  const leafStart = new Int32Array(leaves + 1);
  leafStart.set(leafStarts);
  leafStart[leaves] = rows;
  const leafMin = columns.map(() => new Int32Array(leaves).fill(2_147_483_647));
  const leafMax = columns.map(() => new Int32Array(leaves).fill(-2_147_483_648));
  for (let c = 0; c < columns.length; c++) {
    const values = (columns[c] as QuasiColumn).values;
    const min = leafMin[c] as Int32Array;
    const max = leafMax[c] as Int32Array;
    for (let i = 0; i < rows; i++) {
      const l = leafOf[i] as number;
      const v = values[i] as number;
      if (v < (min[l] as number)) min[l] = v;
      if (v > (max[l] as number)) max[l] = v;
    }
  }
  return { leafOf, order, leafStart, leafMin, leafMax, tree };
}

function distinctCount(values: Int32Array): number {
  return new Set(values).size;
}

/** Per column, a counter per value, reset after each use (values are small integers). */
class Histograms {
  private readonly counters: Int32Array[];

  constructor(columns: readonly QuasiColumn[]) {
    this.counters = columns.map((column) => {
      let max = 0;
      for (const v of column.values) {
        if (v < 0) throw new Error(`column ${column.name} holds a negative value (${v})`);
        if (v > max) max = v;
      }
      return new Int32Array(max + 1);
    });
  }

  /** The (value, rows) pairs of a column over `order[start … end)`, by value. */
  of(c: number, values: Int32Array, order: Uint32Array, start: number, end: number): [number, number][] {
    const counter = this.counters[c] as Int32Array;
    const touched: number[] = [];
    for (let p = start; p < end; p++) {
      const v = values[order[p] as number] as number;
      const seen = counter[v] as number;
      if (seen === 0) touched.push(v);
      counter[v] = seen + 1;
    }
    touched.sort((a, b) => a - b);
    const histogram: [number, number][] = touched.map((v) => [v, counter[v] as number]);
    for (const v of touched) counter[v] = 0;
    return histogram;
  }
}

/**
 * The column and threshold to split `order[start … end)` at: the column spanning the
 * largest weighted share of its values, at the threshold closest to the median that leaves
 * both halves k rows or more; null when no column can be split so.
 */
function bestSplit(
  order: Uint32Array,
  start: number,
  end: number,
  columns: readonly QuasiColumn[],
  spans: readonly number[],
  k: number,
  histograms: Histograms,
): { column: number; threshold: number } | null {
  const size = end - start;
  if (size < 2 * k) return null;
  const candidates: { column: number; score: number; histogram: [number, number][] }[] = [];
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c] as QuasiColumn;
    const span = spans[c] as number;
    if (span <= 1 || column.weight <= 0) continue;
    const histogram = histograms.of(c, column.values, order, start, end);
    if (histogram.length <= 1) continue;
    candidates.push({ column: c, score: (column.weight * (histogram.length - 1)) / (span - 1), histogram });
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  for (const candidate of candidates) {
    let below = 0;
    let best: { threshold: number; distance: number } | null = null;
    for (let h = 0; h < candidate.histogram.length - 1; h++) {
      const [value, count] = candidate.histogram[h] as [number, number];
      below += count;
      if (below < k || size - below < k) continue;
      const distance = Math.abs(2 * below - size);
      if (!best || distance < best.distance) best = { threshold: value, distance };
    }
    if (best) return { column: candidate.column, threshold: best.threshold };
  }
  return null;
}

/** Moves the rows with value ≤ threshold to the front of the range; returns where the rest starts. */
function splitInPlace(
  order: Uint32Array,
  start: number,
  end: number,
  values: Int32Array,
  threshold: number,
): number {
  // A stable partition keeps the result independent of the engine's sort, row order in, row order out.
  const low: number[] = [];
  const high: number[] = [];
  for (let p = start; p < end; p++) {
    const row = order[p] as number;
    if ((values[row] as number) <= threshold) low.push(row);
    else high.push(row);
  }
  order.set(low, start);
  order.set(high, start + low.length);
  return start + low.length;
}
