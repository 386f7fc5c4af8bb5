import type { Partition } from "./mondrian";

/**
 * Twins (children of one mother born on one day) must stay born on one day, as the
 * `TWIN` test persons need. Returns, for each member of a group of two or more, the group's
 * members in row order.
 */
export function twinGroups(mothers: Int32Array, birthDay: Int32Array): Map<number, number[]> {
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < mothers.length; i++) {
    const mother = mothers[i] as number;
    if (mother < 0) continue;
    const key = `${mother}:${birthDay[i]}`;
    const members = byKey.get(key);
    if (members) members.push(i);
    else byKey.set(key, [i]);
  }
  const groups = new Map<number, number[]>();
  for (const members of byKey.values()) {
    if (members.length < 2) continue;
    for (const m of members) groups.set(m, members);
  }
  return groups;
}

/**
 * Gives the members of each twin group donors of one birth year, each inside their own box:
 * a member swaps donors with another, not yet settled member of its box whose donor has
 * that year (a transposition keeps the donors a permutation of the box). The first
 * member's year is tried first, then every year all members' boxes hold. Returns the
 * number of groups for which no such year was found (their birth day is shared anyway).
 */
export function alignTwinYears(
  groups: ReadonlyMap<number, number[]>,
  donor: Int32Array,
  boxes: Partition,
  birthYear: Int32Array,
): number {
  const receiverOf = new Int32Array(donor.length);
  for (let i = 0; i < donor.length; i++) receiverOf[donor[i] as number] = i;
  const settled = new Uint8Array(donor.length);
  const leafRows = (row: number) => {
    const l = boxes.leafOf[row] as number;
    return boxes.order.subarray(boxes.leafStart[l] as number, boxes.leafStart[l + 1] as number);
  };
  const swap = (a: number, b: number) => {
    const da = donor[a] as number;
    const db = donor[b] as number;
    donor[a] = db;
    donor[b] = da;
    receiverOf[db] = a;
    receiverOf[da] = b;
  };
  let unaligned = 0;
  const seen = new Set<number[]>();
  for (const members of groups.values()) {
    if (seen.has(members)) continue;
    seen.add(members);
    const yearOf = (m: number) => birthYear[donor[m] as number] as number;
    const first = yearOf(members[0] as number);
    if (members.every((m) => yearOf(m) === first)) {
      for (const m of members) settled[m] = 1;
      continue;
    }
    let common: Set<number> | undefined;
    for (const m of members) {
      const years = new Set<number>();
      for (const row of leafRows(m)) years.add(birthYear[row] as number);
      common = common === undefined ? years : new Set([...common].filter((y: number) => years.has(y)));
    }
    const candidates = [first, ...[...(common ?? [])].filter((y) => y !== first).sort((a, b) => a - b)];
    let aligned = false;
    for (const year of candidates) {
      const log: [number, number][] = [];
      const ok = members.every((m) => {
        if (yearOf(m) === year) return true;
        for (const row of leafRows(m)) {
          if ((birthYear[row] as number) !== year) continue;
          const receiver = receiverOf[row] as number;
          if (settled[receiver] || members.includes(receiver)) continue;
          // Nobody may end up their own donor (keeping every kept value of their own).
          if (row === m || donor[m] === receiver) continue;
          swap(m, receiver);
          log.push([m, receiver]);
          return true;
        }
        return false;
      });
      if (ok) {
        aligned = true;
        break;
      }
      for (const [a, b] of log.reverse()) swap(a, b);
    }
    if (!aligned) unaligned++;
    for (const m of members) settled[m] = 1;
  }
  return unaligned;
}
