import { parseArgs } from "node:util";
import { genderedSurname } from "@rnp/common";
import { createDatabase, type Database, migrateDatabase } from "@rnp/db";
import { databaseFromEnv } from "@rnp/db/embedded";
import { isRegisterSeeded } from "@rnp/generator";
import { type SQL, sql } from "drizzle-orm";
import {
  ChangeRefused,
  changeName,
  declareAddress,
  invalidateDocument,
  issueDocument,
  registerBirth,
  registerDeath,
  registerDivorce,
  registerMarriage,
  renameMunicipality,
  todayIso,
} from "../repositories/changes/index";

const usage = `Usage: pnpm simulate [--rate N] [--duration S] [--seed S] [--mass CODE [--mass-name NAME]]

Produces a realistic random stream of register changes through the person subgraph's own
change functions (not GraphQL), each one transaction with its rows in the change log:
address declared 50 %, document issued or invalidated 25 %, birth 7 %, name change 5 %,
marriage 5 %, death 5 %, divorce 3 %. Eligible persons are picked with SQL. Prints the
changes per second and the change log's last seq every second.

Changes run one after another, so the same seed on the same register gives the same
changes (dated today). Above the rate the database sustains, it runs as fast as it can.

Database: DATABASE_URL when set, else the embedded PostgreSQL in .data/postgres (as
\`pnpm start\` and \`pnpm seed\` use it). The register must be seeded.

Options:
  --rate N          changes per second (default 20)
  --duration S      seconds to run (default 60)
  --seed S          random seed, 0–4294967295 (default 1)
  --mass CODE       also rename municipality CODE (a 9-digit address code) in one mass
                    change, halfway through the stream (at once with --duration 0), and
                    print how many persons it logged and how long it took
  --mass-name NAME  the new name (default: "X novads" ↔ "X apvienotais novads",
                    "Rīga" ↔ "Rīgas valstspilsēta")
  --help            show this text`;

function fail(message: string, exitCode = 1): never {
  console.error(message);
  process.exit(exitCode);
}

function number(name: string, text: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value) || value > max) {
    fail(`--${name} must be a number from 0 to ${max}; got "${text}".\n\n${usage}`, 2);
  }
  return value;
}

