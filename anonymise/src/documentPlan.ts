import type postgres from "postgres";
import { readCopy } from "./copyRead";
import { decodeField } from "./copyText";
import { addYears, dayBetween, dayFromIso, firstDayOfYear, isoOfDay, lastDayOfYear, NO_DAY } from "./days";
import { Dictionary } from "./dictionary";
import { keyedUnits } from "./keys";
import type { PersonPlan } from "./personPlan";
import { indexOfId, RowBoxes } from "./rowBoxes";
import { SurrogateIds } from "./surrogateIds";

/**
 * The quasi-identifiers of one identity document (what someone holding the source could
 * match a test document by): kept exactly, as its stratum, the type, the number's series
 * and shape (`LV#######`), the status and whether it lapsed because the holder died; inside
 * a Mondrian box, the issue year, the years of validity, the reason of a status change and
 * the issuing office. A document takes these from another document of its box; the issue
 * day is drawn anew (keeping VALID documents unexpired and EXPIRED ones expired on the
 * as-of day), the expiry follows from the validity, the status change day is drawn after
 * the issue (an expiry on the expiry day, a holder's death a few days after the new death).
 *
 * Documents go with their holder's kept values: a person's documents are written for the
 * person who received the holder's values (`PersonPlan.receiver`), whose citizenship,
 * birth year and death match them. A person's box and their documents together then point
 * at the holder, never at the person (a document's donor is never a document of the person
 * it is written for): kept with the person, a box plus one document's box singled out 83 %
 * of a 10 000-person register.
 */
const REASON = 0;
const ISSUER = 1;
const ISSUE_YEAR = 2;
const VALIDITY = 3;

const HOLDER_DIED = "holder died";

export interface DocumentFacts {
  type: string;
  number: string;
  issuer: string;
  issueDate: string;
  expiryDate: string;
  status: string;
  statusReason: string | null;
}

export function documentStratum(
  facts: Pick<DocumentFacts, "type" | "number" | "status" | "statusReason">,
): string {
  return `${facts.type}|${facts.number.replace(/\d/g, "#")}|${facts.status}|${facts.statusReason === HOLDER_DIED ? "holder died" : ""}`;
}

export function documentValues(facts: DocumentFacts): (string | number)[] {
  const issueYear = Number(facts.issueDate.slice(0, 4));
  return [
    facts.statusReason === HOLDER_DIED ? "" : (facts.statusReason ?? ""),
    facts.issuer,
    issueYear,
    Number(facts.expiryDate.slice(0, 4)) - issueYear,
  ];
}

export class DocumentPlan {
  readonly boxes: RowBoxes;
  private ids = new Float64Array(0);
  /** The person (plan row) each document is written for: the receiver of its holder's values. */
  private owners = new Int32Array(0);
  surrogates: SurrogateIds | null = null;

