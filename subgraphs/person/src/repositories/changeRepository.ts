/**
 * Changes to the register. Each change is one transaction that locks the persons it touches
 * (in code order, so concurrent changes cannot deadlock), validates, writes, and as its last
 * statement appends its rows to the commit-ordered change log with `appendChanges`. A
 * refused change throws `ChangeRefused` before anything is written (the transaction rolls
 * back). Personal codes here are canonical: 11 digits, no hyphen.
 */
import { completePersonCode, formatPersonCode, genderedSurname, maleSurnameCandidates } from "@rnp/common";
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AddressRow, DocumentRow, PersonRow } from "./personRepository";

const { persons, addresses, declaredAddresses, identityDocuments, nameHistory, marriages, parentChild } =
  schema.person;

/** The person subgraph's data groups, in the order the log lists them. */
export const DATA_GROUPS = [
  "PERSON_CODES",
  "NAME",
  "BIRTH",
  "CITIZENSHIP",
  "ADDRESS",
  "DOCUMENTS",
  "FAMILY",
  "DEATH",
] as const;
export type DataGroup = (typeof DATA_GROUPS)[number];

/** What happened, as `change_log.kind` records it. */
export type ChangeKind =
  | "ADDRESS_DECLARED"
  | "NAME_CHANGED"
  | "DOCUMENT_ISSUED"
  | "DOCUMENT_INVALIDATED"
  | "MARRIAGE"
  | "DIVORCE"
  | "BIRTH"
  | "DEATH"
  | "MUNICIPALITY_RENAMED";

/** One row of the change log: a person whose data of these groups changed. */
export interface ChangeRow {
  personCode: string;
  dataGroups: readonly DataGroup[];
  kind: ChangeKind;
}

/**
 * A set-based batch of log rows for a mass change: `personCodes` is a query yielding one
 * column of distinct personal codes, evaluated inside the appending statement.
 */
export interface ChangeSet {
  personCodes: SQL;
  dataGroups: readonly DataGroup[];
  kind: ChangeKind;
}

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Why a change was refused: the input is wrong (`INVALID`) or names something unknown. */
export class ChangeRefused extends Error {
  constructor(
    readonly reason: "INVALID" | "NOT_FOUND",
    message: string,
  ) {
    super(message);
    this.name = "ChangeRefused";
  }
}

const invalid = (message: string) => new ChangeRefused("INVALID", message);
const notFound = (message: string) => new ChangeRefused("NOT_FOUND", message);

export interface AppendResult {
  /** Rows appended. */
  count: number;
  /** Sequence number of the last row appended; null when none was. */
  lastSeq: number | null;
}

const groupsLiteral = (groups: readonly DataGroup[]) =>
  `{${DATA_GROUPS.filter((group) => groups.includes(group)).join(",")}}`;

/**
 * Appends rows to the change log. Must be the LAST statement of the change's transaction:
 * it takes the next `n` sequence values by upserting `change_sequence` (id 1), whose row lock
 * is held until commit, so sequence order equals commit order and a reader that sees seq N
 * sees every seq below N. It inserts the rows with seqs value−n+1 … value in the order given
 * (a `ChangeSet` in personal-code order) and queues `NOTIFY register_changes` with the
 * highest seq, which PostgreSQL delivers on commit. One statement for any number of rows.
 */
export async function appendChanges(
  tx: Transaction,
  rows: readonly ChangeRow[] | ChangeSet,
): Promise<AppendResult> {
  let source: SQL;
  if (Array.isArray(rows)) {
    const list = rows as readonly ChangeRow[];
    if (list.length === 0) return { count: 0, lastSeq: null };
    const json = JSON.stringify(
      list.map((row, index) => ({
        ord: index + 1,
        person_code: row.personCode,
        data_groups: DATA_GROUPS.filter((group) => row.dataGroups.includes(group)),
        kind: row.kind,
      })),
    );
    source = sql`select r.ord::bigint as ord, r.person_code, r.data_groups, r.kind
      from jsonb_to_recordset(${json}::jsonb) as r(ord int, person_code text, data_groups text[], kind text)`;
  } else {
    const set = rows as ChangeSet;
    source = sql`select row_number() over (order by p.person_code) as ord, p.person_code,
        ${groupsLiteral(set.dataGroups)}::text[] as data_groups, ${set.kind}::text as kind
      from (${set.personCodes}) as p(person_code)`;
  }
  const [result] = await rowsOf<{ count: number; last_seq: string | null }>(
    tx,
    sql`with source as materialized (${source}),
      counted as (select count(*)::bigint as n from source),
      next as (
        insert into person.change_sequence (id, value)
        select 1, counted.n from counted where counted.n > 0
        on conflict (id) do update set value = person.change_sequence.value + excluded.value
        returning value
      ),
      appended as (
        insert into person.change_log (seq, person_code, data_groups, kind)
        select next.value - counted.n + source.ord, source.person_code, source.data_groups, source.kind
        from source, counted, next
        returning seq
      )
      select (select count(*) from appended)::int as count,
        (select value from next)::text as last_seq,
        (select pg_notify('register_changes', value::text) from next) as notified`,
  );
  return { count: result?.count ?? 0, lastSeq: result?.last_seq ? Number(result.last_seq) : null };
}

