import type postgres from "postgres";
import type { AddressMapper } from "./addresses";
import { readCopy } from "./copyRead";
import { dayBetween, dayFromIso, firstDayOfYear, lastDayOfYear, NO_DAY } from "./days";
import { keyedUnits } from "./keys";
import type { PersonEvents } from "./marriagePlan";
import type { PersonPlan } from "./personPlan";
import { RowBoxes } from "./rowBoxes";
import { SurrogateIds } from "./surrogateIds";

/**
 * Declared addresses and name records: rows that form a chain in a person's life (each
 * declaration ends the day before the next begins; each name ends when the next is taken).
 * The days are drawn anew in the person's order and the other end of each row follows from
 * its neighbour; a date that is another row's (a declaration from birth, a name given up at
 * a wedding) follows that row's new date.
 */

/** Draws increasing days, one per interval (`lo[i] … hi[i]`, `lo = hi` fixed), in order. */
export function drawChain(
  lo: number[],
  hi: number[],
  unit: () => number,
): { days: number[]; outside: number } {
  const m = lo.length;
  const upper = new Array<number>(m);
  for (let i = m - 1; i >= 0; i--)
    upper[i] = Math.min(hi[i] as number, i + 1 < m ? (upper[i + 1] as number) - 1 : Infinity);
  const days: number[] = [];
  let outside = 0;
  for (let i = 0; i < m; i++) {
    const from = Math.max(lo[i] as number, i > 0 ? (days[i - 1] as number) + 1 : -Infinity);
    const to = upper[i] as number;
    if (from > to) {
      outside++;
      days.push(Math.max(lo[i] as number, Math.min(hi[i] as number, from)));
    } else days.push(dayBetween(from, to, unit()));
  }
  return { days, outside };
}

/** A band's days, narrowed to a life (birth … death or as-of) where they overlap. */
function bandDays(boxes: RowBoxes, row: number, life: [number, number]): [number, number] {
  const [first, last] = boxes.box(0, row);
  const lo = firstDayOfYear(first);
  const hi = lastDayOfYear(last);
  const narrowed: [number, number] = [Math.max(lo, life[0]), Math.min(hi, life[1])];
  return narrowed[0] <= narrowed[1] ? narrowed : [lo, Math.min(hi, life[1])];
}

/** Rows of one person read in (person, date, id) order: consecutive. */
interface Span {
  person: number;
  start: number;
  end: number;
}

function spansOf(persons: Int32Array): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < persons.length; ) {
    let j = i + 1;
    while (j < persons.length && persons[j] === persons[i]) j++;
    spans.push({ person: persons[i] as number, start: i, end: j });
    i = j;
  }
  return spans;
}

/**
 * Declared addresses: the kind and whether the declaration is current are kept (its
 * stratum, one class per kind: nothing else of a row is kept). The days are drawn anew in
 * the person's new life (birth … death or as-of), in the person's order: a declaration from
 * birth starts on the new birth day, the others on ordered random days, each ending the day
 * before the next begins (or on the new death day). The dates of moves are not kept even as
 * years: a person's box together with the years of their moves singled most persons out.
 */
export class DeclarationPlan {
  readonly boxes: RowBoxes;
  private ids = new Float64Array(0);
  private newFrom = new Int32Array(0);
  private newTo = new Int32Array(0);
  surrogates: SurrogateIds | null = null;
  private next = 0;

  private constructor(capacity: number) {
    this.boxes = new RowBoxes("declared address", [], capacity);
  }

  static readonly select =
    "select id, person_code, address_code, kind, declared_from, declared_to from person.declared_addresses order by person_code, declared_from, id";

  static async read(
    sql: postgres.TransactionSql,
    persons: PersonPlan,
    hmac: Buffer,
    asOf: string,
    k: number,
  ) {
    const [counted] = await sql<{ n: number }[]>`select count(*)::int as n from person.declared_addresses`;
    const n = counted?.n ?? 0;
    const plan = new DeclarationPlan(n);
    const ids = new Float64Array(n);
    const holders = new Int32Array(n);
    const additional = new Uint8Array(n);
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    let row = 0;
    await readCopy(sql, DeclarationPlan.select, (f) => {
      ids[row] = Number(f[0]);
      holders[row] = persons.indexOf(f[1] ?? "");
      additional[row] = f[3] === "ADDITIONAL" ? 1 : 0;
      from[row] = dayFromIso(f[4] ?? "");
      to[row] = f[5] === "\\N" || f[5] === undefined ? NO_DAY : dayFromIso(f[5]);
      plan.boxes.add(DeclarationPlan.stratum(f[3] ?? "", to[row] === NO_DAY), []);
      row++;
    });
    plan.ids = ids;
    if (n > 0) plan.boxes.seal(k, hmac, "declarations", (s) => s.replace("|", ", "));
    plan.surrogates = new SurrogateIds(hmac, "declared_addresses", ids, [{ source: holders }]);
    plan.draw(persons, hmac, dayFromIso(asOf), holders, additional, from, to);
    return plan;
  }

