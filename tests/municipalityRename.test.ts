import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "./support/platform";
import { lastSeq, person, startRegisterStack, stopRegisterStack } from "./support/register";

// Renaming a municipality is set-based: one statement batch, one ADDRESS change-log row per
// current resident.

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ platform, sql } = await startRegisterStack());
});
afterAll(stopRegisterStack);

describe("renameMunicipality", () => {
  it("renames the biggest municipality and logs one ADDRESS row per current resident, set-based", async () => {
    const [biggest] =
      await sql`select a.municipality_code, m.name, count(distinct d.person_code)::int as residents
      from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code
      join person.addresses m on m.address_code = a.municipality_code
      where d.declared_to is null
      group by a.municipality_code, m.name order by residents desc limit 1`;
    const {
      municipality_code: municipalityCode,
      name,
      residents,
    } = biggest as {
      municipality_code: string;
      name: string;
      residents: number;
    };
    const [declared] =
      await sql`select count(distinct d.person_code)::int as n from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code
      where a.municipality_code = ${municipalityCode} and d.declared_to is null and d.kind = 'DECLARED'`;
    expect(residents).toBeGreaterThanOrEqual(declared!.n);
    const [resident] =
      await sql`select d.person_code, d.address_code, a.full_address from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code
      where a.municipality_code = ${municipalityCode} and d.declared_to is null and d.kind = 'DECLARED'
      order by d.person_code limit 1`;
    const newName = `Lielā ${name}`;
    const before = await lastSeq();
    platform.resetStatements();
    const data = await platform.operator<{
      renameMunicipality: {
        municipality: { addressCode: string; municipalityName: string };
        previousName: string;
        personsAffected: number;
        addressesUpdated: number;
      };
    }>(
      `mutation ($code: String!, $name: String!) {
        renameMunicipality(municipalityCode: $code, newName: $name) {
          municipality { addressCode municipalityName } previousName personsAffected addressesUpdated
        }
      }`,
      { code: municipalityCode, name: newName },
    );
    const statements = platform.statements.length;
    expect(data.renameMunicipality).toMatchObject({
      municipality: { addressCode: municipalityCode, municipalityName: newName },
      previousName: name,
      personsAffected: residents,
    });
    expect(data.renameMunicipality.addressesUpdated).toBeGreaterThan(residents / 10);
    // Set-based: a handful of statements, not one per person or address.
    expect(statements).toBeLessThan(15);
    const logged = await sql`select count(*)::int as rows, count(distinct person_code)::int as persons,
        min(seq)::int as first, max(seq)::int as last,
        bool_and(data_groups = '{ADDRESS}' and kind = 'MUNICIPALITY_RENAMED') as all_address
      from person.change_log where seq > ${before}`;
    expect(logged[0]).toEqual({
      rows: residents,
      persons: residents,
      first: before + 1,
      last: before + residents,
      all_address: true,
    });
    const after = await person(
      resident!.person_code,
      "declaredAddress { address { fullAddress municipalityName } }",
    );
    expect(after.declaredAddress?.address.municipalityName).toBe(newName);
    // The municipality part (the last before the postal code) changes, nothing else.
    const form = (n: string) => (n.endsWith(" novads") ? `${n.slice(0, -7)} nov.` : n);
    const parts = (resident!.full_address as string).split(", ");
    const at = parts.lastIndexOf(form(name));
    expect(at).toBeGreaterThan(-1);
    parts[at] = form(newName);
    expect(after.declaredAddress?.address.fullAddress).toBe(parts.join(", "));
  });
});
