import type postgres from "postgres";
import { readCopy } from "./copyRead";
import { dayBetween, dayFromIso, dayOf, firstDayOfYear, isoOfDay, lastDayOfYear, NO_DAY } from "./days";
import { type ParentLinks, repairGenerations } from "./generations";
import type { AnonymisationKeys } from "./keys";
import { keyedDonors, keyedUnits } from "./keys";
import { classify, type Partition, partition, StratumTooSmallError } from "./mondrian";
import { PersonCodeAssigner } from "./personCodes";
import { factsOf, PERSON_FACTS_SELECT, PersonFactsTable } from "./personFacts";
import {
  BIRTH_LOCATION,
  BIRTH_YEAR,
  CITIZENSHIP,
  CODE_KIND,
  DEATH_PLACE,
  DEATH_YEAR,
  NATIONALITY,
  PERSON_COLUMNS,
  PERSON_STRATA,
  PersonEncoding,
  type PersonFacts,
  parseCodeKind,
} from "./personQuasi";
import { TooFewRowsError } from "./rowBoxes";
import { alignTwinYears, twinGroups } from "./twins";

/** Codes issued from this day on are new-format: nobody born since can hold an old one. */
const NEW_FORMAT_SINCE = dayOf(2017, 7, 1);

/** What the output says of a person, decoded: the donor's kept values and the new dates. */
export interface PersonOutput {
  personCode: string;
  formerCodes: string[];
  birthDate: string;
  birthPlace: string;
  birthCountry: string;
  citizenshipStatus: string;
  citizenshipCountry: string | null;
  nationality: string | null;
  deathDate: string | null;
  deathPlace: string | null;
}

/**
 * The persons of one run: read once from the source snapshot, partitioned into boxes of at
 * least k persons over the quasi-identifiers (`personQuasi.ts`), each person's kept values
 * taken from another member of their box (a keyed cycle, twins kept on one day), new birth
 * and death days drawn inside those years, and every personal code issued anew.
 */
export class PersonPlan {
  readonly encoding: PersonEncoding;
  readonly partition: Partition;
  private readonly codes: Float64Array;
  private readonly positions: Int32Array | null;
  private readonly oddCodes = new Map<string, number>();
  private readonly formerOf = new Map<string, number>();
  readonly birthDay: Int32Array;
  readonly deathDay: Int32Array;
  readonly newBirthDay: Int32Array;
  readonly newDeathDay: Int32Array;
  readonly donor: Int32Array;
  /** Whose kept values went to whom, backwards: `receiver[donor[i]] = i`. */
  readonly receiver: Int32Array;
  private readonly newCodes: string[];
  private readonly newFormers = new Map<number, string[]>();
  private readonly assigner: PersonCodeAssigner;
  readonly values: Int32Array[];
  readonly strata: Uint8Array;
  /** Twin groups whose years could not be made equal inside their boxes (birth day shared anyway). */
  readonly twinsOutsideBox: number;
  /** Parent–child links left closer than 16 years (or the source's gap) after repair. */
  readonly generationsTooClose: number = 0;

  static async read(
    sql: postgres.TransactionSql,
    keys: AnonymisationKeys,
    asOf: string,
    k: number,
    municipalityOfTown: ReadonlyMap<string, string>,
  ): Promise<PersonPlan> {
    const [counted] = await sql<{ n: number }[]>`select count(*)::int as n from person.persons`;
    const n = counted?.n ?? 0;
    const encoding = new PersonEncoding(municipalityOfTown);
    const facts = new PersonFactsTable(n);
    const row = new Int32Array(PERSON_COLUMNS.length);
    let i = 0;
    await readCopy(sql, `${PERSON_FACTS_SELECT} order by person_code`, (f) => {
      const person = factsOf(f);
      encoding.add(person, row);
      facts.set(i++, person, encoding.stratumOf(person), row);
    });
    encoding.seal(facts.values);
    const mothers = new Int32Array(n).fill(-1);
    const plan = new PersonPlan(keys, k, encoding, facts);
    const parents: number[] = [];
    const children: number[] = [];
    await readCopy(
      sql,
      "select child_code, parent_code, role from person.parent_child order by child_code, parent_code",
      (f) => {
        const child = plan.indexOf(f[0] ?? "");
        const parent = plan.indexOf(f[1] ?? "");
        if (child < 0 || parent < 0) return;
        if (f[2] === "MOTHER") mothers[child] = parent;
        parents.push(parent);
        children.push(child);
      },
    );
    plan.assign(keys, asOf, mothers, { parent: Int32Array.from(parents), child: Int32Array.from(children) });
    return plan;
  }

  private readonly factsTable: PersonFactsTable;

