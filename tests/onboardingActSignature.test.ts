import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promoteApplication } from "@rnp/catalog/promotion";
import { createDatabase, type DatabaseClient } from "@rnp/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APPROVE,
  accept,
  applicationInput,
  asOperator,
  call,
  claim,
  PERSON_NAME,
  PRODUCTION_GRANT,
  refusal,
  submitted,
} from "./support/onboarding";
import { startTestPlatform, TEST_ACT_KEYS, type TestPlatform } from "./support/platform";

/**
 * Issue 15: the acceptance act is signed (Ed25519) by the test platform when it is recorded,
 * with a key the test database does not hold, and verified by promotion and by the production
 * platform before a PRODUCTION grant: an act or application edited in either database is
 * refused with ACCEPTANCE_ACT_SIGNATURE_INVALID and nothing is written.
 */

const root = fileURLToPath(new URL("..", import.meta.url));
let test: TestPlatform;
let production: TestPlatform;
let testDb: DatabaseClient;
let productionDb: DatabaseClient;
let folder: string;

beforeAll(async () => {
  [test, production] = await Promise.all([
    startTestPlatform({ environment: "TEST" }),
    startTestPlatform({ environment: "PRODUCTION" }),
  ]);
  testDb = createDatabase(test.databaseUrl, { max: 1 });
  productionDb = createDatabase(production.databaseUrl, { max: 1 });
  folder = mkdtempSync(path.join(tmpdir(), "rnp-act-keys-"));
});
afterAll(async () => {
  await testDb?.close();
  await productionDb?.close();
  await test?.stop();
  await production?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** An application accepted on the test platform, NAME and BIRTH approved, NAME accepted. */
async function accepted(n: number) {
  const application = await submitted(test, applicationInput(n));
  await asOperator(test, APPROVE, { number: application.number, input: { dataGroups: ["NAME", "BIRTH"] } });
  const recorded = await accept(test, application, ["NAME"]);
  return { ...application, recorded };
}

/** `pnpm onboarding:promote` as a child process: its exit code and output. */
function promoteCommand(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const { ACCEPTANCE_ACT_PUBLIC_KEY: _unset, ...inherited } = process.env;
    execFile(
      process.execPath,
      [
        "--import",
        "tsx",
        "subgraphs/catalog/src/cli/promote.ts",
        "--from",
        test.databaseUrl,
        "--to",
        production.databaseUrl,
        ...args,
      ],
      { cwd: root, env: { ...inherited, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const applicationCount = async (number: string) =>
  (await productionDb.sql`select count(*)::int as n from access.applications where number = ${number}`)[0]!
    .n as number;

describe("the acceptance act's signature", () => {
  it("is made when the act is recorded, with the test platform's key", async () => {
    const { recorded } = await accepted(40);
    const keyId = (
      recorded.body.data as { recordAcceptanceAct: { acceptanceAct: { signatureKeyId: string } } }
    ).recordAcceptanceAct.acceptanceAct.signatureKeyId;
    expect(keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("refuses promotion of an act or application edited in the test database, and writes nothing", async () => {
    const application = await accepted(41);
    const edits = [
      // The forged groups that used to reach production.
      [
        "update access.acceptance_acts set accepted_data_groups = '{NAME,ADDRESS}' where application_id = (select id from access.applications where number = $1)",
        "update access.acceptance_acts set accepted_data_groups = '{NAME}' where application_id = (select id from access.applications where number = $1)",
      ],
      [
        "update access.acceptance_acts set document = 'another document'::bytea where application_id = (select id from access.applications where number = $1)",
        "update access.acceptance_acts set document = convert_to(E'%PDF-1.7\\n% acceptance act, signed\\n', 'UTF8') where application_id = (select id from access.applications where number = $1)",
      ],
      [
        "update access.applications set persons_per_day = 1000000 where number = $1",
        "update access.applications set persons_per_day = 1000 where number = $1",
      ],
      ["update access.applications set token_hash = repeat('a', 64) where number = $1", null],
    ] as const;
    const [original] =
      await testDb.sql`select token_hash from access.applications where number = ${application.number}`;
    for (const [edit, undo] of edits) {
      await testDb.sql.unsafe(edit, [application.number]);
      await expect(
        promoteApplication(testDb.db, productionDb.db, application.number, TEST_ACT_KEYS.publicKey),
      ).rejects.toMatchObject({ code: "ACCEPTANCE_ACT_SIGNATURE_INVALID" });
      expect(await applicationCount(application.number)).toBe(0);
      if (undo) await testDb.sql.unsafe(undo, [application.number]);
      else
        await testDb.sql`update access.applications set token_hash = ${original!.token_hash} where number = ${application.number}`;
    }
    // Undone, the act verifies again.
    await expect(
      promoteApplication(testDb.db, productionDb.db, application.number, TEST_ACT_KEYS.publicKey),
    ).resolves.toMatchObject({ number: application.number });
  });

  it("is checked by `pnpm onboarding:promote` with the public key only: a wrong key exits 1, none exits 2", async () => {
    const application = await accepted(42);
    const stranger = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" });
    const privateFile = path.join(folder, "private.pem");
    writeFileSync(privateFile, TEST_ACT_KEYS.privateKey.export({ type: "pkcs8", format: "pem" }));
    // Three refusals at once (each command is a process start): none writes anything.
    const [none, wrong, given] = await Promise.all([
      promoteCommand(["--application", application.number]),
      promoteCommand(["--application", application.number], { ACCEPTANCE_ACT_PUBLIC_KEY: String(stranger) }),
      promoteCommand(["--application", application.number, "--public-key", privateFile]),
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("public key");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("ACCEPTANCE_ACT_SIGNATURE_INVALID");
    expect(given.code).toBe(2);
    expect(given.stderr).toContain("a private key where the public key belongs");
    expect(await applicationCount(application.number)).toBe(0);
    const publicFile = path.join(folder, "public.pem");
    writeFileSync(publicFile, TEST_ACT_KEYS.publicKey.export({ type: "spki", format: "pem" }));
    const right = await promoteCommand(["--application", application.number, "--public-key", publicFile]);
    expect(right).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("is on the production platform"),
    });
    expect(await applicationCount(application.number)).toBe(1);
  }, 180_000);

  it("refuses the PRODUCTION grant of an act edited in the production database, issuing nothing", async () => {
    const application = await accepted(43);
    await promoteApplication(testDb.db, productionDb.db, application.number, TEST_ACT_KEYS.publicKey);
    const grants = async () =>
      (await productionDb.sql`select count(*)::int as n from access.grants`)[0]!.n as number;
    const before = await grants();
    await productionDb.sql`update access.acceptance_acts set accepted_data_groups = '{NAME,BIRTH}'
      where application_id = (select id from access.applications where number = ${application.number})`;
    const refused = await asOperator(production, PRODUCTION_GRANT, {
      n: application.number,
      groups: ["NAME", "BIRTH"],
    });
    expect(refusal(refused)).toEqual({ status: 409, code: "ACCEPTANCE_ACT_SIGNATURE_INVALID" });
    expect(refused.body.errors?.[0]?.message).toContain("does not match its signature");
    expect(await grants()).toBe(before);
    await productionDb.sql`update access.acceptance_acts set accepted_data_groups = '{NAME}'
      where application_id = (select id from access.applications where number = ${application.number})`;

    // Verified, and waived with a reason: the application's key runs documents sent in full.
    const granted = await asOperator(production, PRODUCTION_GRANT, {
      n: application.number,
      waiver: { reason: "Legacy batch interface until its sets are approved" },
    });
    expect(granted.body.data).toMatchObject({
      issueProductionGrant: {
        dataGroups: ["NAME"],
        approvedSetsOnly: false,
        safelistWaiver: { reason: "Legacy batch interface until its sets are approved" },
      },
    });
    const { credentials } = await claim(production, application.token);
    const answer = await call(
      production.gatewayUrl,
      PERSON_NAME,
      { c: production.samplePersonCodes[0] },
      {
        authorization: `Bearer ${credentials!.apiKey}`,
        grant: credentials!.grantNumber,
      },
    );
    expect(answer.body.errors).toBeUndefined();
  });
});
