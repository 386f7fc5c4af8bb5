import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  asOperator,
  codeOf,
  DECLARE,
  lastSeq,
  logAfter,
  startRegisterStack,
  stopRegisterStack,
  today,
} from "./support/register";

// Concurrent changes get change-log seqs in commit order, so a reader polling the log never
// sees a gap that a later commit fills.

let sql: postgres.Sql;

beforeAll(async () => {
  ({ sql } = await startRegisterStack());
});
afterAll(stopRegisterStack);

const used: string[] = [];

describe("the change log is commit-ordered", () => {
  it("20 concurrent changes get contiguous seqs, and a reader never sees a gap", async () => {
    const before = await lastSeq();
    const codes = (
      await sql`select p.person_code from person.persons p
        join person.declared_addresses d on d.person_code = p.person_code
          and d.kind = 'DECLARED' and d.declared_to is null and d.declared_from < ${today}
        where p.death_date is null and p.birth_date < ${today}::date - interval '1 year'
          and p.person_code <> all(${used}::text[])
        order by p.person_code desc limit 20`
    ).map((row) => row.person_code as string);
    expect(codes).toHaveLength(20);
    used.push(...codes);
    const flats = (
      await sql`select a.address_code from person.addresses a where a.kind = 'FLAT'
        and not exists (select 1 from person.declared_addresses d where d.address_code = a.address_code and d.declared_to is null)
        order by a.address_code desc limit 20`
    ).map((row) => row.address_code as string);
    const notified: string[] = [];
    let allNotified: () => void = () => {};
    const twentyNotified = new Promise<void>((resolve) => {
      allNotified = resolve;
    });
    const listener = await sql.listen("register_changes", (payload) => {
      notified.push(payload);
      if (notified.length === 20) allNotified();
    });
    // A reader polling meanwhile: with seqs handed out in commit order, what it sees is always
    // 1..max with nothing missing.
    let polling = true;
    const observations: { count: number; max: number }[] = [];
    const reader = (async () => {
      while (polling) {
        const [row] =
          await sql`select count(*)::int as count, coalesce(max(seq), 0)::int as max from person.change_log`;
        observations.push(row as { count: number; max: number });
      }
    })();
    const results = await Promise.all(
      codes.map((code, i) => asOperator(DECLARE, { p: code, a: flats[i % flats.length], from: today })),
    );
    polling = false;
    await reader;
    expect(results.map(codeOf)).toEqual(codes.map(() => undefined));
    const seqs = (await sql`select seq::int from person.change_log order by seq`).map(
      (row) => row.seq as number,
    );
    expect(seqs).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
    expect(observations.length).toBeGreaterThan(0);
    for (const seen of observations) expect(seen.count).toBe(seen.max);
    const logged = await logAfter(before);
    expect(logged.map((row) => row.person_code).sort()).toEqual([...codes].sort());
    // NOTIFY register_changes carries the highest seq of each change, delivered on commit.
    await twentyNotified;
    await listener.unlisten();
    expect(notified.map(Number).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => before + i + 1),
    );
  });
});
