import { readAnchorFile } from "@rnp/gateway/auditAnchors";
import { verifyAuditChain } from "@rnp/gateway/auditTrail";
import postgres from "postgres";
import { expect } from "vitest";
import { startTestPlatform, TEST_AUDIT_CHAIN_KEY, type TestPlatform } from "./platform";

/**
 * The platform and a direct database connection shared by the audit test files (one platform
 * per file: vitest loads this module afresh for each file), with the helpers they query and
 * verify the audit through.
 */
let platform: TestPlatform;
let sql: postgres.Sql;

export async function startAuditStack(): Promise<{ platform: TestPlatform; sql: postgres.Sql }> {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  return { platform, sql };
}

export async function stopAuditStack(): Promise<void> {
  await sql?.end();
  await platform?.stop();
}

/** Runs an operation as the test requester (under its grant unless another is given), with its request id. */
export async function run(
  query: string,
  variables: Record<string, unknown>,
  grantNumber = platform.requester.grantNumber,
  extraHeaders: Record<string, string> = {},
) {
  const result = await platform.query<Record<string, unknown>>(query, variables, {
    headers: { ...platform.headersOf({ key: platform.requester.key, grantNumber }), ...extraHeaders },
  });
  return { ...result, requestId: result.extensions?.requestId as string };
}

/** The chain verified with the test key and the anchors the gateway wrote. */
export async function verify(db: postgres.Sql = sql) {
  const anchors = await readAnchorFile(platform.auditAnchorFile!, TEST_AUDIT_CHAIN_KEY);
  if (!anchors.ok) throw new Error(`anchor file broken: ${anchors.problem}`);
  expect(anchors.anchors.length).toBeGreaterThan(0);
  return verifyAuditChain(db, { key: TEST_AUDIT_CHAIN_KEY, anchors: anchors.anchors });
}

/** Disclosures to aim at, also when a file runs alone: one request per person for `n` names. */
export async function discloseNames(n: number): Promise<void> {
  const codes = await sql`select person_code from person.persons order by person_code desc limit ${n}`;
  for (const row of codes) {
    await run("query ($c: String!) { person(personCode: $c) { surname } }", { c: row.person_code });
  }
}

export const ROLLBACK = new Error("rolled back on purpose");