async function rowsOf<T>(tx: Transaction | Database, query: SQL): Promise<T[]> {
  return (await tx.execute(query)) as unknown as T[];
}

// ---------------------------------------------------------------------------------------
// Dates: ISO `YYYY-MM-DD` strings, compared as strings, computed in UTC.

const MS_PER_DAY = 86_400_000;

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Same calendar day `years` later (29 February falls to 1 March). */
function addYears(iso: string, years: number): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}

function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function notInFuture(date: string, argument: string): void {
  const today = todayIso();
  if (date > today) {
    throw invalid(
      `\`${argument}\` is ${date}, after today (${today}); a change is registered once it has happened.`,
    );
  }
}

// ---------------------------------------------------------------------------------------
// Validation helpers.

const NAME = /^\p{L}[\p{L}\p{M}'’ .-]*$/u;

function requireName(value: string, argument: string): string {
  const name = value.trim().replace(/\s+/g, " ");
  if (name.length === 0) throw invalid(`\`${argument}\` is empty: write the name as it is to be registered.`);
  if (name.length > 100)
    throw invalid(`\`${argument}\` has ${name.length} characters; a name has at most 100.`);
  if (!NAME.test(name)) {
    throw invalid(
      `\`${argument}\` "${value}" is not a name: use letters (with diacritics), spaces, hyphens and apostrophes.`,
    );
  }
  return name;
}

function requireText(value: string, argument: string, example: string): string {
  const text = value.trim().replace(/\s+/g, " ");
  if (text.length === 0) throw invalid(`\`${argument}\` is empty: write it out, e.g. \`${example}\`.`);
  if (text.length > 200) throw invalid(`\`${argument}\` has ${text.length} characters; write at most 200.`);
  return text;
}

const code = (personCode: string) => formatPersonCode(personCode);

/** Locks the persons (in code order) for the rest of the transaction and returns them. */
async function lockPersons(tx: Transaction, codes: readonly string[]): Promise<Map<string, PersonRow>> {
  const sorted = [...new Set(codes)].sort();
  const rows = await tx
    .select()
    .from(persons)
    .where(inArray(persons.personCode, sorted))
    .orderBy(asc(persons.personCode))
    .for("no key update");
  return new Map(rows.map((row) => [row.personCode, row]));
}

function requirePerson(locked: Map<string, PersonRow>, personCode: string, role = "person"): PersonRow {
  const person = locked.get(personCode);
  if (!person) throw notFound(`No ${role} with personal code ${code(personCode)} is in the register.`);
  return person;
}

function requireAlive(person: PersonRow): void {
  if (person.deathDate) {
    throw invalid(
      `${code(person.personCode)} (${person.givenName} ${person.surname}) died on ${person.deathDate}; the register records no further changes for a deceased person.`,
    );
  }
}

function notBeforeBirth(person: PersonRow, date: string, argument: string): void {
  if (date < person.birthDate) {
    throw invalid(
      `\`${argument}\` is ${date}, before ${code(person.personCode)} was born (${person.birthDate}); correct the date.`,
    );
  }
}

/** The day the person's current name has been carried since: after the last earlier name, else birth. */
async function nameSince(tx: Transaction, person: PersonRow): Promise<string> {
  const [last] = await tx
    .select({ validTo: nameHistory.validTo })
    .from(nameHistory)
    .where(eq(nameHistory.personCode, person.personCode))
    .orderBy(desc(nameHistory.validTo))
    .limit(1);
  return last ? addDays(last.validTo, 1) : person.birthDate;
}

async function recordEarlierName(
  tx: Transaction,
  person: PersonRow,
  on: string,
  reason: "MARRIAGE" | "DIVORCE" | "APPLICATION",
): Promise<void> {
  const since = await nameSince(tx, person);
  if (on <= since) {
    throw invalid(
      `${code(person.personCode)} has carried the name ${person.givenName} ${person.surname} since ${since}; a name change must be dated after that day.`,
    );
  }
  await tx.insert(nameHistory).values({
    personCode: person.personCode,
    givenName: person.givenName,
    surname: person.surname,
    validFrom: since,
    validTo: addDays(on, -1),
    changeReason: reason,
  });
}

// ---------------------------------------------------------------------------------------
// Surnames.

/**
 * The male form of a surname given in its female form. Where several male forms give the
 * same female form (Ozola ← Ozols; Dombrovska ← Dombrovskis), the one most men in the
 * register carry wins, else the most regular one.
 */
export async function maleSurnameOf(tx: Transaction | Database, female: string): Promise<string> {
  const candidates = maleSurnameCandidates(female);
  if (candidates.length <= 1) return candidates[0] ?? female;
  const counts = await rowsOf<{ surname: string; n: number }>(
    tx,
    sql`select surname, count(*)::int as n from person.persons
      where sex = 'MALE' and surname in (select jsonb_array_elements_text(${JSON.stringify(candidates)}::jsonb))
      group by surname`,
  );
  const countOf = new Map(counts.map((row) => [row.surname, row.n]));
  let best = candidates[0] ?? female;
  for (const candidate of candidates) {
    if ((countOf.get(candidate) ?? 0) > (countOf.get(best) ?? 0)) best = candidate;
  }
  return best;
}

/** A person's surname in the form for `sex` (e.g. a husband's for his wife). */
async function surnameFor(tx: Transaction, of: PersonRow, sex: "MALE" | "FEMALE"): Promise<string> {
  if (of.sex === sex) return of.surname;
  const male = of.sex === "MALE" ? of.surname : await maleSurnameOf(tx, of.surname);
  return genderedSurname(male, sex);
}

// ---------------------------------------------------------------------------------------
// 1. Address declaration.

export interface DeclareAddressInput {
  personCode: string;
  addressCode: string;
  from: string;
}

/** Ends the current residence declaration the day before `from` and opens one at the address. */
export function declareAddress(db: Database, input: DeclareAddressInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const person = requirePerson(await lockPersons(tx, [input.personCode]), input.personCode);
    requireAlive(person);
    notInFuture(input.from, "from");
    notBeforeBirth(person, input.from, "from");
    const [address] = await tx.select().from(addresses).where(eq(addresses.addressCode, input.addressCode));
    if (!address) throw notFound(`No address has code ${input.addressCode} in the State Address Register.`);
    if (address.kind !== "BUILDING" && address.kind !== "FLAT") {
      throw invalid(
        `Address ${address.addressCode} is a ${address.kind.toLowerCase()} (${address.fullAddress}); a residence is declared at a building or a flat: pass the code of one.`,
      );
    }
    const current = await tx
      .select()
      .from(declaredAddresses)
      .where(
        and(
          eq(declaredAddresses.personCode, person.personCode),
          eq(declaredAddresses.kind, "DECLARED"),
          isNull(declaredAddresses.declaredTo),
        ),
      );
    for (const declaration of current) {
      if (declaration.addressCode === address.addressCode) {
        throw invalid(
          `${code(person.personCode)} has declared residence at ${address.fullAddress} since ${declaration.declaredFrom} already.`,
        );
      }
      if (input.from <= declaration.declaredFrom) {
        throw invalid(
          `The current residence of ${code(person.personCode)} was declared from ${declaration.declaredFrom}; \`from\` must be a later day.`,
        );
      }
    }
    if (current.length > 0) {
      await tx
        .update(declaredAddresses)
        .set({ declaredTo: addDays(input.from, -1) })
        .where(
          inArray(
            declaredAddresses.id,
            current.map((row) => row.id),
          ),
        );
    }
    await tx.insert(declaredAddresses).values({
      personCode: person.personCode,
      addressCode: address.addressCode,
      kind: "DECLARED",
      declaredFrom: input.from,
    });
    await appendChanges(tx, [
      { personCode: person.personCode, dataGroups: ["ADDRESS"], kind: "ADDRESS_DECLARED" },
    ]);
    return person;
  });
}