let values: {
  rate?: string;
  duration?: string;
  seed?: string;
  mass?: string;
  "mass-name"?: string;
  help?: boolean;
};
try {
  ({ values } = parseArgs({
    options: {
      rate: { type: "string" },
      duration: { type: "string" },
      seed: { type: "string" },
      mass: { type: "string" },
      "mass-name": { type: "string" },
      help: { type: "boolean" },
    },
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`, 2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const rate = number("rate", values.rate, 20, 10_000);
const duration = number("duration", values.duration, 60, 86_400);
const seed = number("seed", values.seed, 1, 0xffffffff);
if (rate <= 0 && duration > 0) fail(`--rate must be above 0.\n\n${usage}`, 2);
if (values.mass !== undefined && !/^\d{9}$/.test(values.mass)) {
  fail(`--mass must be a municipality's 9-digit address code; got "${values.mass}".`, 2);
}

/** mulberry32: a small, fast, seedable generator; the same seed gives the same stream. */
function createRandom(seedValue: number) {
  let state = seedValue >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => {
      const item = list[Math.floor(next() * list.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
  };
}
type Random = ReturnType<typeof createRandom>;

type Kind = "address" | "document" | "name" | "marriage" | "divorce" | "birth" | "death";
const WEIGHTS: [Kind, number][] = [
  ["address", 50],
  ["document", 25],
  ["name", 5],
  ["marriage", 5],
  ["divorce", 3],
  ["birth", 7],
  ["death", 5],
];

function pickKind(random: Random): Kind {
  let roll = random.next() * 100;
  for (const [kind, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return "address";
}

/** Default new name of a municipality: a reversible, realistic-looking rename. */
function defaultNewName(name: string): string {
  if (name.endsWith(" apvienotais novads")) return name.replace(" apvienotais novads", " novads");
  if (name.endsWith(" novads")) return name.replace(/ novads$/, " apvienotais novads");
  if (name.endsWith(" valstspilsēta")) {
    const genitive = name.slice(0, -" valstspilsēta".length);
    return genitive.endsWith("pils") ? genitive : genitive.slice(0, -1);
  }
  return `${name.endsWith("s") ? name : `${name}s`} valstspilsēta`;
}

async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

/** Lists the generator draws names and places from, read once from the register. */
interface Vocabulary {
  givenNames: { MALE: string[]; FEMALE: string[] };
  maleSurnames: string[];
  issuers: string[];
  places: string[];
  addressRange: [number, number];
}

async function loadVocabulary(db: Database): Promise<Vocabulary> {
  const given = await rows<{ sex: "MALE" | "FEMALE"; given_name: string }>(
    db,
    sql`select distinct sex::text as sex, given_name from person.persons
      where given_name not like '% %' order by sex, given_name`,
  );
  const surnames = await rows<{ surname: string }>(
    db,
    sql`select surname from person.persons where sex = 'MALE' group by surname having count(*) >= 3 order by surname`,
  );
  const issuers = await rows<{ issuer: string }>(
    db,
    sql`select distinct issuer from person.identity_documents order by issuer`,
  );
  const places = await rows<{ name: string }>(
    db,
    sql`select distinct name from person.addresses where kind in ('CITY', 'TOWN') order by name`,
  );
  const [range] = await rows<{ low: string; high: string }>(
    db,
    sql`select min(address_code) as low, max(address_code) as high from person.addresses`,
  );
  return {
    givenNames: {
      MALE: given.filter((row) => row.sex === "MALE").map((row) => row.given_name),
      FEMALE: given.filter((row) => row.sex === "FEMALE").map((row) => row.given_name),
    },
    maleSurnames: surnames.map((row) => row.surname),
    issuers: issuers.map((row) => row.issuer),
    places: places.map((row) => row.name),
    addressRange: [Number(range?.low ?? 0), Number(range?.high ?? 0)],
  };
}

/** A random point in the personal-code key space, to start an index scan from. */
const randomCodeKey = (random: Random) => String(random.int(33_000_000_000)).padStart(11, "0");

/**
 * The first person at or after a random key who meets `where` (a condition on `p`), wrapping
 * around to the start of the key space; null when nobody does. The condition is tested on
 * windows of 200 living persons in code order (an index range), so a correlated condition
 * never turns into a scan of a whole table; a rare one falls back to one full query.
 */
async function pickPerson(
  db: Database,
  random: Random,
  where: SQL,
): Promise<{ person_code: string; sex: "MALE" | "FEMALE"; birth_date: string } | null> {
  type Row = { person_code: string; sex: "MALE" | "FEMALE"; birth_date: string; last_code: string | null };
  let from = randomCodeKey(random);
  for (let window = 0; window < 5; window++) {
    const [row] = await rows<Row>(
      db,
      sql`with w as materialized (
          select p.* from person.persons p where p.person_code >= ${from} and p.death_date is null
          order by p.person_code limit 200
        )
        select p.person_code, p.sex::text as sex, p.birth_date::text as birth_date,
          (select max(person_code) from w) as last_code
        from (select max(person_code) from w) as last(code)
        left join lateral (select * from w p where ${where} order by p.person_code limit 1) as p on true`,
    );
    if (row?.person_code) return row;
    // Past the end of the key space: go on from the start.
    from = row?.last_code ? `${row.last_code}` : "00000000000";
    if (!row?.last_code && window > 0) break;
  }
  for (const start of [randomCodeKey(random), "00000000000"]) {
    const [row] = await rows<Row>(
      db,
      sql`select p.person_code, p.sex::text as sex, p.birth_date::text as birth_date, null as last_code
        from person.persons p
        where p.person_code >= ${start} and p.death_date is null and ${where}
        order by p.person_code limit 1`,
    );
    if (row) return row;
  }
  return null;
}

const unmarried = sql`not exists (
  select 1 from person.marriages m
  join person.persons s on s.person_code = case when m.spouse_a = p.person_code then m.spouse_b else m.spouse_a end
  where p.person_code in (m.spouse_a, m.spouse_b)
    and (m.divorced_on is null and s.death_date is null or coalesce(m.divorced_on, s.death_date) >= current_date))`;

/** A name may change once a day at most: the last change was before yesterday. */
const nameNotChangedLately = sql`not exists (select 1 from person.name_history h
  where h.person_code = p.person_code and h.valid_to >= current_date - 2)`;

/** One random change of the given kind; returns a short description of what it did. */
async function simulateOne(
  db: Database,
  random: Random,
  words: Vocabulary,
  kind: Kind,
): Promise<string | null> {
  const today = todayIso();
  switch (kind) {
    case "address": {
      const person = await pickPerson(
        db,
        random,
        sql`not exists (select 1 from person.declared_addresses d where d.person_code = p.person_code
          and d.kind = 'DECLARED' and d.declared_to is null and d.declared_from >= ${today})`,
      );
      if (!person) return null;
      const [low, high] = words.addressRange;
      const key = String(low + random.int(Math.max(1, high - low + 1))).padStart(9, "0");
      const [address] = await rows<{ address_code: string }>(
        db,
        sql`select address_code from person.addresses where address_code >= ${key} and kind in ('BUILDING', 'FLAT')
          order by address_code limit 1`,
      );
      if (!address) return null;
      await declareAddress(db, {
        personCode: person.person_code,
        addressCode: address.address_code,
        from: today,
      });
      return `address ${person.person_code} → ${address.address_code}`;
    }
    case "document": {
      if (random.chance(0.5)) {
        const person = await pickPerson(db, random, sql`p.citizenship_status in ('CITIZEN', 'NON_CITIZEN')`);
        if (!person) return null;
        const type = random.chance(0.6) ? "EID_CARD" : "PASSPORT";
        const result = await issueDocument(db, {
          personCode: person.person_code,
          type,
          issuer: random.pick(words.issuers),
          on: today,
        });
        return `issued ${result.document.number} to ${person.person_code}`;
      }
      const series = random.pick(["LV", "PA"]);
      const key = `${series}${String(random.int(10_000_000)).padStart(7, "0")}`;
      const [document] = await rows<{ number: string }>(
        db,
        sql`select d.number from person.identity_documents d
          join person.persons p on p.person_code = d.person_code and p.death_date is null
          where d.number >= ${key} and d.number <= ${`${series}9999999`} and d.status = 'VALID'
          order by d.number limit 1`,
      );
      if (!document) return null;
      await invalidateDocument(db, {
        number: document.number,
        reason: random.chance(0.8) ? "lost" : "stolen",
        on: today,
      });
      return `invalidated ${document.number}`;
    }
    case "name": {
      const person = await pickPerson(
        db,
        random,
        sql`p.birth_date < current_date - interval '18 years' and ${nameNotChangedLately}`,
      );
      if (!person) return null;
      const surname = genderedSurname(random.pick(words.maleSurnames), person.sex);
      const [current] = await rows<{ given_name: string }>(
        db,
        sql`select given_name from person.persons where person_code = ${person.person_code}`,
      );
      await changeName(db, {
        personCode: person.person_code,
        givenName: current?.given_name ?? random.pick(words.givenNames[person.sex]),
        surname,
        reason: "APPLICATION",
        on: today,
      });
      return `renamed ${person.person_code} → ${surname}`;
    }
    case "marriage": {
      const man = await pickPerson(
        db,
        random,
        sql`p.sex = 'MALE' and p.birth_date between current_date - interval '60 years' and current_date - interval '20 years'
          and ${unmarried}`,
      );
      if (!man) return null;
      const woman = await pickPerson(
        db,
        random,
        sql`p.sex = 'FEMALE' and p.birth_date between ${man.birth_date}::date - interval '8 years'
            and least(${man.birth_date}::date + interval '8 years', current_date - interval '18 years')
          and ${unmarried} and ${nameNotChangedLately}`,
      );
      if (!woman) return null;
      await registerMarriage(db, {
        personCodeA: man.person_code,
        personCodeB: woman.person_code,
        on: today,
        place: random.pick(words.places),
        surnameOfA: random.chance(0.75),
      });
      return `married ${man.person_code} and ${woman.person_code}`;
    }
    case "divorce": {
      const key = random.int(2_000_000_000);
      for (const from of [key, 0]) {
        const [marriage] = await rows<{ spouse_a: string; spouse_b: string }>(
          db,
          sql`select m.spouse_a, m.spouse_b from person.marriages m
            join person.persons a on a.person_code = m.spouse_a and a.death_date is null
            join person.persons b on b.person_code = m.spouse_b and b.death_date is null
            where m.id >= (select min(id) + ${from} % greatest(max(id) - min(id) + 1, 1) from person.marriages)
              and m.divorced_on is null and m.married_on < current_date
            order by m.id limit 1`,
        );
        if (!marriage) continue;
        await registerDivorce(db, {
          personCodeA: marriage.spouse_a,
          personCodeB: marriage.spouse_b,
          on: today,
        });
        return `divorced ${marriage.spouse_a} and ${marriage.spouse_b}`;
      }
      return null;
    }
    case "birth": {
      const mother = await pickPerson(
        db,
        random,
        sql`p.sex = 'FEMALE' and p.birth_date between current_date - interval '44 years' and current_date - interval '18 years'
          and exists (select 1 from person.declared_addresses d where d.person_code = p.person_code
            and d.kind = 'DECLARED' and d.declared_to is null)`,
      );
      if (!mother) return null;
      const [husband] = await rows<{ code: string }>(
        db,
        sql`select case when m.spouse_a = ${mother.person_code} then m.spouse_b else m.spouse_a end as code
          from person.marriages m
          where ${mother.person_code} in (m.spouse_a, m.spouse_b) and m.divorced_on is null
          order by m.married_on desc limit 1`,
      );
      const sex = random.chance(0.51) ? "MALE" : "FEMALE";
      const child = await registerBirth(db, {
        motherCode: mother.person_code,
        fatherCode: husband?.code ?? null,
        givenName: random.pick(words.givenNames[sex]),
        sex,
        birthDate: today,
        birthPlace: random.pick(words.places),
      });
      return `born ${child.personCode} to ${mother.person_code}`;
    }
    case "death": {
      const old = random.chance(0.8);
      const person = await pickPerson(
        db,
        random,
        old
          ? sql`p.birth_date < current_date - interval '70 years'`
          : sql`p.birth_date < current_date - interval '18 years'`,
      );
      if (!person) return null;
      await registerDeath(db, {
        personCode: person.person_code,
        on: today,
        place: random.pick(words.places),
      });
      return `died ${person.person_code}`;
    }
  }
}

async function lastSeqOf(db: Database): Promise<number> {
  const [row] = await rows<{ value: string | null }>(
    db,
    sql`select (select value from person.change_sequence where id = 1)::text as value`,
  );
  return Number(row?.value ?? 0);
}

const stops: (() => Promise<void>)[] = [];
let exitCode = 0;
let stopping = false;
process.once("SIGINT", () => {
  stopping = true;
});
process.once("SIGTERM", () => {
  stopping = true;
});

try {
  const database = await databaseFromEnv({ log: (line) => console.log(`• ${line}`) });
  stops.push(database.stop);
  const url = database.url;
  await migrateDatabase(url);
  const client = createDatabase(url, { max: 4, applicationName: "rnp-simulate" });
  stops.unshift(client.close);
  if (!(await isRegisterSeeded(client.sql))) {
    throw new Error("the register is empty: run `pnpm seed` (or `pnpm start`) first");
  }
  const db = client.db;
  const random = createRandom(seed);
  const words = await loadVocabulary(db);

  let mass: Promise<void> | null = null;
  const runMass = async (code: string) => {
    const [row] = await rows<{ name: string }>(
      db,
      sql`select name from person.addresses where address_code = ${code}`,
    );
    const newName = values["mass-name"] ?? (row ? defaultNewName(row.name) : "");
    console.log(`• mass change: renaming municipality ${code} (${row?.name ?? "unknown"}) to ${newName}`);
    const started = performance.now();
    try {
      const result = await renameMunicipality(db, { municipalityCode: code, newName });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `• mass change done: ${result.previousName} → ${newName}: ${result.personsAffected.toLocaleString("en-US")} persons logged, ${result.addressesUpdated.toLocaleString("en-US")} addresses rewritten in ${seconds.toFixed(2)} s (last seq ${result.lastSeq ?? "-"})`,
      );
    } catch (error) {
      console.error(`• mass change refused: ${error instanceof Error ? error.message : String(error)}`);
      exitCode = 1;
    }
  };

  if (values.mass && duration === 0) await runMass(values.mass);

  const milliseconds: Record<Kind, number> = {
    address: 0,
    document: 0,
    name: 0,
    marriage: 0,
    divorce: 0,
    birth: 0,
    death: 0,
  };
  const done: Record<Kind, number> = {
    address: 0,
    document: 0,
    name: 0,
    marriage: 0,
    divorce: 0,
    birth: 0,
    death: 0,
  };
  let changes = 0;
  let refused = 0;
  let skipped = 0;
  let failed = 0;
  const started = performance.now();
  const total = Math.round(rate * duration);
  if (duration > 0) {
    console.log(
      `• ${total} changes at ${rate}/s for ${duration} s (seed ${seed}), dated ${todayIso()}; Ctrl-C stops`,
    );
  }
  let lastReport = started;
  let changesAtLastReport = 0;
  const report = async (force = false) => {
    const now = performance.now();
    if (!force && now - lastReport < 1000) return;
    const perSecond = ((changes - changesAtLastReport) * 1000) / Math.max(1, now - lastReport);
    console.log(
      `  ${((now - started) / 1000).toFixed(0).padStart(4)} s  ${String(changes).padStart(6)} changes  ${perSecond.toFixed(1).padStart(6)}/s  refused ${refused}  last seq ${await lastSeqOf(db)}`,
    );
    lastReport = now;
    changesAtLastReport = changes;
  };
  for (let i = 0; i < total && !stopping; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (values.mass && !mass && i >= total / 2) mass = runMass(values.mass);
    const kind = pickKind(random);
    const began = performance.now();
    try {
      const what = await simulateOne(db, random, words, kind);
      if (what === null) skipped++;
      else {
        changes++;
        done[kind]++;
      }
    } catch (error) {
      if (error instanceof ChangeRefused) {
        // A pick raced with an earlier change or met a rule the SQL pick does not check.
        refused++;
        if (refused <= 5) console.log(`  ${kind} refused: ${error.message}`);
      } else {
        failed++;
        console.error(`  ${kind} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    milliseconds[kind] += performance.now() - began;
    await report();
  }
  if (mass) await mass;
  if (duration > 0) {
    await report(true);
    const seconds = (performance.now() - started) / 1000;
    const breakdown = WEIGHTS.map(
      ([kind]) =>
        `${kind} ${done[kind]} (${(milliseconds[kind] / Math.max(1, done[kind])).toFixed(0)} ms each)`,
    ).join(", ");
    console.log(
      `Done: ${changes} changes in ${seconds.toFixed(1)} s (${(changes / Math.max(seconds, 0.001)).toFixed(1)}/s); ${breakdown}; ` +
        `refused ${refused}, nobody eligible ${skipped}, failed ${failed}; last seq ${await lastSeqOf(db)}.`,
    );
  }
  if (failed > 0) exitCode = 1;
} catch (error) {
  console.error(`Simulation failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  for (const stop of stops) await stop().catch(() => {});
}
process.exit(exitCode);
