import type postgres from "postgres";
import { readCopy } from "./copyRead";
import { decodeField } from "./copyText";
import { addYears, dayBetween, dayFromIso, firstDayOfYear, lastDayOfYear, NO_DAY } from "./days";
import { Dictionary } from "./dictionary";
import { keyedUnits } from "./keys";
import type { PersonPlan } from "./personPlan";
import { indexOfId, RowBoxes } from "./rowBoxes";
import { SurrogateIds } from "./surrogateIds";

/**
 * Marriages: kept exactly whether the marriage ended in divorce (its stratum); inside a
 * Mondrian box the year of marriage, the years until the divorce and the place. A marriage
 * takes these from another of its box; the days are drawn anew, after both spouses' new
 * births (16 years on where the year allows), after their earlier marriages ended, not after
 * the as-of day. The new dates are remembered per spouse and source day, so a name record
 * that ended on the wedding day (`name_history`) ends on the new one.
 */
const MARRIED_YEAR = 0;
const YEARS_TO_DIVORCE = 1;
const PLACE = 2;

export interface MarriageFacts {
  marriedOn: string;
  place: string;
  divorcedOn: string | null;
}

const stratumOf = (facts: MarriageFacts) => (facts.divorcedOn === null ? "married" : "divorced");
const valuesOf = (facts: MarriageFacts): (string | number)[] => {
  const married = Number(facts.marriedOn.slice(0, 4));
  return [
    married,
    facts.divorcedOn === null ? 0 : Number(facts.divorcedOn.slice(0, 4)) - married,
    facts.place,
  ];
};

/** A spouse's source day as one number: the key of `PersonEvents`. */
function eventKey(person: number, day: number): number {
  return person * 131_072 + (day + 65_536);
}

/** New days of marriage events, by spouse and source day (for name records that follow them). */
export class PersonEvents {
  private readonly days = new Map<number, number>();

  set(person: number, sourceDay: number, newDay: number): void {
    if (person >= 0) this.days.set(eventKey(person, sourceDay), newDay);
  }

  get(person: number, sourceDay: number): number | undefined {
    return person < 0 ? undefined : this.days.get(eventKey(person, sourceDay));
  }
}

export class MarriagePlan {
  readonly boxes: RowBoxes;
  readonly events = new PersonEvents();
  private ids = new Float64Array(0);
  private newMarried = new Int32Array(0);
  private newDivorced = new Int32Array(0);
  surrogates: SurrogateIds | null = null;

  private constructor(capacity: number, municipalityOfTown: ReadonlyMap<string, string>) {
    this.boxes = new RowBoxes(
      "marriage",
      [
        { name: "marriedYear", weight: 4 },
        { name: "yearsToDivorce", weight: 2 },
        {
          name: "place",
          weight: 1,
          dictionary: new Dictionary((p) => `${municipalityOfTown.get(p) ?? "~"}|${p}`),
        },
      ],
      capacity,
    );
  }

  static async read(
    sql: postgres.TransactionSql,
    persons: PersonPlan,
    hmac: Buffer,
    asOf: string,
    k: number,
    municipalityOfTown: ReadonlyMap<string, string>,
  ): Promise<MarriagePlan> {
    const [counted] = await sql<{ n: number }[]>`select count(*)::int as n from person.marriages`;
    const n = counted?.n ?? 0;
    const plan = new MarriagePlan(n, municipalityOfTown);
    const ids = new Float64Array(n);
    const spouses = new Int32Array(2 * n);
    const married = new Int32Array(n);
    const divorced = new Int32Array(n);
    let row = 0;
    await readCopy(
      sql,
      "select id, spouse_a, spouse_b, married_on, place, divorced_on from person.marriages order by id",
      (f) => {
        const facts = {
          marriedOn: f[3] ?? "",
          place: decodeField(f[4] ?? "") ?? "",
          divorcedOn: decodeField(f[5] ?? "\\N"),
        };
        plan.boxes.add(stratumOf(facts), valuesOf(facts));
        ids[row] = Number(f[0]);
        spouses[2 * row] = persons.indexOf(f[1] ?? "");
        spouses[2 * row + 1] = persons.indexOf(f[2] ?? "");
        married[row] = dayFromIso(facts.marriedOn);
        divorced[row] = facts.divorcedOn === null ? NO_DAY : dayFromIso(facts.divorcedOn);
        row++;
      },
    );
    plan.ids = ids;
    if (n > 0) plan.boxes.seal(k, hmac, "marriages", (stratum) => `${stratum} couples`);
    plan.surrogates = new SurrogateIds(hmac, "marriages", ids, [
      { source: spouses.filter((_, i) => i % 2 === 0) },
      { source: spouses.filter((_, i) => i % 2 === 1) },
    ]);
    plan.draw(persons, hmac, dayFromIso(asOf), spouses, married, divorced);
    return plan;
  }