// ---------------------------------------------------------------------------------------
// 2. Name change.

export interface ChangeNameInput {
  personCode: string;
  givenName: string;
  surname: string;
  reason: "MARRIAGE" | "DIVORCE" | "APPLICATION";
  on: string;
}

/** Records the current name in the name history and registers the new one from `on`. */
export function changeName(db: Database, input: ChangeNameInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const givenName = requireName(input.givenName, "givenName");
    const surname = requireName(input.surname, "surname");
    const person = requirePerson(await lockPersons(tx, [input.personCode]), input.personCode);
    requireAlive(person);
    notInFuture(input.on, "on");
    if (person.givenName === givenName && person.surname === surname) {
      throw invalid(`${code(person.personCode)} is registered as ${givenName} ${surname} already.`);
    }
    await recordEarlierName(tx, person, input.on, input.reason);
    const [updated] = await tx
      .update(persons)
      .set({ givenName, surname })
      .where(eq(persons.personCode, person.personCode))
      .returning();
    await appendChanges(tx, [{ personCode: person.personCode, dataGroups: ["NAME"], kind: "NAME_CHANGED" }]);
    return updated ?? person;
  });
}

// ---------------------------------------------------------------------------------------
// 3–4. Identity documents.

export interface DocumentChangeResult {
  holder: PersonRow;
  document: DocumentRow;
}

export interface IssueDocumentInput {
  personCode: string;
  type: "PASSPORT" | "EID_CARD";
  issuer: string;
  on: string;
}

