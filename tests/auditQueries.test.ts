import { syntheticRegistrationNumber } from "@rnp/platform/provision";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discloseNames, run, startAuditStack, stopAuditStack } from "./support/audit";
import { createGrant } from "./support/grants";
import type { TestPlatform } from "./support/platform";

// The audit as the graph shows it: operators filter entries and read statistics, a provider sees
// its own datasets' groups, a data subject who accessed their data; confidential grants hidden.

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ platform, sql } = await startAuditStack());
  // Disclosures to query, also when this file runs alone.
  await discloseNames(3);
});
afterAll(stopAuditStack);

const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

/** Registers an organisation as a data provider of `dataGroups` and returns a PROVIDER key of it. */
async function providerKey(n: number, name: string, dataGroups: string[]) {
  const registrationNumber = syntheticRegistrationNumber(n);
  const [provider] = await sql`
    insert into catalog.providers (code, name, registration_number, description, contact_email)
    values (${`P${n}`}, ${name}, ${registrationNumber}, 'Test provider', 'p@p.lv') returning id`;
  await sql`
    insert into catalog.datasets (code, name, description, provider_id, data_groups)
    values (${`D${n}`}, ${`${name} data`}, 'Test dataset', ${provider!.id}, ${dataGroups})`;
  return issueProviderKey(name, registrationNumber);
}

async function issueProviderKey(name: string, registrationNumber: string) {
  const { createRequester } = await platform.operator<{ createRequester: { id: string } }>(
    'mutation ($r: String!, $n: String!) { createRequester(input: { name: $n, registrationNumber: $r, contactEmail: "d@d.lv" }) { id } }',
    { r: registrationNumber, n: name },
  );
  const { issueApiKey } = await platform.operator<{ issueApiKey: { key: string } }>(
    'mutation ($id: ID!) { issueApiKey(input: { requesterId: $id, role: PROVIDER, label: "audit" }) { key } }',
    { id: createRequester.id },
  );
  return { authorization: `Bearer ${issueApiKey.key}` };
}