  static stratum(kind: string, open: boolean): string {
    return `${kind}|${open ? "current" : "ended"}`;
  }

  private draw(
    persons: PersonPlan,
    hmac: Buffer,
    asOfDay: number,
    holders: Int32Array,
    additional: Uint8Array,
    from: Int32Array,
    to: Int32Array,
  ): void {
    this.newFrom = new Int32Array(from.length);
    this.newTo = new Int32Array(from.length).fill(NO_DAY);
    for (const span of spansOf(holders)) {
      const p = span.person;
      const birth = p < 0 ? asOfDay : (persons.newBirthDay[p] as number);
      const death = p < 0 ? NO_DAY : (persons.newDeathDay[p] as number);
      const end = death === NO_DAY ? asOfDay : Math.min(death, asOfDay);
      const unit = keyedUnits(hmac, `declarations\u0000${this.ids[span.start]}`);
      for (const series of [0, 1]) {
        const rows: number[] = [];
        for (let r = span.start; r < span.end; r++) if (additional[r] === series) rows.push(r);
        if (rows.length === 0) continue;
        const fromBirth = p >= 0 && series === 0 && from[rows[0] as number] === persons.birthDay[p];
        const drawn = orderedDays(
          fromBirth ? birth + 1 : birth,
          end,
          rows.length - (fromBirth ? 1 : 0),
          unit,
        );
        const days = fromBirth ? [birth, ...drawn] : drawn;
        rows.forEach((r, i) => {
          this.newFrom[r] = days[i] as number;
        });
        rows.forEach((r, i) => {
          if ((to[r] as number) === NO_DAY) return;
          const nextRow = rows[i + 1];
          const start = this.newFrom[r] as number;
          let last: number;
          if (series === 0 && nextRow !== undefined && to[r] === (from[nextRow] as number) - 1) {
            last = (this.newFrom[nextRow] as number) - 1;
          } else if (p >= 0 && to[r] === persons.deathDay[p] && death !== NO_DAY) last = death;
          else
            last = dayBetween(
              start,
              nextRow === undefined ? end : (this.newFrom[nextRow] as number) - 1,
              unit(),
            );
          this.newTo[r] = Math.max(last, start);
        });
      }
    }
  }

  /** The next row of the copy (read in the same order as the plan): id and days. */
  rewrite(id: string, address: AddressMapper, addressCode: string) {
    const row = this.next++;
    if (this.ids[row] !== Number(id)) throw new Error(`declared address ${id} out of the planned order`);
    return {
      id: this.surrogates?.map(Number(id)) ?? 0,
      addressCode: address.map(addressCode),
      from: this.newFrom[row] as number,
      to: this.newTo[row] as number,
    };
  }

  classify(kind: string, open: boolean): number {
    return this.boxes.classify(DeclarationPlan.stratum(kind, open), []);
  }
}

/** `count` days drawn in `lo … hi`, ascending and distinct where the range allows. */
export function orderedDays(lo: number, hi: number, count: number, unit: () => number): number[] {
  const days = Array.from({ length: count }, () => dayBetween(lo, Math.max(lo, hi), unit())).sort(
    (a, b) => a - b,
  );
  for (let i = 1; i < days.length; i++)
    if ((days[i] as number) <= (days[i - 1] as number)) days[i] = (days[i - 1] as number) + 1;
  return days;
}

/**
 * Name records: the reason is kept (its stratum) and the year a name was given up, inside a
 * band of years holding at least k records of that reason (a one-dimensional Mondrian
 * partition); records that ended at a wedding or divorce follow the marriage's new day.
 */