/**
 * The next free number of a series (`LV`, `LH`, `PA`): one above the highest issued, or the
 * lowest free one once the series has reached 9999999. Callers hold the series' lock.
 */
async function nextDocumentNumber(tx: Transaction, series: string): Promise<string> {
  const [highest] = await tx
    .select({ number: identityDocuments.number })
    .from(identityDocuments)
    .where(sql`${identityDocuments.number} between ${`${series}0000000`} and ${`${series}9999999`}`)
    .orderBy(desc(identityDocuments.number))
    .limit(1);
  const next = highest ? Number(highest.number.slice(2)) + 1 : 0;
  if (Number.isSafeInteger(next) && next <= 9_999_999) return `${series}${String(next).padStart(7, "0")}`;
  const [free] = await rowsOf<{ number: string }>(
    tx,
    sql`select ${series} || lpad(n::text, 7, '0') as number from generate_series(0, 9999999) as n
      where not exists (select 1 from person.identity_documents d where d.number = ${series} || lpad(n::text, 7, '0'))
      limit 1`,
  );
  if (!free) throw new Error(`Document series ${series} has no free number left.`);
  return free.number;
}

/** Issues a document with a new number; the holder's valid one of the same type is replaced. */
export function issueDocument(db: Database, input: IssueDocumentInput): Promise<DocumentChangeResult> {
  return db.transaction(async (tx) => {
    const issuer = requireText(input.issuer, "issuer", "PMLP Rīgas 1. nodaļa");
    const person = requirePerson(await lockPersons(tx, [input.personCode]), input.personCode);
    requireAlive(person);
    notInFuture(input.on, "on");
    notBeforeBirth(person, input.on, "on");
    if (person.citizenshipStatus !== "CITIZEN" && person.citizenshipStatus !== "NON_CITIZEN") {
      throw invalid(
        `${code(person.personCode)} is ${person.citizenshipStatus === "FOREIGNER" ? "a foreigner" : "a stateless person"}; Latvian passports and eID cards are issued to citizens and non-citizens of Latvia.`,
      );
    }
    const series =
      input.type === "EID_CARD" ? "PA" : person.citizenshipStatus === "NON_CITIZEN" ? "LH" : "LV";
    // One issuer of a series at a time, so two new documents never get the same number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rnp.document-number.${series}`}))`);
    const number = await nextDocumentNumber(tx, series);
    await tx
      .update(identityDocuments)
      .set({ status: "INVALID", statusReason: "replaced", statusChangedOn: input.on })
      .where(
        and(
          eq(identityDocuments.personCode, person.personCode),
          eq(identityDocuments.type, input.type),
          eq(identityDocuments.status, "VALID"),
        ),
      );
    const [document] = await tx
      .insert(identityDocuments)
      .values({
        personCode: person.personCode,
        type: input.type,
        number,
        issuer,
        issueDate: input.on,
        // Documents issued before the holder turns 20 are valid 5 years, as the seed has it.
        expiryDate: addYears(input.on, ageOn(person.birthDate, input.on) < 20 ? 5 : 10),
        status: "VALID",
      })
      .returning();
    if (!document) throw new Error("the new document was not inserted");
    await appendChanges(tx, [
      { personCode: person.personCode, dataGroups: ["DOCUMENTS"], kind: "DOCUMENT_ISSUED" },
    ]);
    return { holder: person, document };
  });
}

export interface InvalidateDocumentInput {
  number: string;
  reason: string;
  on: string;
}

/** Declares a valid document invalid from `on`. */
export function invalidateDocument(
  db: Database,
  input: InvalidateDocumentInput,
): Promise<DocumentChangeResult> {
  return db.transaction(async (tx) => {
    const number = input.number.trim().toUpperCase();
    const reason = requireText(input.reason, "reason", "lost");
    const [found] = await tx
      .select({ personCode: identityDocuments.personCode })
      .from(identityDocuments)
      .where(eq(identityDocuments.number, number));
    if (!found) throw notFound(`No identity document has number ${number}.`);
    // The holder first, as every change locks persons before anything else.
    const holder = requirePerson(await lockPersons(tx, [found.personCode]), found.personCode, "holder");
    const [document] = await tx
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.number, number))
      .for("no key update");
    if (!document) throw notFound(`No identity document has number ${number}.`);
    if (document.status !== "VALID") {
      const why = document.statusReason ? ` (${document.statusReason}, ${document.statusChangedOn})` : "";
      throw invalid(
        `Document ${number} is ${document.status.toLowerCase()}${why} already; only a valid document can be invalidated.`,
      );
    }
    notInFuture(input.on, "on");
    if (input.on < document.issueDate) {
      throw invalid(`\`on\` is ${input.on}, before document ${number} was issued (${document.issueDate}).`);
    }
    const [updated] = await tx
      .update(identityDocuments)
      .set({ status: "INVALID", statusReason: reason, statusChangedOn: input.on })
      .where(eq(identityDocuments.id, document.id))
      .returning();
    await appendChanges(tx, [
      { personCode: holder.personCode, dataGroups: ["DOCUMENTS"], kind: "DOCUMENT_INVALIDATED" },
    ]);
    return { holder, document: updated ?? document };
  });
}

