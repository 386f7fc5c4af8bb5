import { addYears, ageOn, dayOf, isoOf, REGISTER_DAY, yearsToDays } from "./dates";
import type { Random } from "./random";
import type { IdentityDocumentRow } from "./rows";

/** Latvian passports in today's format from mid-2007; eID cards since April 2012. */
const PASSPORT_HISTORY_FROM = dayOf(2002, 1, 1);
const EID_SINCE = dayOf(2012, 4, 2);

type DocumentType = IdentityDocumentRow["type"];

/** Multiplier coprime with 10⁷, so k ↦ (k·A + B) mod 10⁷ gives unique, non-sequential numbers. */
const NUMBER_MULTIPLIER = 7_654_321;

/** Unique document numbers per series (LV passports, LH non-citizen passports, PA eID cards). */
export class DocumentNumbers {
  private readonly counters = new Map<string, number>();

  constructor(private readonly seed: number) {}

  next(series: string): string {
    const k = this.counters.get(series) ?? 0;
    if (k >= 10_000_000) throw new Error(`document series ${series} ran out of numbers`);
    this.counters.set(series, k + 1);
    // Each series starts elsewhere in the permutation, so a person's passport and eID card
    // do not share digits.
    const seriesOffset =
      [...series].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) % 10_000_000, 0) * 104_729;
    const number = (k * NUMBER_MULTIPLIER + 1_234_567 + this.seed * 7_919 + seriesOffset) % 10_000_000;
    return `${series}${String(number).padStart(7, "0")}`;
  }
}

export interface DocumentHolder {
  personCode: string;
  birthDay: number;
  deathDay: number | null;
  citizenship: "CITIZEN" | "NON_CITIZEN" | "FOREIGNER" | "STATELESS";
  /** Days the holder's name changed (marriage, divorce): documents valid then are replaced. */
  nameChangeDays: readonly number[];
  /** The PMLP office for a document issued on a day. */
  officeOn(day: number): string;
}

export interface DocumentContext {
  random: Random;
  numbers: DocumentNumbers;
  nextId(): number;
}

/**
 * The holder's passports and eID cards: a chain per type where each document is followed by
 * the next one at expiry (renewal), earlier after a loss, theft or name change, or not at all
 * (some people let a document lapse). Documents still valid when the holder died become
 * INVALID with reason "holder died".
 */
export function generateDocuments(holder: DocumentHolder, context: DocumentContext): IdentityDocumentRow[] {
  // Foreigners hold residence permits and their own country's passport, not Latvian documents;
  // stateless persons a travel document this table does not model.
  if (holder.citizenship === "FOREIGNER" || holder.citizenship === "STATELESS") return [];
  const { random } = context;
  const rows: IdentityDocumentRow[] = [];
  const endDay = holder.deathDay ?? REGISTER_DAY;
  const age = ageOn(holder.birthDay, endDay);
  const passportSeries = holder.citizenship === "CITIZEN" ? "LV" : "LH";
  if (age >= 15) {
    // The kept history starts at 15 or at the start of the record period, whichever is later.
    const adultFrom = addYears(holder.birthDay, 15) + random.int(400);
    const wantsPassport = random.chance(holder.citizenship === "NON_CITIZEN" ? 0.9 : 0.72);
    const wantsEid = random.chance(0.78) || !wantsPassport;
    if (wantsPassport) {
      const first = Math.max(PASSPORT_HISTORY_FROM + random.int(yearsToDays(4)), adultFrom);
      chain(holder, context, "PASSPORT", passportSeries, first, rows);
    }
    if (wantsEid) {
      const first = Math.max(EID_SINCE + random.int(REGISTER_DAY - EID_SINCE), adultFrom);
      chain(holder, context, "EID_CARD", "PA", first, rows);
    }
  } else if (age >= 3 && random.chance(0.4)) {
    // Children travel on passports of 5-year validity.
    const first = Math.max(holder.birthDay + 30, endDay - random.int(yearsToDays(5)));
    chain(holder, context, "PASSPORT", passportSeries, first, rows);
  }
  return rows;
}

function chain(
  holder: DocumentHolder,
  context: DocumentContext,
  type: DocumentType,
  series: string,
  firstIssue: number,
  rows: IdentityDocumentRow[],
): void {
  const { random } = context;
  const endDay = holder.deathDay ?? REGISTER_DAY;
  let issueDay = firstIssue;
  while (issueDay < endDay) {
    const ageAtIssue = ageOn(holder.birthDay, issueDay);
    const expiryDay = addYears(issueDay, ageAtIssue < 20 ? 5 : 10);
    const office = holder.officeOn(issueDay);
    let status: IdentityDocumentRow["status"] = "VALID";
    let statusReason: string | null = null;
    let statusChangedOn: number | null = null;
    let nextIssue: number | null = null;

    // A name change makes the holder replace documents valid at the time, within weeks.
    const nameChange = holder.nameChangeDays.find((day) => day > issueDay && day < expiryDay);
    const replacedOn = nameChange === undefined ? null : nameChange + random.between(5, 60);
    const lossDay = random.chance(0.05) ? issueDay + random.int(Math.max(1, expiryDay - issueDay)) : null;
    if (replacedOn !== null && replacedOn < endDay && (lossDay === null || replacedOn < lossDay)) {
      status = "INVALID";
      statusReason = "replaced";
      statusChangedOn = replacedOn;
      nextIssue = replacedOn;
    } else if (lossDay !== null && lossDay < endDay) {
      status = "INVALID";
      statusReason = random.chance(0.8) ? "lost" : "stolen";
      statusChangedOn = lossDay;
      nextIssue = lossDay + random.between(3, 40);
    } else if (expiryDay <= endDay) {
      status = "EXPIRED";
      statusChangedOn = expiryDay;
      // Most renew around expiry; some only years later; some never.
      const r = random.float();
      nextIssue =
        r < 0.75 ? expiryDay - random.int(60) : r < 0.92 ? expiryDay + random.int(yearsToDays(3)) : null;
    } else if (holder.deathDay !== null) {
      status = "INVALID";
      statusReason = "holder died";
      statusChangedOn = Math.min(REGISTER_DAY, holder.deathDay + random.between(1, 14));
    }
    rows.push({
      id: context.nextId(),
      personCode: holder.personCode,
      type,
      number: context.numbers.next(series),
      issuer: office,
      issueDate: isoOf(issueDay),
      expiryDate: isoOf(expiryDay),
      status,
      statusReason,
      statusChangedOn: statusChangedOn === null ? null : isoOf(statusChangedOn),
    });
    if (nextIssue === null) break;
    issueDay = nextIssue;
  }
}