  private constructor(keys: AnonymisationKeys, k: number, encoding: PersonEncoding, facts: PersonFactsTable) {
    this.encoding = encoding;
    this.factsTable = facts;
    const n = facts.size;
    this.codes = facts.codeNumbers;
    this.positions = sortedOrNull(this.codes);
    facts.oddCodes.forEach((index, code) => {
      this.oddCodes.set(code, index);
    });
    facts.formerCodes.forEach((codes, index) => {
      for (const code of codes) this.formerOf.set(code, index);
    });
    this.birthDay = facts.birthDay;
    this.deathDay = facts.deathDay;
    this.values = facts.values;
    this.strata = facts.strata;
    try {
      this.partition = partition(this.strata, PERSON_STRATA.length, encoding.columns(this.values), k);
    } catch (error) {
      if (error instanceof StratumTooSmallError) {
        throw new TooFewRowsError(
          `the register holds ${error.rows} ${PERSON_STRATA[error.stratum]} persons; every sex × living/deceased group needs at least k = ${k} (give a larger register or a smaller --k)`,
        );
      }
      throw error;
    }
    this.donor = keyedDonors(keys.hmac, "persons", this.partition.order, this.partition.leafStart);
    this.receiver = new Int32Array(n);
    this.newBirthDay = new Int32Array(n);
    this.newDeathDay = new Int32Array(n).fill(NO_DAY);
    this.newCodes = new Array<string>(n);
    this.assigner = new PersonCodeAssigner(keys.ff1);
    this.twinsOutsideBox = 0;
  }

  get size(): number {
    return this.codes.length;
  }

  /** The row of a source personal code (current or former), −1 when unknown. */
  indexOf(code: string): number {
    const odd = this.oddCodes.get(code);
    if (odd !== undefined) return odd;
    const number = /^\d{11}$/.test(code) ? Number(code) : Number.NaN;
    if (!Number.isNaN(number)) {
      let lo = 0;
      let hi = this.codes.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const at = this.positions ? (this.positions[mid] as number) : mid;
        const value = this.codes[at] as number;
        if (value === number) return at;
        if (value < number) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return this.formerOf.get(code) ?? -1;
  }

  /**
   * The test code of a person's source code (current or former); a code of nobody in the
   * register (the change log has no foreign key) goes through FF1 as an invalid one would.
   */
  mapCode(code: string): string {
    const index = this.indexOf(code);
    return index < 0 ? this.assigner.unparsed(code) : (this.newCodes[index] as string);
  }

  newCodeAt(index: number): string {
    return this.newCodes[index] as string;
  }

  /** The box of a person read from the output (−1: a value the source never had). */
  classify(facts: PersonFacts): number {
    const values = new Int32Array(PERSON_COLUMNS.length);
    if (!this.encoding.lookup(facts, values)) return -1;
    return classify(this.partition.tree, this.encoding.stratumOf(facts), values);
  }

  /** Everything the output row of person `index` says that the plan decides. */
  outputOf(index: number): PersonOutput {
    const donor = this.donor[index] as number;
    const value = (c: number) => this.values[c]?.[donor] as number;
    const [status = "", country = ""] = this.encoding.citizenship.valueAt(value(CITIZENSHIP)).split("|");
    const [birthCountry = "", birthPlace = ""] = splitOnce(
      this.encoding.birthLocation.valueAt(value(BIRTH_LOCATION)),
    );
    const nationality = this.encoding.nationality.valueAt(value(NATIONALITY));
    const deathPlace = this.encoding.deathPlace.valueAt(value(DEATH_PLACE));
    const deceased = (this.newDeathDay[index] as number) !== NO_DAY;
    return {
      personCode: this.newCodes[index] as string,
      formerCodes: this.newFormers.get(index) ?? [],
      birthDate: isoOfDay(this.newBirthDay[index] as number),
      birthPlace,
      birthCountry,
      citizenshipStatus: status,
      citizenshipCountry: country === "" ? null : country,
      nationality: nationality === "" ? null : nationality,
      deathDate: deceased ? isoOfDay(this.newDeathDay[index] as number) : null,
      deathPlace: deceased ? (deathPlace === "" ? null : deathPlace) : null,
    };
  }

  /** Donors (twins on one year), new birth and death days, then codes. */
  private assign(keys: AnonymisationKeys, asOf: string, mothers: Int32Array, links: ParentLinks): void {
    const asOfDay = dayFromIso(asOf);
    const n = this.size;
    const groups = twinGroups(mothers, this.birthDay);
    const outside = alignTwinYears(groups, this.donor, this.partition, this.values[BIRTH_YEAR] as Int32Array);
    (this as { twinsOutsideBox: number }).twinsOutsideBox = outside;
    const twins = new Uint8Array(n);
    for (const member of groups.keys()) twins[member] = 1;
    (this as { generationsTooClose: number }).generationsTooClose = repairGenerations(
      links,
      this.donor,
      this.partition,
      this.values[BIRTH_YEAR] as Int32Array,
      twins,
    );
    for (let i = 0; i < n; i++) this.receiver[this.donor[i] as number] = i;
    const kindOf = (index: number) =>
      parseCodeKind(
        this.encoding.codeKind.valueAt(this.values[CODE_KIND]?.[this.donor[index] as number] as number),
      );
    // Birth days: one draw per twin group (mother and source birth day), else per person.
    const done = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (done[i]) continue;
      const members = groups.get(i) ?? [i];
      const year = this.values[BIRTH_YEAR]?.[this.donor[members[0] as number] as number] as number;
      let hi = Math.min(lastDayOfYear(year), asOfDay);
      for (const m of members) {
        const kind = kindOf(m);
        if (kind.format === "OLD" || kind.formers > 0) hi = Math.min(hi, NEW_FORMAT_SINCE - 1);
      }
      const lo = Math.min(firstDayOfYear(year), hi);
      const mother = mothers[i] as number;
      const label =
        members.length > 1
          ? `birth\u0000${this.codeAt(mother)}\u0000${this.birthDay[i]}`
          : `birth\u0000${this.codeAt(i)}`;
      let day = dayBetween(lo, hi, keyedUnits(keys.hmac, label)());
      // Nobody keeps their own birth date.
      if (day === this.birthDay[i]) day = day + 1 <= hi ? day + 1 : Math.max(lo, day - 1);
      for (const m of members) {
        this.newBirthDay[m] = day;
        done[m] = 1;
      }
    }
    // Death days: inside the donor's death year, not before the new birth, not after as-of.
    for (let i = 0; i < n; i++) {
      if ((this.deathDay[i] as number) === NO_DAY) continue;
      const year = this.values[DEATH_YEAR]?.[this.donor[i] as number] as number;
      const lo = Math.max(firstDayOfYear(year), this.newBirthDay[i] as number);
      const hi = Math.max(lo, Math.min(lastDayOfYear(year), asOfDay));
      let day = dayBetween(lo, hi, keyedUnits(keys.hmac, `death\u0000${this.codeAt(i)}`)());
      if (day === this.deathDay[i]) day = day + 1 <= hi ? day + 1 : Math.max(lo, day - 1);
      this.newDeathDay[i] = day;
    }
    this.assignCodes(kindOf);
  }

