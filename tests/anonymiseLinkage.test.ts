import {
  type AnonymisationPlan,
  type AnonymiseSummary,
  anonymiseRegister,
  deriveKeys,
  readPlan,
} from "@rnp/anonymise";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";

/**
 * Issue 15: the anonymised register must not link back to the source without the key. An
 * outsider holds the source (the seeded template) and the test register, not the key, and
 * tries the linkages of the finding: by row id, by sequence value, by a row's place on disk,
 * by the kept values of a person and of one document, exact or generalised as published.
 * The key's plan only judges which links are right; the outsider's generalisation is a plan
 * read with another key (the boxes, bands and dictionaries do not depend on the key).
 */

const AS_OF = "2026-12-02";
const K = 5;
const KEY = deriveKeys(Buffer.from("linkage test key: thirty-two bytes or more"));
const OTHER_KEY = deriveKeys(Buffer.from("an outsider's key, thirty-two bytes or more"));

const databases: TestDatabase[] = [];
let source: postgres.Sql;
let output: postgres.Sql;
let truth: AnonymisationPlan;
let published: AnonymisationPlan;
let summary: AnonymiseSummary;

beforeAll(async () => {
  const [from, to] = [await createTestDatabase("seeded"), await createTestDatabase("empty")];
  databases.push(from, to);
  source = postgres(from.url, { max: 2, onnotice: () => {} });
  output = postgres(to.url, { max: 2, onnotice: () => {} });
  await source`insert into person.change_log (seq, person_code, data_groups, kind, changed_at)
    select row_number() over (order by person_code), person_code, '{ADDRESS}', 'ADDRESS_DECLARED', '2026-10-01'::timestamptz + (row_number() over (order by person_code)) * interval '1 hour'
      from (select person_code from person.persons order by person_code limit 60) p`;
  await source`insert into person.change_sequence (id, value) values (1, 60)`;
  summary = await anonymiseRegister({ from: from.url, to: to.url, keys: KEY, asOf: AS_OF, k: K });
  truth = await readPlan(from.url, KEY, AS_OF, K);
  published = await readPlan(from.url, OTHER_KEY, AS_OF, K);
}, 240_000);

afterAll(async () => {
  await source?.end();
  await output?.end();
  for (const database of databases) await database.drop();
});

/** A row an outsider matches: the person(s) it belongs to and the values it is matched on. */
interface Keyed {
  persons: string[];
  key: string;
}

/**
 * Joins output rows to source rows on `key`. `singled`: output rows with exactly one source
 * candidate; `right`: of those, the ones whose candidate is really theirs (judged with the
 * key); `fewest`: the fewest candidates any output row has.
 */
function link(sourceRows: readonly Keyed[], outputRows: readonly Keyed[]) {
  const candidates = new Map<string, Keyed[]>();
  for (const row of sourceRows) {
    const list = candidates.get(row.key);
    if (list) list.push(row);
    else candidates.set(row.key, [row]);
  }
  let singled = 0;
  let right = 0;
  let fewest = Number.POSITIVE_INFINITY;
  for (const row of outputRows) {
    const found = candidates.get(row.key) ?? [];
    fewest = Math.min(fewest, found.length);
    if (found.length !== 1) continue;
    singled++;
    const theirs = (found[0] as Keyed).persons.map((code) => truth.persons.mapCode(code));
    if (theirs.some((code) => row.persons.includes(code))) right++;
  }
  return { singled, right, fewest };
}

const personFacts = (sql: postgres.Sql) =>
  sql<
    {
      personCode: string;
      formerCodes: string[];
      sex: string;
      birthDate: string;
      birthPlace: string;
      birthCountry: string;
      citizenshipStatus: string;
      citizenshipCountry: string | null;
      nationality: string | null;
      deathDate: string | null;
      deathPlace: string | null;
    }[]
  >`select person_code as "personCode", former_person_codes as "formerCodes", sex::text as sex, birth_date::text as "birthDate",
           birth_place as "birthPlace", birth_country as "birthCountry", citizenship_status::text as "citizenshipStatus",
           citizenship_country as "citizenshipCountry", nationality, death_date::text as "deathDate", death_place as "deathPlace"
      from person.persons`;

