import { Dictionary } from "./dictionary";
import { keyedDonors } from "./keys";
import { classify, type Partition, partition, StratumTooSmallError } from "./mondrian";

export class TooFewRowsError extends Error {}

export interface ColumnSpec {
  name: string;
  weight: number;
  /** Present for a categorical column: its values' order. Absent: the value is a number ≥ 0. */
  dictionary?: Dictionary;
}

/**
 * The quasi-identifiers of one table's rows, gathered while reading (`add`), then
 * partitioned into Mondrian boxes of at least k rows (`seal`), with a keyed donor per row
 * inside its box. The strata (values kept exactly) are named by a string, e.g.
 * `PASSPORT|LV#######|VALID`.
 */
export class RowBoxes {
  readonly strataNames = new Dictionary();
  private strataArray: Int32Array;
  private readonly valueArrays: Int32Array[];
  private rows = 0;
  partition: Partition | null = null;
  donor: Int32Array = new Int32Array(0);

  constructor(
    readonly table: string,
    readonly columns: readonly ColumnSpec[],
    capacity: number,
  ) {
    this.strataArray = new Int32Array(Math.max(1, capacity));
    this.valueArrays = columns.map(() => new Int32Array(Math.max(1, capacity)));
  }

  get size(): number {
    return this.rows;
  }

  /** Adds a row: its stratum and, per column, a category (string) or a number. */
  add(stratum: string, values: readonly (string | number)[]): number {
    const row = this.rows++;
    if (row >= this.strataArray.length) this.grow();
    this.strataArray[row] = this.strataNames.add(stratum);
    values.forEach((value, c) => {
      const dictionary = this.columns[c]?.dictionary;
      (this.valueArrays[c] as Int32Array)[row] =
        dictionary === undefined ? Math.max(0, value as number) : dictionary.add(value as string);
    });
    return row;
  }

  private grow(): void {
    const grown = (array: Int32Array) => {
      const next = new Int32Array(array.length * 2);
      next.set(array);
      return next;
    };
    this.strataArray = grown(this.strataArray);
    for (let c = 0; c < this.valueArrays.length; c++)
      this.valueArrays[c] = grown(this.valueArrays[c] as Int32Array);
  }

  /** Orders the dictionaries, partitions, and draws the donors (`label` keys the cycles). */
  seal(k: number, key: Buffer, label: string, describe: (stratum: string) => string): void {
    const strata = this.strataArray.subarray(0, this.rows);
    const values = this.valueArrays.map((array) => array.subarray(0, this.rows));
    this.strataNames.seal(strata);
    this.columns.forEach((column, c) => {
      column.dictionary?.seal(values[c] as Int32Array);
    });
    try {
      this.partition = partition(
        strata,
        this.strataNames.size,
        this.columns.map((column, c) => ({
          name: column.name,
          weight: column.weight,
          values: values[c] as Int32Array,
        })),
        k,
      );
    } catch (error) {
      if (error instanceof StratumTooSmallError) {
        throw new TooFewRowsError(
          `the register holds ${error.rows} ${this.table} rows of one kind (${describe(this.strataNames.valueAt(error.stratum))}); each kind needs at least k = ${k} (give a larger register or a smaller --k)`,
        );
      }
      throw error;
    }
    this.donor = keyedDonors(key, label, this.partition.order, this.partition.leafStart);
  }

  /**
   * Trades donors inside boxes until no row has a donor `clash` rejects (as far as a few
   * partners per row allow): a transposition keeps the donors a permutation of each box.
   */
  avoidDonors(clash: (row: number, donor: number) => boolean): void {
    const p = this.partition;
    if (!p) return;
    const bad = (row: number) => row === this.donor[row] || clash(row, this.donor[row] as number);
    for (let row = 0; row < this.rows; row++) {
      if (!bad(row)) continue;
      const leaf = p.leafOf[row] as number;
      const from = p.leafStart[leaf] as number;
      const size = (p.leafStart[leaf + 1] as number) - from;
      for (let step = 0; step < Math.min(size, 32) && bad(row); step++) {
        const other = p.order[from + step] as number;
        if (other === row) continue;
        const mine = this.donor[row] as number;
        this.donor[row] = this.donor[other] as number;
        this.donor[other] = mine;
        if (bad(row) || bad(other)) {
          this.donor[other] = this.donor[row] as number;
          this.donor[row] = mine;
        }
      }
    }
  }

  /** The encoded value of column `c` of row `row`. */
  value(c: number, row: number): number {
    return this.valueArrays[c]?.[row] as number;
  }

  /** The value of column `c` of the row's donor, decoded for a categorical column. */
  donated(c: number, row: number): string | number {
    const value = this.value(c, this.donor[row] as number);
    const dictionary = this.columns[c]?.dictionary;
    return dictionary === undefined ? value : dictionary.valueAt(value);
  }

  stratumName(row: number): string {
    return this.strataNames.valueAt(this.strataArray[row] as number);
  }

  /** The smallest and largest value of column `c` in the row's box. */
  box(c: number, row: number): [number, number] {
    const leaf = this.partition?.leafOf[row] as number;
    return [this.partition?.leafMin[c]?.[leaf] as number, this.partition?.leafMax[c]?.[leaf] as number];
  }

  /** The box a row read from the output falls in; −1 when a value was never in the source. */
  classify(stratum: string, values: readonly (string | number)[]): number {
    const s = this.strataNames.indexOf(stratum);
    if (s === undefined || !this.partition) return -1;
    const encoded: number[] = [];
    for (let c = 0; c < this.columns.length; c++) {
      const dictionary = this.columns[c]?.dictionary;
      const value = values[c];
      const code =
        dictionary === undefined ? Math.max(0, value as number) : dictionary.indexOf(value as string);
      if (code === undefined) return -1;
      encoded.push(code);
    }
    return classify(this.partition.tree, s, encoded);
  }

  /** Rows per box in the source. */
  boxSizes(): Int32Array {
    const p = this.partition;
    if (!p) return new Int32Array(0);
    const sizes = new Int32Array(p.leafStart.length - 1);
    for (let l = 0; l < sizes.length; l++)
      sizes[l] = (p.leafStart[l + 1] as number) - (p.leafStart[l] as number);
    return sizes;
  }
}

/** Binary search in ascending ids: the row of an id, −1 when absent. */
export function indexOfId(sortedIds: Float64Array, id: number): number {
  let lo = 0;
  let hi = sortedIds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = sortedIds[mid] as number;
    if (value === id) return mid;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
