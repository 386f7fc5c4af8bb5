import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { day } from "./support/grants";
import { asOperator, call, PERSON_NAME, refusal } from "./support/onboarding";
import { startTestPlatform, type TestPlatform } from "./support/platform";

/**
 * Issue 15: every PRODUCTION grant runs only approved composite data sets unless an operator
 * waives that explicitly, with a reason, recorded (who, when, why) and shown in the grant;
 * the column has no permissive default and the table refuses a PRODUCTION grant that is
 * neither safelisted nor waived, whatever writes it.
 */

let platform: TestPlatform;
let sql: postgres.Sql;
let operatorKeyId: string;

beforeAll(async () => {
  platform = await startTestPlatform({ environment: "PRODUCTION" });
  sql = postgres(platform.databaseUrl, { max: 1, onnotice: () => {} });
  const me = await asOperator(platform, "{ me { keyId } }");
  operatorKeyId = (me.body.data as { me: { keyId: string } }).me.keyId;
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

const GRANT_FIELDS = "number environment approvedSetsOnly safelistWaiver { reason waivedAt keyId }";
const CREATE = `mutation ($input: CreateGrantInput!) { createGrant(input: $input) { ${GRANT_FIELDS} } }`;
const UPDATE = `mutation ($n: String!, $input: UpdateGrantInput!) { updateGrant(number: $n, input: $input) { ${GRANT_FIELDS} } }`;

const grantInput = (environment: "TEST" | "PRODUCTION", extra: Record<string, unknown> = {}) => ({
  requesterId: platform.requester.requesterId,
  dataGroups: ["NAME"],
  legalBasis: "Contract 17",
  purpose: "Safelist",
  validFrom: day(-1),
  validTo: day(30),
  environment,
  ...extra,
});

interface GrantView {
  number: string;
  environment: string;
  approvedSetsOnly: boolean;
  safelistWaiver: { reason: string; waivedAt: string; keyId: string } | null;
}

async function create(environment: "TEST" | "PRODUCTION", extra: Record<string, unknown> = {}) {
  const reply = await asOperator(platform, CREATE, { input: grantInput(environment, extra) });
  return { reply, grant: (reply.body.data as { createGrant: GrantView } | null)?.createGrant };
}

describe("a PRODUCTION grant is safelisted unless an operator waives it, with a reason", () => {
  it("safelists a PRODUCTION grant by default and refuses `approvedSetsOnly: false` without a waiver", async () => {
    const { grant } = await create("PRODUCTION");
    expect(grant).toMatchObject({ approvedSetsOnly: true, safelistWaiver: null });
    const refused = await create("PRODUCTION", { approvedSetsOnly: false });
    expect(refusal(refused.reply).code).toBe("BAD_USER_INPUT");
    expect(refused.reply.body.errors?.[0]?.message).toContain("safelistWaiver");
    const ad = await call(
      platform.gatewayUrl,
      PERSON_NAME,
      { c: platform.samplePersonCodes[0] },
      {
        authorization: `Bearer ${platform.requester.key}`,
        grant: grant!.number,
      },
    );
    expect(refusal(ad)).toEqual({ status: 403, code: "COMPOSITE_SET_REQUIRED" });
  });

  it("records who waived it, when and why, and the grant then runs documents sent in full", async () => {
    const before = Date.now();
    const { grant } = await create("PRODUCTION", {
      safelistWaiver: { reason: "  Batch reconciliation tool, ticket 42  " },
    });
    expect(grant).toMatchObject({
      approvedSetsOnly: false,
      safelistWaiver: { reason: "Batch reconciliation tool, ticket 42", keyId: operatorKeyId },
    });
    expect(Date.parse(grant!.safelistWaiver!.waivedAt)).toBeGreaterThanOrEqual(before - 1000);
    const answer = await call(
      platform.gatewayUrl,
      PERSON_NAME,
      { c: platform.samplePersonCodes[0] },
      {
        authorization: `Bearer ${platform.requester.key}`,
        grant: grant!.number,
      },
    );
    expect(answer.body.errors).toBeUndefined();
    // Ended by `approvedSetsOnly: true`; `false` again needs a new waiver.
    const ended = await asOperator(platform, UPDATE, { n: grant!.number, input: { approvedSetsOnly: true } });
    expect(ended.body.data).toMatchObject({ updateGrant: { approvedSetsOnly: true, safelistWaiver: null } });
    const again = await asOperator(platform, UPDATE, {
      n: grant!.number,
      input: { approvedSetsOnly: false },
    });
    expect(refusal(again).code).toBe("BAD_USER_INPUT");
  });

  it("refuses a waiver without a reason, on a TEST grant, or beside `approvedSetsOnly: true`", async () => {
    for (const extra of [
      { safelistWaiver: { reason: "   " } },
      { safelistWaiver: { reason: "x" }, approvedSetsOnly: true },
    ]) {
      expect(refusal((await create("PRODUCTION", extra)).reply).code).toBe("BAD_USER_INPUT");
    }
    expect(refusal((await create("TEST", { safelistWaiver: { reason: "x" } })).reply).code).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("safelists a TEST grant moved to PRODUCTION", async () => {
    const { grant } = await create("TEST");
    expect(grant).toMatchObject({ approvedSetsOnly: false, safelistWaiver: null });
    const moved = await asOperator(platform, UPDATE, {
      n: grant!.number,
      input: { environment: "PRODUCTION" },
    });
    expect(moved.body.data).toMatchObject({
      updateGrant: { environment: "PRODUCTION", approvedSetsOnly: true },
    });
  });

  it("shows the start's demo grant on a PRODUCTION platform with its recorded waiver", async () => {
    const answer = await asOperator(
      platform,
      "{ requesters(first: 100) { nodes { grants { number safelistWaiver { reason } } } } }",
      {
        n: platform.requester.grantNumber,
      },
    );
    const grants = (
      answer.body.data as {
        requesters: { nodes: { grants: { number: string; safelistWaiver: { reason: string } | null }[] }[] };
      }
    ).requesters.nodes.flatMap((n) => n.grants);
    expect(grants.find((g) => g.number === platform.requester.grantNumber)?.safelistWaiver?.reason).toMatch(
      /development platform/,
    );
  });

  it("is held by the table: no default for the column, and no PRODUCTION grant neither safelisted nor waived", async () => {
    const [requester] =
      await sql`select requester_id from access.grants where number = ${platform.requester.grantNumber}`;
    const insert = (columns: string) =>
      sql.unsafe(
        `insert into access.grants (number, requester_id, data_groups, legal_basis, purpose, valid_from, valid_to, environment${columns ? `, ${columns.split("=")[0]}` : ""})
         values ('G-sql-' || gen_random_uuid(), $1, '{NAME}', 'x', 'x', current_date, current_date, 'PRODUCTION'${columns ? `, ${columns.split("=")[1]}` : ""})`,
        [requester!.requester_id],
      );
    await expect(insert("")).rejects.toThrow(/approved_sets_only/);
    await expect(insert("approved_sets_only=false")).rejects.toThrow(/grants_production_safelisted/);
    await expect(insert("approved_sets_only=true")).resolves.toBeDefined();
  });
});
