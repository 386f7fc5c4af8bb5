import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawChain, orderedDays } from "./datedRows";
import { repairGenerations } from "./generations";
import { deriveKeys, keyedDonors } from "./keys";
import { classify, partition, StratumTooSmallError } from "./mondrian";
import { SurrogateIds } from "./surrogateIds";

const keys = deriveKeys(Buffer.from("unit test key, thirty-two bytes or more"));

/** Rows with a year and a category, in two strata, like persons. */
function sample(rows: number, seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const strata = Int32Array.from({ length: rows }, () => (next() < 0.5 ? 0 : 1));
  const years = Int32Array.from({ length: rows }, () => 1930 + Math.floor(next() ** 2 * 90));
  const places = Int32Array.from({ length: rows }, () => Math.floor(next() ** 3 * 40));
  return { strata, years, places };
}

describe("partition (Mondrian)", () => {
  it("puts every row in exactly one box of at least k rows, and the tree finds each row's box", () => {
    const { strata, years, places } = sample(5000, 7);
    const columns = [
      { name: "year", values: years, weight: 2 },
      { name: "place", values: places, weight: 1 },
    ];
    const p = partition(strata, 2, columns, 5);
    const sizes = new Map<number, number>();
    for (const leaf of p.leafOf) sizes.set(leaf, (sizes.get(leaf) ?? 0) + 1);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(5);
    expect(sizes.size).toBeGreaterThan(300);
    for (let i = 0; i < 5000; i++)
      expect(classify(p.tree, strata[i] as number, [years[i] as number, places[i] as number])).toBe(
        p.leafOf[i],
      );
    for (let l = 0; l + 1 < p.leafStart.length; l++) {
      for (let q = p.leafStart[l] as number; q < (p.leafStart[l + 1] as number); q++)
        expect(p.leafOf[p.order[q] as number]).toBe(l);
    }
  });

  it("classifies any value inside a box to that box, so values moved inside it stay in their class", () => {
    const { strata, years, places } = sample(2000, 11);
    const p = partition(
      strata,
      2,
      [
        { name: "year", values: years, weight: 1 },
        { name: "place", values: places, weight: 1 },
      ],
      5,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1999 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (row, a, b) => {
          const leaf = p.leafOf[row] as number;
          const pick = (c: number, unit: number) => {
            const lo = p.leafMin[c]?.[leaf] as number;
            const hi = p.leafMax[c]?.[leaf] as number;
            return lo + Math.floor(unit * (hi - lo));
          };
          expect(classify(p.tree, strata[row] as number, [pick(0, a), pick(1, b)])).toBe(leaf);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses a stratum of fewer than k rows", () => {
    const strata = Int32Array.from([0, 0, 0, 1, 1, 1, 1, 1, 1]);
    const values = Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(() => partition(strata, 2, [{ name: "v", values, weight: 1 }], 5)).toThrow(StratumTooSmallError);
  });
});

describe("keyedDonors", () => {
  it("gives each row a donor of its own box, never itself, each row donating once", () => {
    const { strata, years, places } = sample(3000, 3);
    const p = partition(
      strata,
      2,
      [
        { name: "year", values: years, weight: 1 },
        { name: "place", values: places, weight: 1 },
      ],
      5,
    );
    const donor = keyedDonors(keys.hmac, "test", p.order, p.leafStart);
    expect(new Set(donor).size).toBe(3000);
    for (let i = 0; i < 3000; i++) {
      expect(donor[i]).not.toBe(i);
      expect(p.leafOf[donor[i] as number]).toBe(p.leafOf[i]);
    }
  });
});

describe("SurrogateIds", () => {
  it("numbers the rows 1 … n, no row keeping its id nor taking the id of a row of the same person", () => {
    const ids = Float64Array.from({ length: 4000 }, (_, i) => i + 1);
    const owners = Int32Array.from({ length: 4000 }, (_, i) => Math.floor(i / 3));
    const surrogates = new SurrogateIds(keys.hmac, "test", ids, [{ source: owners }]);
    const images = ids.map((id) => surrogates.map(id));
    expect([...images].sort((a, b) => a - b)).toEqual([...ids]);
    for (let i = 0; i < 4000; i++) {
      expect(images[i]).not.toBe(ids[i]);
      expect(owners[(images[i] as number) - 1]).not.toBe(owners[i]);
    }
    expect(() => surrogates.map(4001)).toThrow(/was not read/);
  });
});

describe("drawn days", () => {
  it("orders a chain inside its intervals, counting rows that cannot fit", () => {
    let u = 0;
    const unit = () => (u = (u + 0.37) % 1);
    const { days, outside } = drawChain([0, 10, 10], [100, 20, 30], unit);
    expect(days[0]).toBeLessThan(days[1] as number);
    expect(days[1]).toBeLessThan(days[2] as number);
    expect(days[1]).toBeGreaterThanOrEqual(10);
    expect(outside).toBe(0);
    // Neither row fits: the first starts after the second must end.
    expect(drawChain([50, 0], [60, 10], unit).outside).toBe(2);
    const ordered = orderedDays(0, 3, 6, unit);
    expect(ordered).toHaveLength(6);
    for (let i = 1; i < 6; i++) expect(ordered[i]).toBeGreaterThan(ordered[i - 1] as number);
  });
});

describe("repairGenerations", () => {
  it("trades donors inside a box so that no parent ends up barely older than their child", () => {
    // Rows 0–4: one box of parents' years; rows 5–9: a box of children's years.
    const years = Int32Array.from([1950, 1951, 1952, 1953, 1970, 1975, 1976, 1977, 1978, 1952]);
    const strata = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    const p = partition(strata, 2, [{ name: "year", values: years, weight: 1 }], 5);
    // Parent 0 takes row 3's 1953; child 5 takes row 9's 1952: a year older than the parent.
    const donor = Int32Array.from([3, 0, 1, 4, 2, 9, 7, 8, 5, 6]);
    const links = { parent: Int32Array.from([0]), child: Int32Array.from([5]) };
    expect(years[donor[5] as number]! - years[donor[0] as number]!).toBeLessThan(16);
    const close = repairGenerations(links, donor, p, years, new Uint8Array(10));
    expect(close).toBe(0);
    expect(years[donor[5] as number]! - years[donor[0] as number]!).toBeGreaterThanOrEqual(16);
    expect(new Set(donor).size).toBe(10);
  });
});