// ---------------------------------------------------------------------------------------
// 5–6. Marriage and divorce.

interface MarriageFacts {
  id: number;
  spouseA: string;
  spouseB: string;
  marriedOn: string;
  divorcedOn: string | null;
  spouseADeath: string | null;
  spouseBDeath: string | null;
}

/** Every marriage of the persons, newest first, with each spouse's date of death. */
async function marriagesOf(tx: Transaction, codes: readonly string[]): Promise<MarriageFacts[]> {
  // Canonical codes are 11 digits, safe in an array literal; `= any` lets both indexes serve.
  const list = `{${codes.join(",")}}`;
  const rows = await rowsOf<{
    id: string;
    spouse_a: string;
    spouse_b: string;
    married_on: string;
    divorced_on: string | null;
    a_death: string | null;
    b_death: string | null;
  }>(
    tx,
    sql`select m.id::text, m.spouse_a, m.spouse_b, m.married_on::text, m.divorced_on::text,
        a.death_date::text as a_death, b.death_date::text as b_death
      from person.marriages m
      join person.persons a on a.person_code = m.spouse_a
      join person.persons b on b.person_code = m.spouse_b
      where m.spouse_a = any(${list}::bpchar[]) or m.spouse_b = any(${list}::bpchar[])
      order by m.married_on desc, m.id desc`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    spouseA: row.spouse_a,
    spouseB: row.spouse_b,
    marriedOn: row.married_on,
    divorcedOn: row.divorced_on,
    spouseADeath: row.a_death,
    spouseBDeath: row.b_death,
  }));
}

/** The day a marriage ended (divorce or a spouse's death), or null while it lasts. */
function endOf(marriage: MarriageFacts): string | null {
  const deaths = [marriage.spouseADeath, marriage.spouseBDeath].filter((d): d is string => d !== null).sort();
  return marriage.divorcedOn ?? deaths[0] ?? null;
}

export interface RegisterMarriageInput {
  personCodeA: string;
  personCodeB: string;
  on: string;
  place: string;
  /** B takes A's surname in the form of B's sex. */
  surnameOfA: boolean;
}

/** Registers a marriage of two living, unmarried adults of opposite sex. Returns spouse A. */
export function registerMarriage(db: Database, input: RegisterMarriageInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    if (input.personCodeA === input.personCodeB) {
      throw invalid("`personCodeA` and `personCodeB` are the same person; name two persons.");
    }
    const place = requireText(input.place, "place", "Rīgas pilsētas dzimtsarakstu nodaļa");
    const locked = await lockPersons(tx, [input.personCodeA, input.personCodeB]);
    const a = requirePerson(locked, input.personCodeA);
    const b = requirePerson(locked, input.personCodeB);
    notInFuture(input.on, "on");
    for (const person of [a, b]) {
      requireAlive(person);
      if (ageOn(person.birthDate, input.on) < 18) {
        throw invalid(
          `${code(person.personCode)} (born ${person.birthDate}) is under 18 on ${input.on}; only adults can marry.`,
        );
      }
    }
    if (a.sex === b.sex) {
      throw invalid(
        `${code(a.personCode)} and ${code(b.personCode)} are both ${a.sex.toLowerCase()}; the register records marriages of a man and a woman.`,
      );
    }
    const earlier = await marriagesOf(tx, [a.personCode, b.personCode]);
    for (const person of [a, b]) {
      for (const marriage of earlier.filter(
        (m) => m.spouseA === person.personCode || m.spouseB === person.personCode,
      )) {
        const other = marriage.spouseA === person.personCode ? marriage.spouseB : marriage.spouseA;
        const ended = endOf(marriage);
        if (ended === null) {
          throw invalid(
            `${code(person.personCode)} is married (to ${code(other)} since ${marriage.marriedOn}); register the divorce first.`,
          );
        }
        if (input.on <= ended) {
          throw invalid(
            `The earlier marriage of ${code(person.personCode)} ended on ${ended}; a new marriage must be dated after it.`,
          );
        }
      }
    }
    const changes: ChangeRow[] = [{ personCode: a.personCode, dataGroups: ["FAMILY"], kind: "MARRIAGE" }];
    let renamed = false;
    if (input.surnameOfA) {
      const surname = await surnameFor(tx, a, b.sex);
      if (surname !== b.surname) {
        await recordEarlierName(tx, b, input.on, "MARRIAGE");
        await tx.update(persons).set({ surname }).where(eq(persons.personCode, b.personCode));
        renamed = true;
      }
    }
    changes.push({
      personCode: b.personCode,
      dataGroups: renamed ? ["FAMILY", "NAME"] : ["FAMILY"],
      kind: "MARRIAGE",
    });
    await tx
      .insert(marriages)
      .values({ spouseA: a.personCode, spouseB: b.personCode, marriedOn: input.on, place });
    await appendChanges(tx, changes);
    return a;
  });
}