  private assignCodes(kindOf: (index: number) => ReturnType<typeof parseCodeKind>): void {
    const assigner = this.assigner;
    const n = this.size;
    const own = (i: number) => this.codeAt(i);
    const ownFormat = (i: number) =>
      /^32\d{9}$/.test(own(i)) ? "NEW" : /^\d{11}$/.test(own(i)) ? "OLD" : "INVALID";
    // Codes that are not valid today stay invalid, whatever the donor's kind.
    const invalid = (i: number) => !this.factsTable.validCode[i];
    // New-format persons keep new-format codes first: a permutation of the issuable ones.
    for (let i = 0; i < n; i++) {
      if (invalid(i)) this.newCodes[i] = assigner.unparsed(own(i));
      else if (kindOf(i).format !== "OLD" && ownFormat(i) === "NEW")
        this.newCodes[i] = assigner.newFormat(own(i).slice(2, 10));
    }
    for (let i = 0; i < n; i++) {
      if (invalid(i) || this.newCodes[i] !== undefined || kindOf(i).format === "OLD") continue;
      this.newCodes[i] = assigner.newFormat(own(i).slice(1, 9));
    }
    for (let i = 0; i < n; i++) {
      if (invalid(i)) continue;
      const kind = kindOf(i);
      const sources = [...(this.factsTable.formerCodes.get(i) ?? []), own(i)];
      const serialOf = (j: number) => (sources[j % sources.length] as string).slice(7, 10);
      if (kind.format === "OLD")
        this.newCodes[i] = assigner.oldFormat(this.newBirthDay[i] as number, serialOf(0));
      if (kind.formers > 0) {
        const formers: string[] = [];
        for (let j = 0; j < kind.formers; j++)
          formers.push(assigner.oldFormat(this.newBirthDay[i] as number, serialOf(j)));
        this.newFormers.set(i, formers);
      }
    }
  }

  private codeAt(index: number): string {
    return this.factsTable.codeStrings(index);
  }

  /** How many persons keep their birth year, and how wide the boxes' birth years are. */
  birthYearsKept(): { exact: number; withinFive: number } {
    const { leafMin, leafMax, leafOf } = this.partition;
    let exact = 0;
    let withinFive = 0;
    for (let i = 0; i < this.size; i++) {
      const l = leafOf[i] as number;
      const width = (leafMax[BIRTH_YEAR]?.[l] as number) - (leafMin[BIRTH_YEAR]?.[l] as number);
      if (width === 0) exact++;
      if (width < 5) withinFive++;
    }
    return { exact, withinFive };
  }
}

function splitOnce(value: string): [string, string] {
  const bar = value.indexOf("|");
  return [value.slice(0, bar), value.slice(bar + 1)];
}

function sortedOrNull(codes: Float64Array): Int32Array | null {
  for (let i = 1; i < codes.length; i++) {
    if ((codes[i] as number) < (codes[i - 1] as number)) {
      return Int32Array.from({ length: codes.length }, (_, j) => j).sort(
        (a, b) => (codes[a] as number) - (codes[b] as number),
      );
    }
  }
  return null;
}