describe("audit queries through the graph", () => {
  it("let operators filter entries, and give usage statistics", async () => {
    const [row] = await sql`select person_code from audit.disclosures order by seq limit 1`;
    const code = row!.person_code as string;
    const data = await platform.operator<{
      auditEntries: { nodes: { personCode: string; dataGroups: string[]; requester: { name: string } }[] };
    }>(
      "query ($code: String!) { auditEntries(filter: { personCode: $code }) { nodes { personCode dataGroups requester { name } } } }",
      { code },
    );
    expect(data.auditEntries.nodes.length).toBeGreaterThan(0);
    expect(data.auditEntries.nodes.every((n) => n.personCode === hyphenated(code))).toBe(true);
    expect(data.auditEntries.nodes[0]!.requester.name).toBe("Testa Banka AS");

    const today = new Date().toISOString().slice(0, 10);
    const stats = await platform.operator<{
      usageStatistics: { dataGroup: string; requests: number; persons: number }[];
    }>("query ($d: Date!) { usageStatistics(from: $d, to: $d) { day dataGroup requests persons } }", {
      d: today,
    });
    const name = stats.usageStatistics.find((s) => s.dataGroup === "NAME");
    expect(name!.requests).toBeGreaterThanOrEqual(3);
    expect(name!.persons).toBeGreaterThanOrEqual(3);

    const forbidden = await platform.query("{ auditEntries { nodes { seq } } }");
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("show a provider only disclosures of its own datasets' groups, and none under confidential grants", async () => {
    const [row] = await sql`
      select p.person_code from person.persons p where p.death_date is null
        and exists (select 1 from person.declared_addresses a where a.person_code = p.person_code)
      order by p.person_code desc limit 1`;
    const code = row!.person_code as string;
    const addressProvider = await providerKey(11, "Adrešu Devējs SIA", ["ADDRESS"]);
    const nameOnly = await run("query ($c: String!) { person(personCode: $c) { givenName } }", { c: code });
    const withAddress = await run(
      "query ($c: String!) { person(personCode: $c) { surname declaredAddress { declaredFrom } } }",
      { c: code },
    );
    const confidential = await createGrant(platform, {
      dataGroups: ["NAME", "ADDRESS"],
      confidential: true,
      purpose: "Investigation",
    });
    const hidden = await run(
      "query ($c: String!) { person(personCode: $c) { declaredAddress { declaredFrom } } }",
      { c: code },
      confidential,
    );
    for (const result of [nameOnly, withAddress, hidden]) expect(result.errors).toBeUndefined();

    const entries =
      "query ($c: String!) { auditEntries(filter: { personCode: $c }) { nodes { requestId dataGroups } } }";
    type Entries = { auditEntries: { nodes: { requestId: string; dataGroups: string[] }[] } };
    const asProvider = await platform.query<Entries>(entries, { c: code }, { headers: addressProvider });
    expect(asProvider.errors).toBeUndefined();
    // Rows with ADDRESS, shown with the provider's own group only; not the NAME-only or confidential one.
    const seen = asProvider.data!.auditEntries.nodes;
    expect(seen.map((n) => n.requestId)).toContain(withAddress.requestId);
    expect(seen.map((n) => n.requestId)).not.toContain(nameOnly.requestId);
    expect(seen.map((n) => n.requestId)).not.toContain(hidden.requestId);
    expect(new Set(seen.flatMap((n) => n.dataGroups))).toEqual(new Set(["ADDRESS"]));
    const asOperator = await platform.operator<Entries>(entries, { c: code });
    expect(asOperator.auditEntries.nodes.map((n) => n.requestId)).toEqual(
      expect.arrayContaining([nameOnly.requestId, withAddress.requestId, hidden.requestId]),
    );

    const today = new Date().toISOString().slice(0, 10);
    const statistics =
      "query ($d: Date!) { usageStatistics(from: $d, to: $d) { dataGroup requests persons requester { name } } }";
    type Stats = { usageStatistics: { dataGroup: string; requests: number; requester: { name: string } }[] };
    const providerStats = await platform.query<Stats>(statistics, { d: today }, { headers: addressProvider });
    expect(providerStats.errors).toBeUndefined();
    expect(new Set(providerStats.data!.usageStatistics.map((s) => s.dataGroup))).toEqual(
      new Set(["ADDRESS"]),
    );
    const [counts] = await sql`
      select count(distinct d.request_id) filter (where not g.confidential)::int as open,
             count(distinct d.request_id) filter (where g.confidential)::int as confidential
      from audit.disclosures d join access.grants g on g.id = d.grant_id
      where 'ADDRESS' = any(d.data_groups) and d.at >= ${today}::date`;
    expect(counts!.confidential).toBeGreaterThan(0);
    const reported = providerStats.data!.usageStatistics.reduce((sum, s) => sum + s.requests, 0);
    expect(reported).toBe(counts!.open);

    const notAProvider = await issueProviderKey("Datu Devējs SIA", syntheticRegistrationNumber(12));
    const refused = await platform.query(entries, { c: code }, { headers: notAProvider });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(refused.errors?.[0]?.message).toMatch(/not registered as a data provider/);
  });

  it("show a data subject who accessed their data, without confidential grants", async () => {
    const [row] =
      await sql`select person_code from person.persons where death_date is null order by person_code limit 1`;
    const code = row!.person_code as string;
    const confidential = await createGrant(platform, {
      dataGroups: ["NAME"],
      confidential: true,
      purpose: "Investigation",
    });
    await run("query ($c: String!) { person(personCode: $c) { givenName } }", { c: code });
    await run("query ($c: String!) { person(personCode: $c) { surname } }", { c: code }, confidential);
    const report = await platform.operator<{
      dataSubjectAccessReport: { requesterName: string; purpose: string; dataGroups: string[] }[];
    }>(
      "query ($c: String!) { dataSubjectAccessReport(personCode: $c) { at requesterName purpose dataGroups } }",
      {
        c: code,
      },
    );
    const [counts] = await sql`
      select count(*) filter (where not g.confidential)::int as open, count(*) filter (where g.confidential)::int as hidden
      from audit.disclosures d join access.grants g on g.id = d.grant_id where d.person_code = ${code}`;
    expect(counts!.hidden).toBe(1);
    expect(report.dataSubjectAccessReport).toHaveLength(counts!.open);
    expect(report.dataSubjectAccessReport[0]).toEqual({
      at: expect.any(String),
      requesterName: "Testa Banka AS",
      purpose: "Whole-stack tests",
      dataGroups: ["NAME"],
    });
    expect(report.dataSubjectAccessReport.map((r) => r.purpose)).not.toContain("Investigation");
  });
});