  /** New days in source order of marriage, so a spouse's earlier marriage is placed first. */
  private draw(
    persons: PersonPlan,
    hmac: Buffer,
    asOfDay: number,
    spouses: Int32Array,
    married: Int32Array,
    divorced: Int32Array,
  ): void {
    const n = married.length;
    this.newMarried = new Int32Array(n);
    this.newDivorced = new Int32Array(n).fill(NO_DAY);
    const lastEnd = new Int32Array(persons.size).fill(NO_DAY);
    const byDay = Int32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (married[a] as number) - (married[b] as number) || a - b,
    );
    for (const row of byDay) {
      const pair = [spouses[2 * row] as number, spouses[2 * row + 1] as number].filter((p) => p >= 0);
      const draw = keyedUnits(hmac, `marriage\u0000${this.ids[row]}`);
      const donated = this.boxes.donated(MARRIED_YEAR, row) as number;
      const [boxFirst, boxLast] = this.boxes.box(MARRIED_YEAR, row);
      // What lives allow, loosened step by step while no year of the box leaves room for it.
      const adult = Math.max(...pair.map((p) => addYears(persons.newBirthDay[p] as number, 16)));
      const born = Math.max(...pair.map((p) => (persons.newBirthDay[p] as number) + 1));
      const after = Math.max(
        ...pair.map((p) => ((lastEnd[p] as number) === NO_DAY ? -1e9 : (lastEnd[p] as number) + 1)),
      );
      const alive = Math.min(
        asOfDay,
        ...pair.map((p) =>
          persons.newDeathDay[p] === NO_DAY ? asOfDay : (persons.newDeathDay[p] as number),
        ),
      );
      const years = [donated];
      for (let d = 1; donated - d >= boxFirst || donated + d <= boxLast; d++) {
        if (donated - d >= boxFirst) years.push(donated - d);
        if (donated + d <= boxLast) years.push(donated + d);
      }
      let year = donated;
      let from = firstDayOfYear(donated);
      let to = Math.max(from, Math.min(lastDayOfYear(donated), asOfDay));
      search: for (const floor of [Math.max(adult, after), Math.max(born, after), born]) {
        for (const y of years) {
          const lo = Math.max(firstDayOfYear(y), floor);
          const hi = Math.min(lastDayOfYear(y), alive);
          if (lo > hi) continue;
          [year, from, to] = [y, lo, hi];
          break search;
        }
      }
      const day = dayBetween(from, to, draw());
      this.newMarried[row] = day;
      let end = day;
      if ((divorced[row] as number) !== NO_DAY) {
        const divorceYear = year + (this.boxes.donated(YEARS_TO_DIVORCE, row) as number);
        const dLo = Math.max(firstDayOfYear(divorceYear), day + 1);
        const dHi = Math.min(lastDayOfYear(divorceYear), asOfDay);
        end =
          dLo <= dHi
            ? dayBetween(dLo, dHi, draw())
            : Math.max(day, Math.min(dHi, lastDayOfYear(divorceYear)));
        this.newDivorced[row] = end;
      }
      for (const p of pair) {
        lastEnd[p] = end;
        this.events.set(p, married[row] as number, day);
        if ((divorced[row] as number) !== NO_DAY) this.events.set(p, divorced[row] as number, end);
      }
    }
  }

  /** The id, place and days of marriage `row` (source rows in id order). */
  rewrite(id: string): { id: number; place: string; marriedOn: number; divorcedOn: number } {
    const row = this.rowOf(Number(id));
    return {
      id: this.surrogates?.map(Number(id)) ?? 0,
      place: this.boxes.donated(PLACE, row) as string,
      marriedOn: this.newMarried[row] as number,
      divorcedOn: this.newDivorced[row] as number,
    };
  }

  private rowOf(id: number): number {
    const row = indexOfId(this.ids, id);
    if (row < 0) throw new Error(`marriage ${id} was not read before the copy`);
    return row;
  }

  classify(facts: MarriageFacts): number {
    return this.boxes.classify(stratumOf(facts), valuesOf(facts));
  }
}