export interface RegisterDivorceInput {
  personCodeA: string;
  personCodeB: string;
  on: string;
}

/** Registers the divorce of two persons married to each other. Returns spouse A. */
export function registerDivorce(db: Database, input: RegisterDivorceInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    if (input.personCodeA === input.personCodeB) {
      throw invalid("`personCodeA` and `personCodeB` are the same person; name the two spouses.");
    }
    const locked = await lockPersons(tx, [input.personCodeA, input.personCodeB]);
    const a = requirePerson(locked, input.personCodeA);
    const b = requirePerson(locked, input.personCodeB);
    notInFuture(input.on, "on");
    const marriage = (await marriagesOf(tx, [a.personCode])).find(
      (m) =>
        m.divorcedOn === null &&
        ((m.spouseA === a.personCode && m.spouseB === b.personCode) ||
          (m.spouseA === b.personCode && m.spouseB === a.personCode)),
    );
    if (!marriage) {
      throw invalid(`${code(a.personCode)} and ${code(b.personCode)} are not married to each other.`);
    }
    const ended = endOf(marriage);
    if (ended !== null) {
      throw invalid(
        `The marriage of ${code(a.personCode)} and ${code(b.personCode)} ended with a spouse's death on ${ended}; there is nothing to dissolve.`,
      );
    }
    if (input.on <= marriage.marriedOn) {
      throw invalid(
        `\`on\` is ${input.on}; the marriage was registered on ${marriage.marriedOn}, so divorce must be later.`,
      );
    }
    await tx.update(marriages).set({ divorcedOn: input.on }).where(eq(marriages.id, marriage.id));
    await appendChanges(tx, [
      { personCode: a.personCode, dataGroups: ["FAMILY"], kind: "DIVORCE" },
      { personCode: b.personCode, dataGroups: ["FAMILY"], kind: "DIVORCE" },
    ]);
    return a;
  });
}

// ---------------------------------------------------------------------------------------
// 7. Birth.

export interface RegisterBirthInput {
  motherCode: string;
  fatherCode: string | null;
  givenName: string;
  sex: "MALE" | "FEMALE";
  birthDate: string;
  birthPlace: string;
}

const NEW_CODE_FIRST = 3_200_000_000;
const NEW_CODE_LAST = 3_299_999_999;

/**
 * A new-format personal code no one has or had: the first completable ten digits above the
 * highest issued one (codes whose check remainder is 0 or 10 are skipped), or, once the range
 * is used up, the lowest free one. Former codes are old-format codes replaced by new-format
 * ones, so above the highest current code none can be in the way; below it they are checked
 * too (a scan of the persons with former codes). Callers hold the code lock.
 */
async function nextNewPersonCode(tx: Transaction): Promise<string> {
  const [highest] = await tx
    .select({ personCode: persons.personCode })
    .from(persons)
    .where(sql`${persons.personCode} between '32000000000' and '32999999999'`)
    .orderBy(desc(persons.personCode))
    .limit(1);
  const passes = [
    { start: highest ? Number(highest.personCode.slice(0, 10)) + 1 : NEW_CODE_FIRST, formerToo: false },
    { start: NEW_CODE_FIRST, formerToo: true },
  ];
  for (const { start, formerToo } of passes) {
    for (let base = start; base <= NEW_CODE_LAST; base += 100) {
      const candidates: string[] = [];
      for (let ten = base; ten < base + 100 && ten <= NEW_CODE_LAST; ten++) {
        const complete = completePersonCode(String(ten));
        if (complete) candidates.push(complete);
      }
      if (candidates.length === 0) continue;
      const list = JSON.stringify(candidates);
      const taken = await rowsOf<{ person_code: string }>(
        tx,
        formerToo
          ? sql`with candidate as (select jsonb_array_elements_text(${list}::jsonb) as c)
              select c as person_code from candidate
              where exists (select 1 from person.persons p where p.person_code = c::bpchar)
              union
              select former from person.persons p, unnest(p.former_person_codes) as former
              where cardinality(p.former_person_codes) > 0 and former in (select c from candidate)`
          : sql`select c as person_code from jsonb_array_elements_text(${list}::jsonb) as c
              where exists (select 1 from person.persons p where p.person_code = c::bpchar)`,
      );
      const used = new Set(taken.map((row) => row.person_code));
      const free = candidates.find((candidate) => !used.has(candidate));
      if (free) return free;
    }
  }
  throw new Error("No new-format personal code is left.");
}

/**
 * Registers a birth: the child gets a new-format code, the father's surname (the mother's
 * without a father) in the child's form, the mother's citizenship and declared residence,
 * and links to the parents. Returns the child.
 */
