/**
 * An ordered categorical quasi-identifier: each distinct value gets an index, and indices
 * follow an order that puts related values side by side (the towns of one country, the
 * statuses of citizenship), so a Mondrian split at an index threshold groups neighbours.
 * Built while reading (`add`), then ordered once (`seal`), which renumbers the codes already
 * handed out.
 */
export class Dictionary {
  private readonly ids = new Map<string, number>();
  private values: string[] = [];
  private sealed = false;

  constructor(private readonly sortKey: (value: string) => string = (value) => value) {}

  /** The provisional index of a value (added when new); valid until `seal`. */
  add(value: string): number {
    if (this.sealed) throw new Error("the dictionary is sealed");
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** Orders the values and rewrites `codes` (provisional indices) to the final ones. */
  seal(...codes: Int32Array[]): void {
    const byKey = this.values
      .map((value, id) => ({ value, id, key: this.sortKey(value) }))
      .sort((a, b) =>
        a.key < b.key ? -1 : a.key > b.key ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0,
      );
    const renumber = new Int32Array(this.values.length);
    byKey.forEach((entry, index) => {
      renumber[entry.id] = index;
    });
    for (const array of codes)
      for (let i = 0; i < array.length; i++) array[i] = renumber[array[i] as number] as number;
    this.values = byKey.map((entry) => entry.value);
    this.ids.clear();
    this.values.forEach((value, index) => {
      this.ids.set(value, index);
    });
    this.sealed = true;
  }

  /** The index of a value, or undefined for a value never seen. */
  indexOf(value: string): number | undefined {
    return this.ids.get(value);
  }

  valueAt(index: number): string {
    const value = this.values[index];
    if (value === undefined) throw new Error(`no value at index ${index}`);
    return value;
  }

  get size(): number {
    return this.values.length;
  }
}