const documentFacts = (sql: postgres.Sql) =>
  sql<
    {
      id: number;
      personCode: string;
      type: string;
      number: string;
      issuer: string;
      issueDate: string;
      expiryDate: string;
      status: string;
      statusReason: string | null;
      statusChangedOn: string | null;
    }[]
  >`select id::int, person_code as "personCode", type::text, number, issuer, issue_date::text as "issueDate",
           expiry_date::text as "expiryDate", status::text, status_reason as "statusReason", status_changed_on::text as "statusChangedOn"
      from person.identity_documents`;

describe("the anonymised register without the key", () => {
  it("leaves no class of fewer than k persons, documents, marriages or changes, as measured and as an outsider recounts", async () => {
    for (const [table, measure] of Object.entries(summary.k.measured)) {
      expect(measure.k, table).toBeGreaterThanOrEqual(K);
      if (["persons", "documents", "marriages", "changes"].includes(table))
        expect(measure.placed, table).toBe(measure.rows);
    }
    expect(summary.k.measured.persons.rows).toBe(3000);
    expect(summary.k.measured.changes.rows).toBe(60);
    // The outsider's recount with the published boxes: the same class sizes as in the source.
    const boxes = async (rows: { box: number }[]) => {
      const sizes = new Map<number, number>();
      for (const { box } of rows) sizes.set(box, (sizes.get(box) ?? 0) + 1);
      return sizes;
    };
    const persons = async (sql: postgres.Sql) =>
      boxes((await personFacts(sql)).map((facts) => ({ box: published.persons.classify(facts) })));
    const documents = async (sql: postgres.Sql) =>
      boxes((await documentFacts(sql)).map((facts) => ({ box: published.documents.classify(facts) })));
    for (const [before, after] of [
      [await persons(source), await persons(output)],
      [await documents(source), await documents(output)],
    ] as const) {
      expect(after.has(-1)).toBe(false);
      expect(Math.min(...after.values())).toBeGreaterThanOrEqual(K);
      expect(after).toEqual(before);
    }
  });

  it("links nobody by a row id, a sequence value or a row's place on disk", async () => {
    const rowsOf = async (sql: postgres.Sql, table: string, id: string, persons: string) =>
      (await sql.unsafe(
        `select ${id}::text as id, ${persons} as persons from person.${table}`,
      )) as unknown as {
        id: string;
        persons: string[];
      }[];
    for (const [table, id, persons] of [
      ["declared_addresses", "id", "array[person_code]"],
      ["identity_documents", "id", "array[person_code]"],
      ["name_history", "id", "array[person_code]"],
      ["marriages", "id", "array[spouse_a, spouse_b]"],
      ["change_log", "seq", "array[person_code]"],
    ] as const) {
      const [before, after] = [
        await rowsOf(source, table, id, persons),
        await rowsOf(output, table, id, persons),
      ];
      const byId = link(
        before.map((row) => ({ persons: row.persons, key: row.id })),
        after.map((row) => ({ persons: row.persons, key: row.id })),
      );
      expect(byId.singled, table).toBe(after.length);
      expect(byId.right, table).toBe(0);
      if (table === "change_log") continue;
      // The next id tells the number of rows, nothing else.
      const [sequence] = await output.unsafe(
        `select (select last_value from ${(await output.unsafe(`select pg_get_serial_sequence('person.${table}', 'id') as s`))[0]?.s}) as last, (select count(*) from person.${table}) as rows`,
      );
      expect(Number(sequence?.last), table).toBe(Number(sequence?.rows) + 1);
    }
    // Rows lie on disk in the order of their new keys, not the source's.
    const onDisk = async (sql: postgres.Sql) =>
      (await sql<{ code: string }[]>`select person_code as code from person.persons`).map((row) => row.code);
    const [before, after] = [await onDisk(source), await onDisk(output)];
    const samePlace = before.filter((code, i) => truth.persons.mapCode(code) === after[i]).length;
    expect(samePlace).toBeLessThan(before.length / 100);
    // Ids are not an order-preserving function of the source's: no rank correlation.
    const ids = (await documentFacts(source)).map((d) => d.id);
    const images = ids.map((id) => truth.documents.surrogates?.map(id) ?? 0);
    expect(Math.abs(rankCorrelation(ids, images))).toBeLessThan(0.05);
    expect(ids.filter((id, i) => images[i] === id)).toEqual([]);
  });

  it("singles out nobody by a person's kept values, exact or generalised", async () => {
    const [before, after] = [await personFacts(source), await personFacts(output)];
    type Facts = (typeof before)[number];
    const keyed = (rows: Facts[], key: (facts: Facts) => string) =>
      rows.map((facts) => ({ persons: [facts.personCode], key: key(facts) }));
    // The finding's combination: sex, birth year and month, birth place and country,
    // citizenship, nationality, death. The month and the death day are drawn anew: a
    // single candidate is a stranger at least as often as a k-anonymous release allows.
    const finding = (f: Facts) =>
      [
        f.sex,
        f.birthDate.slice(0, 7),
        f.birthPlace,
        f.birthCountry,
        f.citizenshipStatus,
        f.citizenshipCountry,
        f.nationality,
        f.deathDate,
        f.deathPlace,
      ].join("|");
    const exact = link(keyed(before, finding), keyed(after, finding));
    expect(exact.right).toBeLessThanOrEqual(exact.singled / K);
    // The same values at the grain they are published at (years): nobody singled out rightly.
    const yearly = (f: Facts) =>
      [
        f.sex,
        f.birthDate.slice(0, 4),
        f.birthPlace,
        f.birthCountry,
        f.citizenshipStatus,
        f.citizenshipCountry,
        f.nationality,
        f.deathDate?.slice(0, 4),
        f.deathPlace,
      ].join("|");
    expect(link(keyed(before, yearly), keyed(after, yearly)).right).toBe(0);
    // Generalised to the published boxes: at least k candidates for everyone.
    const box = (f: Facts) => String(published.persons.classify(f));
    expect(link(keyed(before, box), keyed(after, box)).fewest).toBeGreaterThanOrEqual(K);
  });

  it("singles out nobody by one document's kept values, nor by a person's box and one of their documents", async () => {
    const [before, after] = [await documentFacts(source), await documentFacts(output)];
    type Facts = (typeof before)[number];
    const keyed = (rows: Facts[], key: (facts: Facts) => string) =>
      rows.map((facts) => ({ persons: [facts.personCode], key: key(facts) }));
    const series = (f: Facts) => f.number.replace(/\d/g, "#");
    const exact = (f: Facts) =>
      [
        f.type,
        series(f),
        f.status,
        f.statusReason,
        f.issuer,
        f.issueDate,
        f.expiryDate,
        f.statusChangedOn,
      ].join("|");
    // Days are drawn anew: a single candidate is a stranger at least as often as k allows.
    const byDays = link(keyed(before, exact), keyed(after, exact));
    expect(byDays.right).toBeLessThanOrEqual(byDays.singled / K);
    const yearly = (f: Facts) =>
      [
        f.type,
        series(f),
        f.status,
        f.statusReason,
        f.issuer,
        f.issueDate.slice(0, 4),
        f.expiryDate.slice(0, 4),
      ].join("|");
    expect(link(keyed(before, yearly), keyed(after, yearly)).right).toBe(0);
    const box = (f: Facts) => String(published.documents.classify(f));
    expect(link(keyed(before, box), keyed(after, box)).fewest).toBeGreaterThanOrEqual(K);
    // A person's box with one of their documents' boxes points at the document's holder,
    // whose values the person received: never at the person.
    const personBox = async (sql: postgres.Sql) =>
      new Map((await personFacts(sql)).map((facts) => [facts.personCode, published.persons.classify(facts)]));
    const [boxesBefore, boxesAfter] = [await personBox(source), await personBox(output)];
    const both = (boxes: Map<string, number>) => (f: Facts) => `${boxes.get(f.personCode)}|${box(f)}`;
    const combined = link(keyed(before, both(boxesBefore)), keyed(after, both(boxesAfter)));
    expect(combined.singled).toBeGreaterThan(0);
    expect(combined.right).toBe(0);
  });
});

/** Spearman's rank correlation of two lists of distinct numbers. */
function rankCorrelation(a: readonly number[], b: readonly number[]): number {
  const ranks = (values: readonly number[]) => {
    const order = values.map((value, i) => [value, i] as const).sort((x, y) => x[0] - y[0]);
    const rank = new Array<number>(values.length);
    order.forEach(([, i], r) => {
      rank[i] = r;
    });
    return rank;
  };
  const [ra, rb] = [ranks(a), ranks(b)];
  const n = a.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ((ra[i] as number) - (rb[i] as number)) ** 2;
  return 1 - (6 * sum) / (n * (n * n - 1));
}