export function registerBirth(db: Database, input: RegisterBirthInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const givenName = requireName(input.givenName, "givenName");
    const birthPlace = requireText(input.birthPlace, "birthPlace", "Rīga");
    if (input.fatherCode === input.motherCode) {
      throw invalid("`motherCode` and `fatherCode` are the same person; name two parents.");
    }
    const locked = await lockPersons(
      tx,
      input.fatherCode ? [input.motherCode, input.fatherCode] : [input.motherCode],
    );
    const mother = requirePerson(locked, input.motherCode, "mother");
    const father = input.fatherCode ? requirePerson(locked, input.fatherCode, "father") : null;
    notInFuture(input.birthDate, "birthDate");
    if (mother.sex !== "FEMALE")
      throw invalid(`The mother ${code(mother.personCode)} is registered as male.`);
    requireAlive(mother);
    if (father) {
      if (father.sex !== "MALE")
        throw invalid(`The father ${code(father.personCode)} is registered as female.`);
      // A child may be born up to ten months after the father's death.
      if (father.deathDate && father.deathDate < addDays(input.birthDate, -300)) {
        throw invalid(
          `The father ${code(father.personCode)} died on ${father.deathDate}, more than ten months before the birth; check \`fatherCode\`.`,
        );
      }
    }
    for (const parent of father ? [mother, father] : [mother]) {
      if (ageOn(parent.birthDate, input.birthDate) < 12) {
        throw invalid(
          `${code(parent.personCode)} (born ${parent.birthDate}) cannot be a parent of a child born on ${input.birthDate}; check the personal code and the date.`,
        );
      }
    }
    const surname = father
      ? genderedSurname(father.surname, input.sex)
      : await surnameFor(tx, mother, input.sex);
    const [residence] = await tx
      .select({ addressCode: declaredAddresses.addressCode })
      .from(declaredAddresses)
      .where(
        and(
          eq(declaredAddresses.personCode, mother.personCode),
          eq(declaredAddresses.kind, "DECLARED"),
          isNull(declaredAddresses.declaredTo),
        ),
      )
      .orderBy(desc(declaredAddresses.declaredFrom))
      .limit(1);
    // One birth at a time takes a code, so two births never get the same one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('rnp.person-code.new'))`);
    const personCode = await nextNewPersonCode(tx);
    const [child] = await tx
      .insert(persons)
      .values({
        personCode,
        givenName,
        surname,
        surnameAtBirth: surname,
        sex: input.sex,
        birthDate: input.birthDate,
        birthPlace,
        birthCountry: "LVA",
        citizenshipStatus: mother.citizenshipStatus,
        citizenshipCountry: mother.citizenshipCountry,
        nationality: mother.nationality,
      })
      .returning();
    if (!child) throw new Error("the child was not inserted");
    if (residence) {
      await tx.insert(declaredAddresses).values({
        personCode,
        addressCode: residence.addressCode,
        kind: "DECLARED",
        declaredFrom: input.birthDate,
      });
    }
    await tx
      .insert(parentChild)
      .values([
        { parentCode: mother.personCode, childCode: personCode, role: "MOTHER" as const },
        ...(father
          ? [{ parentCode: father.personCode, childCode: personCode, role: "FATHER" as const }]
          : []),
      ]);
    const childGroups: DataGroup[] = ["PERSON_CODES", "NAME", "BIRTH", "CITIZENSHIP", "FAMILY"];
    if (residence) childGroups.push("ADDRESS");
    await appendChanges(tx, [
      { personCode, dataGroups: childGroups, kind: "BIRTH" },
      { personCode: mother.personCode, dataGroups: ["FAMILY"], kind: "BIRTH" },
      ...(father
        ? [{ personCode: father.personCode, dataGroups: ["FAMILY"] as DataGroup[], kind: "BIRTH" as const }]
        : []),
    ]);
    return child;
  });
}

// ---------------------------------------------------------------------------------------
// 8. Death.

export interface RegisterDeathInput {
  personCode: string;
  on: string;
  place: string;
}

/**
 * Registers a death: valid documents become invalid ("holder died") and current address
 * declarations end that day. A living spouse's family data changes too (now widowed).
 */
