import type { Partition } from "./mondrian";

/** Parent–child links between persons (plan rows), as two parallel arrays. */
export interface ParentLinks {
  parent: Int32Array;
  child: Int32Array;
}

/** Fewest years between a parent's birth and a child's the output keeps (or the source's gap, if smaller). */
const MIN_GENERATION_YEARS = 16;

/**
 * Birth years move inside boxes several years wide, so a parent could end up barely older
 * than their child. Where a parent–child link would be closer than 16 years (or than the
 * source's gap, if that was smaller), the child (else the parent) trades donors with a member
 * of their box for whom both trades keep every link of both plausible. Members in `locked`
 * (twins, already aligned) are left alone. Returns the links still too close.
 */
export function repairGenerations(
  links: ParentLinks,
  donor: Int32Array,
  boxes: Partition,
  birthYear: Int32Array,
  locked: Uint8Array,
): number {
  const n = donor.length;
  const parentsOf = adjacency(n, links.child, links.parent);
  const childrenOf = adjacency(n, links.parent, links.child);
  const year = (i: number) => birthYear[donor[i] as number] as number;
  const gap = (parent: number, child: number) =>
    Math.min(MIN_GENERATION_YEARS, (birthYear[child] as number) - (birthYear[parent] as number));
  const fits = (i: number, y: number, except = -1) => {
    for (const p of parentsOf(i)) if (p !== except && y - year(p) < gap(p, i)) return false;
    for (const c of childrenOf(i)) if (c !== except && year(c) - y < gap(i, c)) return false;
    return true;
  };
  const related = (a: number, b: number) => parentsOf(a).includes(b) || childrenOf(a).includes(b);
  const trade = (i: number): boolean => {
    const l = boxes.leafOf[i] as number;
    for (let p = boxes.leafStart[l] as number; p < (boxes.leafStart[l + 1] as number); p++) {
      const r = boxes.order[p] as number;
      if (r === i || locked[r] || related(i, r) || donor[r] === i || donor[i] === r) continue;
      if (!fits(i, year(r)) || !fits(r, year(i))) continue;
      const mine = donor[i] as number;
      donor[i] = donor[r] as number;
      donor[r] = mine;
      return true;
    }
    return false;
  };
  // A trade can make room for another: a few passes settle most of what can be settled.
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i < n; i++) {
      if (fits(i, year(i))) continue;
      if (!locked[i] && trade(i)) continue;
      // Else move the relative the link is too close to.
      for (const relative of [...parentsOf(i), ...childrenOf(i)]) {
        if (fits(i, year(i))) break;
        if (!locked[relative]) trade(relative);
      }
    }
  }
  let close = 0;
  for (let e = 0; e < links.parent.length; e++) {
    const p = links.parent[e] as number;
    const c = links.child[e] as number;
    if (year(c) - year(p) < gap(p, c)) close++;
  }
  return close;
}

/** Neighbours by a from → to edge list, as a lookup of small arrays. */
function adjacency(n: number, from: Int32Array, to: Int32Array): (i: number) => number[] {
  const lists = new Map<number, number[]>();
  for (let e = 0; e < from.length; e++) {
    const a = from[e] as number;
    const b = to[e] as number;
    if (a < 0 || b < 0 || a >= n || b >= n) continue;
    const list = lists.get(a);
    if (list) list.push(b);
    else lists.set(a, [b]);
  }
  const none: number[] = [];
  return (i) => lists.get(i) ?? none;
}