  private constructor(
    private readonly persons: PersonPlan,
    private readonly key: Buffer,
    private readonly asOfDay: number,
    capacity: number,
  ) {
    this.boxes = new RowBoxes(
      "identity document",
      [
        { name: "reason", weight: 2, dictionary: new Dictionary() },
        { name: "issuer", weight: 1, dictionary: new Dictionary() },
        { name: "issueYear", weight: 4 },
        { name: "validityYears", weight: 4 },
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
  ): Promise<DocumentPlan> {
    const [counted] = await sql<{ n: number }[]>`select count(*)::int as n from person.identity_documents`;
    const plan = new DocumentPlan(persons, hmac, dayFromIso(asOf), counted?.n ?? 0);
    const ids: number[] = [];
    const holders: number[] = [];
    await readCopy(
      sql,
      "select id, type, number, issuer, issue_date, expiry_date, status, status_reason, person_code from person.identity_documents order by id",
      (f) => {
        ids.push(Number(f[0]));
        holders.push(persons.indexOf(f[8] ?? ""));
        const facts: DocumentFacts = {
          type: f[1] ?? "",
          number: decodeField(f[2] ?? "") ?? "",
          issuer: decodeField(f[3] ?? "") ?? "",
          issueDate: f[4] ?? "",
          expiryDate: f[5] ?? "",
          status: f[6] ?? "",
          statusReason: decodeField(f[7] ?? "\\N"),
        };
        plan.boxes.add(documentStratum(facts), documentValues(facts));
      },
    );
    plan.ids = Float64Array.from(ids);
    const source = Int32Array.from(holders);
    plan.owners = Int32Array.from(holders, (holder) =>
      holder < 0 ? -1 : (persons.receiver[holder] as number),
    );
    if (ids.length > 0) {
      plan.boxes.seal(k, hmac, "documents", (stratum) => stratum.replaceAll("|", " ").trim());
      plan.boxes.avoidDonors((row, donor) => {
        const owner = plan.owners[row] as number;
        return owner >= 0 && source[donor] === owner;
      });
    }
    plan.surrogates = new SurrogateIds(hmac, "identity_documents", plan.ids, [
      { source, output: plan.owners },
    ]);
    return plan;
  }

  /**
   * What the plan decides of a document, given its source id, holder and the source fields
   * it needs: the id, the test code of the person it is written for, issuer, reason and days.
   */
  rewrite(
    id: string,
    holderCode: string,
    facts: { issueDate: string; status: string; statusReason: string | null; statusChangedOn: string | null },
  ): {
    id: number;
    personCode: string;
    issuer: string;
    statusReason: string | null;
    issueDate: string;
    expiryDate: string;
    statusChangedOn: string | null;
  } {
    const row = indexOfId(this.ids, Number(id));
    if (row < 0) throw new Error(`identity document ${id} was not read before the copy`);
    const holder = this.persons.indexOf(holderCode);
    const owner = this.owners[row] as number;
    const birth = owner < 0 ? NO_DAY : (this.persons.newBirthDay[owner] as number);
    const death = owner < 0 ? NO_DAY : (this.persons.newDeathDay[owner] as number);
    const year = this.boxes.donated(ISSUE_YEAR, row) as number;
    const validity = this.boxes.donated(VALIDITY, row) as number;
    const draw = keyedUnits(this.key, `document\u0000${id}`);
    // Hard bounds first: the year, the as-of day, and the status on the as-of day.
    let lo = firstDayOfYear(year);
    let hi = Math.min(lastDayOfYear(year), this.asOfDay);
    const lastExpiringIssue = addYears(this.asOfDay, -validity);
    if (facts.status === "VALID") lo = Math.max(lo, lastExpiringIssue + 1);
    if (facts.status === "EXPIRED") hi = Math.min(hi, lastExpiringIssue);
    // A status the as-of day contradicts (the source's "today" was another day): keep the year.
    if (lo > hi) {
      lo = Math.min(Math.max(lo, firstDayOfYear(year)), lastDayOfYear(year));
      hi = lo;
    }
    // Then what a life allows, where the year leaves room: after birth, before death.
    const softLo = birth === NO_DAY ? lo : Math.max(lo, birth);
    const softHi = death === NO_DAY ? hi : Math.min(hi, death - 1);
    if (softLo <= softHi) {
      lo = softLo;
      hi = softHi;
    }
    let issue = dayBetween(lo, hi, draw());
    const original = dayFromIso(facts.issueDate);
    if (issue === original) issue = issue + 1 <= hi ? issue + 1 : Math.max(lo, issue - 1);
    const expiry = addYears(issue, validity);
    const reason =
      facts.statusReason === HOLDER_DIED ? HOLDER_DIED : (this.boxes.donated(REASON, row) as string) || null;
    let changed: number | null = null;
    if (facts.statusChangedOn !== null) {
      if (facts.status === "EXPIRED") changed = expiry;
      else if (reason === HOLDER_DIED && death !== NO_DAY && holder >= 0) {
        const sourceDeath = this.persons.deathDay[holder] as number;
        const delay = Math.max(0, dayFromIso(facts.statusChangedOn) - sourceDeath);
        changed = Math.max(issue, Math.min(death + delay, this.asOfDay));
      } else changed = dayBetween(issue + 1, Math.max(issue + 1, Math.min(expiry - 1, this.asOfDay)), draw());
    }
    return {
      id: this.surrogates?.map(Number(id)) ?? 0,
      personCode: owner < 0 ? this.persons.mapCode(holderCode) : this.persons.newCodeAt(owner),
      issuer: this.boxes.donated(ISSUER, row) as string,
      statusReason: reason,
      issueDate: isoOfDay(issue),
      expiryDate: isoOfDay(expiry),
      statusChangedOn: changed === null ? null : isoOfDay(changed),
    };
  }

  /** The box of a document read from the output (−1: a value the source never had). */
  classify(facts: DocumentFacts): number {
    return this.boxes.classify(documentStratum(facts), documentValues(facts));
  }
}