export function registerDeath(db: Database, input: RegisterDeathInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const place = requireText(input.place, "place", "Rīga");
    const person = requirePerson(await lockPersons(tx, [input.personCode]), input.personCode);
    requireAlive(person);
    notInFuture(input.on, "on");
    notBeforeBirth(person, input.on, "on");
    const current = await tx
      .select()
      .from(declaredAddresses)
      .where(and(eq(declaredAddresses.personCode, person.personCode), isNull(declaredAddresses.declaredTo)));
    const later = current.find((declaration) => declaration.declaredFrom > input.on);
    if (later) {
      throw invalid(
        `${code(person.personCode)} declared an address from ${later.declaredFrom}, after \`on\` (${input.on}); check the date of death.`,
      );
    }
    const documents = await tx
      .update(identityDocuments)
      .set({ status: "INVALID", statusReason: "holder died", statusChangedOn: input.on })
      .where(and(eq(identityDocuments.personCode, person.personCode), eq(identityDocuments.status, "VALID")))
      .returning({ id: identityDocuments.id });
    if (current.length > 0) {
      await tx
        .update(declaredAddresses)
        .set({ declaredTo: input.on })
        .where(
          inArray(
            declaredAddresses.id,
            current.map((row) => row.id),
          ),
        );
    }
    const [updated] = await tx
      .update(persons)
      .set({ deathDate: input.on, deathPlace: place })
      .where(eq(persons.personCode, person.personCode))
      .returning();
    const [latest] = await marriagesOf(tx, [person.personCode]);
    const groups: DataGroup[] = ["DEATH"];
    if (documents.length > 0) groups.push("DOCUMENTS");
    if (current.length > 0) groups.push("ADDRESS");
    const changes: ChangeRow[] = [{ personCode: person.personCode, dataGroups: groups, kind: "DEATH" }];
    if (latest && latest.divorcedOn === null) {
      const spouseIsA = latest.spouseA !== person.personCode;
      const spouseDeath = spouseIsA ? latest.spouseADeath : latest.spouseBDeath;
      if (spouseDeath === null) {
        changes.push({
          personCode: spouseIsA ? latest.spouseA : latest.spouseB,
          dataGroups: ["FAMILY"],
          kind: "DEATH",
        });
      }
    }
    await appendChanges(tx, changes);
    return updated ?? person;
  });
}

// ---------------------------------------------------------------------------------------
// 9. Renaming a municipality.

export interface RenameMunicipalityInput {
  municipalityCode: string;
  newName: string;
}

export interface MunicipalityRenamedResult {
  municipality: AddressRow;
  previousName: string;
  addressesUpdated: number;
  personsAffected: number;
  lastSeq: number | null;
}

/** How a municipality is written in full addresses: `Siguldas novads` → `Siguldas nov.`, a city as is. */
export function addressFormOf(municipalityName: string): string {
  return municipalityName.endsWith(" novads")
    ? `${municipalityName.slice(0, -" novads".length)} nov.`
    : municipalityName;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Renames a municipality and rewrites the municipality part of every full address in it,
 * then logs one ADDRESS change per person with a current declaration there. Set-based: one
 * UPDATE for the addresses and one INSERT … SELECT for the log, whatever the number of
 * persons.
 */
export function renameMunicipality(
  db: Database,
  input: RenameMunicipalityInput,
): Promise<MunicipalityRenamedResult> {
  return db.transaction(async (tx) => {
    const newName = requireText(input.newName, "newName", "Siguldas novads");
    if (newName.length > 100)
      throw invalid(`\`newName\` has ${newName.length} characters; write at most 100.`);
    if (newName.includes(","))
      throw invalid("`newName` contains a comma, which separates the parts of an address; leave it out.");
    const [municipality] = await tx
      .select()
      .from(addresses)
      .where(eq(addresses.addressCode, input.municipalityCode))
      .for("no key update");
    if (!municipality) {
      throw notFound(`No address has code ${input.municipalityCode} in the State Address Register.`);
    }
    if (municipality.municipalityCode !== municipality.addressCode) {
      throw invalid(
        `Address ${municipality.addressCode} is a ${municipality.kind.toLowerCase()} (${municipality.fullAddress}), not a municipality; pass its municipality's code ${municipality.municipalityCode}.`,
      );
    }
    if (municipality.name === newName)
      throw invalid(`The municipality ${municipality.addressCode} is named ${newName} already.`);
    const pattern = `(^|, )${escapeRegExp(addressFormOf(municipality.name))}(, LV-[0-9]{4})?$`;
    const replacement = `\\1${addressFormOf(newName).replace(/\\/g, "\\\\")}\\2`;
    const updated = await rowsOf<{ n: number }>(
      tx,
      sql`with changed as (
          update person.addresses
          set full_address = regexp_replace(full_address, ${pattern}, ${replacement}),
              name = case when address_code = ${municipality.addressCode} then ${newName} else name end
          where municipality_code = ${municipality.addressCode}
            and (full_address ~ ${pattern} or address_code = ${municipality.addressCode})
          returning 1
        )
        select count(*)::int as n from changed`,
    );
    const appended = await appendChanges(tx, {
      personCodes: sql`select distinct d.person_code
        from person.declared_addresses d
        join person.addresses a on a.address_code = d.address_code
        where a.municipality_code = ${municipality.addressCode} and d.declared_to is null`,
      dataGroups: ["ADDRESS"],
      kind: "MUNICIPALITY_RENAMED",
    });
    return {
      municipality: {
        ...municipality,
        name: newName,
        fullAddress: addressFormOf(newName),
        municipalityName: newName,
      },
      previousName: municipality.name,
      addressesUpdated: updated[0]?.n ?? 0,
      personsAffected: appended.count,
      lastSeq: appended.lastSeq,
    };
  });
}