export class NameHistoryPlan {
  readonly boxes: RowBoxes;
  private ids = new Float64Array(0);
  private newFrom = new Int32Array(0);
  private newTo = new Int32Array(0);
  surrogates: SurrogateIds | null = null;
  outside = 0;
  private next = 0;

  private constructor(capacity: number) {
    this.boxes = new RowBoxes("name record", [{ name: "toYear", weight: 1 }], capacity);
  }

  static readonly select =
    "select h.id, h.person_code, h.given_name, h.surname, h.valid_from, h.valid_to, h.change_reason, p.sex, p.birth_date from person.name_history h join person.persons p using (person_code) order by h.person_code, h.valid_from, h.id";

  static async read(
    sql: postgres.TransactionSql,
    persons: PersonPlan,
    events: PersonEvents,
    hmac: Buffer,
    asOf: string,
    k: number,
  ) {
    const [counted] = await sql<{ n: number }[]>`select count(*)::int as n from person.name_history`;
    const n = counted?.n ?? 0;
    const plan = new NameHistoryPlan(n);
    const ids = new Float64Array(n);
    const holders = new Int32Array(n);
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    const boxRow = new Int32Array(n).fill(-1);
    let row = 0;
    await readCopy(sql, NameHistoryPlan.select, (f) => {
      const holder = persons.indexOf(f[1] ?? "");
      ids[row] = Number(f[0]);
      holders[row] = holder;
      from[row] = dayFromIso(f[4] ?? "");
      to[row] = dayFromIso(f[5] ?? "");
      // A name given up at a wedding or divorce ends on that marriage's new day.
      if (events.get(holder, to[row] as number) === undefined) {
        boxRow[row] = plan.boxes.add(f[6] ?? "", [Number((f[5] ?? "").slice(0, 4))]);
      }
      row++;
    });
    plan.ids = ids;
    if (plan.boxes.size > 0) plan.boxes.seal(k, hmac, "names", (s) => `name changes by ${s}`);
    plan.surrogates = new SurrogateIds(hmac, "name_history", ids, [{ source: holders }]);
    plan.draw(persons, events, hmac, dayFromIso(asOf), holders, from, to, boxRow);
    return plan;
  }

  private draw(
    persons: PersonPlan,
    events: PersonEvents,
    hmac: Buffer,
    asOfDay: number,
    holders: Int32Array,
    from: Int32Array,
    to: Int32Array,
    boxRow: Int32Array,
  ): void {
    this.newFrom = new Int32Array(from.length);
    this.newTo = new Int32Array(from.length);
    for (const span of spansOf(holders)) {
      const p = span.person;
      const birth = p < 0 ? -1e9 : (persons.newBirthDay[p] as number);
      const death = p < 0 ? NO_DAY : (persons.newDeathDay[p] as number);
      const life: [number, number] = [birth, death === NO_DAY ? asOfDay : Math.min(death, asOfDay)];
      const unit = keyedUnits(hmac, `names\u0000${this.ids[span.start]}`);
      const lo: number[] = [];
      const hi: number[] = [];
      for (let r = span.start; r < span.end; r++) {
        const fixed = events.get(p, to[r] as number);
        const [a, b] = fixed !== undefined ? [fixed, fixed] : bandDays(this.boxes, boxRow[r] as number, life);
        lo.push(a);
        hi.push(b);
      }
      const chain = drawChain(lo, hi, unit);
      this.outside += chain.outside;
      for (let r = span.start; r < span.end; r++) {
        const end = chain.days[r - span.start] as number;
        this.newTo[r] = end;
        const previous = r > span.start ? r - 1 : -1;
        let start: number;
        if (p >= 0 && from[r] === persons.birthDay[p]) start = birth;
        else if (previous >= 0 && from[r] === to[previous]) start = this.newTo[previous] as number;
        else start = events.get(p, from[r] as number) ?? dayBetween(Math.min(birth, end), end, unit());
        this.newFrom[r] = Math.min(start, end);
      }
    }
  }

  rewrite(id: string) {
    const row = this.next++;
    if (this.ids[row] !== Number(id)) throw new Error(`name record ${id} out of the planned order`);
    return {
      id: this.surrogates?.map(Number(id)) ?? 0,
      from: this.newFrom[row] as number,
      to: this.newTo[row] as number,
    };
  }

  classify(reason: string, toYear: number): number {
    return this.boxes.classify(reason, [toYear]);
  }
}
