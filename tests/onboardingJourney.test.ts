import { promoteApplication } from "@rnp/catalog/promotion";
import { createDatabase, type DatabaseClient } from "@rnp/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APPROVE,
  acceptanceAct,
  applicationInput,
  type Credentials,
  call,
  claim,
  operatorHeaders,
  PERSON_NAME,
  refusal,
  requestToken,
  SUBMIT,
} from "./support/onboarding";
import { startTestPlatform, TEST_ACT_KEYS, type TestPlatform } from "./support/platform";

// The whole journey across two platforms, each with its own database: an application on
// the test platform, approval, test credentials, the acceptance act, promotion to the
// production platform, the PRODUCTION grant and a production request; every step tried
// out of order first, refused with its own code.

let test: TestPlatform;
let production: TestPlatform;
let testDb: DatabaseClient;
let productionDb: DatabaseClient;

beforeAll(async () => {
  [test, production] = await Promise.all([
    startTestPlatform({ environment: "TEST" }),
    startTestPlatform({ environment: "PRODUCTION" }),
  ]);
  testDb = createDatabase(test.databaseUrl, { max: 1 });
  productionDb = createDatabase(production.databaseUrl, { max: 1 });
});
afterAll(async () => {
  await testDb?.close();
  await productionDb?.close();
  await test?.stop();
  await production?.stop();
});

const op = (platform: TestPlatform, query: string, variables: Record<string, unknown>) =>
  call(platform.gatewayUrl, query, variables, operatorHeaders(platform));
const applicant = (platform: TestPlatform, query: string, variables: Record<string, unknown>) =>
  call(platform.gatewayUrl, query, variables);

const REQUEST_CHANGES = `mutation ($n: String!) { requestApplicationChanges(number: $n, reason: "Name the system's operator.") { status reviewNote } }`;
const AMEND = `mutation ($t: String!, $input: ApplicationInput!) { amendApplication(applicationToken: $t, input: $input) { status systemName } }`;
const REPORT = `mutation ($t: String!) { reportAcceptanceTests(applicationToken: $t, note: "All 42 cases pass") { status } }`;
const RECORD = `mutation ($n: String!, $input: AcceptanceActInput!) { recordAcceptanceAct(number: $n, input: $input) { status acceptanceAct { number documentSha256 documentSize acceptedDataGroups } } }`;
const PRODUCTION_GRANT = `mutation ($n: String!, $groups: [DataGroupName!]) { issueProductionGrant(number: $n, input: { dataGroups: $groups, validTo: "2099-12-31" }) { number environment dataGroups dailyQuota } }`;
const MINE = `query ($t: String!) { myApplication(applicationToken: $t) { number status requester { id name } tier { requestsPerMinute personsPerDay } history { action actor environment note } } }`;

describe("onboarding from application to production", () => {
  let number: string;
  let token: string;
  let testCredentials: Credentials;

  it("an organisation applies without a key; on the test platform only", async () => {
    const onProduction = await applicant(production, SUBMIT, { input: applicationInput(1) });
    expect(refusal(onProduction)).toEqual({ status: 409, code: "WRONG_PLATFORM" });
    const invalid = await applicant(test, SUBMIT, {
      input: { ...applicationInput(1), registrationNumber: "40003000001" },
    });
    expect(refusal(invalid).code).toBe("BAD_USER_INPUT");
    expect(invalid.body.errors?.[0]?.message).toContain("registrationNumber");
    const submitted = await applicant(test, SUBMIT, { input: applicationInput(1, ["NAME", "BIRTH"]) });
    const data = submitted.body.data as {
      submitApplication: { applicationToken: string; application: { number: string; status: string } };
    };
    expect(data.submitApplication.application.status).toBe("SUBMITTED");
    number = data.submitApplication.application.number;
    token = data.submitApplication.applicationToken;
    expect(number).toMatch(/^A-\d{4}-\d{4}$/);
  });

  it("refuses every later step before approval", async () => {
    expect(refusal((await claim(test, token)).reply)).toEqual({
      status: 409,
      code: "APPLICATION_NOT_APPROVED",
    });
    expect(refusal(await applicant(test, REPORT, { t: token })).code).toBe("APPLICATION_NOT_APPROVED");
    expect(refusal(await op(test, RECORD, { n: number, input: acceptanceAct() })).code).toBe(
      "APPLICATION_NOT_APPROVED",
    );
    expect(refusal(await op(test, PRODUCTION_GRANT, { n: number })).code).toBe("ACCEPTANCE_REQUIRED");
    const anonymousList = await applicant(test, "{ applications { nodes { number } } }", {});
    expect(refusal(anonymousList)).toEqual({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("the operator asks for changes, the applicant amends, the operator approves", async () => {
    const asked = await op(test, REQUEST_CHANGES, { n: number });
    expect(asked.body.data).toEqual({
      requestApplicationChanges: { status: "CHANGES_REQUESTED", reviewNote: "Name the system's operator." },
    });
    expect(refusal(await op(test, APPROVE, { number })).code).toBe("CHANGES_PENDING");
    const amended = await applicant(test, AMEND, {
      t: token,
      input: {
        ...applicationInput(1, ["NAME", "BIRTH"]),
        systemName: "Klientu serviss (operated by Lietotne 1)",
      },
    });
    expect(amended.body.data).toEqual({
      amendApplication: { status: "SUBMITTED", systemName: "Klientu serviss (operated by Lietotne 1)" },
    });
    const approved = await op(test, APPROVE, { number, input: { dataGroups: ["NAME", "BIRTH"] } });
    expect(approved.body.data).toEqual({
      approveApplication: { number, status: "APPROVED", approvedDataGroups: ["NAME", "BIRTH"] },
    });
    expect(refusal(await op(test, APPROVE, { number })).code).toBe("APPLICATION_ALREADY_DECIDED");
    expect(refusal(await applicant(test, AMEND, { t: token, input: applicationInput(1) })).code).toBe(
      "APPLICATION_NOT_AMENDABLE",
    );
  });

  it("test credentials are issued once and work on the test platform only", async () => {
    const { credentials } = await claim(test, token);
    testCredentials = credentials!;
    expect(testCredentials.environment).toBe("TEST");
    expect(refusal((await claim(test, token)).reply).code).toBe("CREDENTIALS_ALREADY_ISSUED");
    const code = test.samplePersonCodes[0]!;
    const byKey = { authorization: `Bearer ${testCredentials.apiKey}`, grant: testCredentials.grantNumber };
    const answer = await call(test.gatewayUrl, PERSON_NAME, { c: code }, byKey);
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data as { person: { surname: string } }).person.surname).toEqual(expect.any(String));
    const outside = await call(
      test.gatewayUrl,
      "query ($c: String!) { person(personCode: $c) { declaredAddress { address { fullAddress } } } }",
      { c: code },
      byKey,
    );
    expect(refusal(outside)).toEqual({ status: 403, code: "FORBIDDEN" });

    const issued = await requestToken(test.gatewayUrl, testCredentials);
    expect(issued.status).toBe(200);
    const byToken = {
      authorization: `Bearer ${issued.body.access_token}`,
      grant: testCredentials.grantNumber,
    };
    expect((await call(test.gatewayUrl, PERSON_NAME, { c: code }, byToken)).body.errors).toBeUndefined();

    expect(refusal(await call(production.gatewayUrl, PERSON_NAME, { c: code }, byKey))).toEqual({
      status: 401,
      code: "UNAUTHENTICATED",
    });
    expect(refusal(await call(production.gatewayUrl, PERSON_NAME, { c: code }, byToken))).toEqual({
      status: 401,
      code: "UNAUTHENTICATED",
    });
    const elsewhere = await requestToken(production.gatewayUrl, testCredentials);
    expect({ status: elsewhere.status, error: elsewhere.body.error }).toEqual({
      status: 401,
      error: "invalid_client",
    });
  });

  it("the acceptance act is recorded only after the tests are reported, over approved groups", async () => {
    expect(refusal(await op(test, RECORD, { n: number, input: acceptanceAct() })).code).toBe(
      "ACCEPTANCE_NOT_REPORTED",
    );
    expect(refusal(await op(test, PRODUCTION_GRANT, { n: number })).code).toBe("ACCEPTANCE_REQUIRED");
    expect((await applicant(test, REPORT, { t: token })).body.data).toEqual({
      reportAcceptanceTests: { status: "ACCEPTANCE_REPORTED" },
    });
    const tampered = acceptanceAct();
    tampered.document.sha256 = "0".repeat(64);
    expect(refusal(await op(test, RECORD, { n: number, input: tampered })).code).toBe("BAD_USER_INPUT");
    expect(
      refusal(await op(test, RECORD, { n: number, input: acceptanceAct(["NAME", "ADDRESS"]) })).code,
    ).toBe("GROUPS_NOT_ACCEPTED");
    const act = acceptanceAct(["NAME"]);
    const recorded = await op(test, RECORD, { n: number, input: act });
    expect(recorded.body.data).toEqual({
      recordAcceptanceAct: {
        status: "ACCEPTED",
        acceptanceAct: {
          number: act.number,
          documentSha256: act.document.sha256,
          documentSize: Buffer.from(act.document.base64, "base64").length,
          acceptedDataGroups: ["NAME"],
        },
      },
    });
    expect(refusal(await op(test, PRODUCTION_GRANT, { n: number })).code).toBe("WRONG_PLATFORM");
  });

  it("promotion carries the accepted application to production, where the PRODUCTION grant opens it", async () => {
    expect(refusal(await applicant(production, MINE, { t: token })).code).toBe("UNAUTHENTICATED");
    await promoteApplication(testDb.db, productionDb.db, number, TEST_ACT_KEYS.publicKey);
    await expect(
      promoteApplication(testDb.db, productionDb.db, number, TEST_ACT_KEYS.publicKey),
    ).rejects.toThrow("already on the production");
    expect(refusal((await claim(production, token)).reply).code).toBe("PRODUCTION_GRANT_REQUIRED");
    expect(
      refusal(await op(production, PRODUCTION_GRANT, { n: number, groups: ["NAME", "BIRTH"] })).code,
    ).toBe("GROUPS_NOT_ACCEPTED");
    const granted = await op(production, PRODUCTION_GRANT, { n: number });
    expect(granted.body.data).toEqual({
      issueProductionGrant: {
        number: expect.any(String),
        environment: "PRODUCTION",
        dataGroups: ["NAME"],
        dailyQuota: 1000,
      },
    });
    expect(refusal(await op(production, PRODUCTION_GRANT, { n: number })).code).toBe(
      "APPLICATION_ALREADY_DECIDED",
    );

    const { credentials } = await claim(production, token);
    expect(credentials?.environment).toBe("PRODUCTION");
    const code = production.samplePersonCodes[0]!;
    const byKey = { authorization: `Bearer ${credentials!.apiKey}`, grant: credentials!.grantNumber };
    // The PRODUCTION grant is safelisted: a document sent in full is refused, with the key and
    // with a token alike; the organisation submits it as a composite data set instead.
    expect(refusal(await call(production.gatewayUrl, PERSON_NAME, { c: code }, byKey))).toEqual({
      status: 403,
      code: "COMPOSITE_SET_REQUIRED",
    });
    const issued = await requestToken(production.gatewayUrl, credentials!, { basic: false });
    const byToken = { authorization: `Bearer ${issued.body.access_token}`, grant: credentials!.grantNumber };
    expect(refusal(await call(production.gatewayUrl, PERSON_NAME, { c: code }, byToken)).code).toBe(
      "COMPOSITE_SET_REQUIRED",
    );
    const mine = await applicant(production, MINE, { t: token });
    const requesterId = (mine.body.data as { myApplication: { requester: { id: string } } }).myApplication
      .requester.id;
    const admin = await op(
      production,
      'mutation ($r: ID!) { issueApiKey(input: { requesterId: $r, role: REQUESTER_ADMIN, label: "sets" }) { key } }',
      { r: requesterId },
    );
    const adminKey = (admin.body.data as { issueApiKey: { key: string } }).issueApiKey.key;
    const submitted = await call<{
      submitCompositeSet: { version: number; documentId: string; compositeSet: { id: string } };
    }>(
      production.gatewayUrl,
      "mutation ($input: SubmitCompositeSetInput!) { submitCompositeSet(input: $input) { version documentId compositeSet { id } } }",
      {
        input: {
          title: "Names",
          grantNumber: credentials!.grantNumber,
          document: "query Names($c: String!) { person(personCode: $c) { givenName surname } }",
        },
      },
      { authorization: `Bearer ${adminKey}` },
    );
    const version = submitted.body.data!.submitCompositeSet;
    const approval = await op(
      production,
      "mutation ($id: ID!, $v: Int!) { approveCompositeSet(id: $id, version: $v) { status } }",
      { id: version.compositeSet.id, v: version.version },
    );
    expect(approval.body.errors).toBeUndefined();
    const response = await fetch(production.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...byKey },
      body: JSON.stringify({ documentId: version.documentId, variables: { c: code } }),
    });
    const answer = (await response.json()) as { data?: { person: { givenName: string } }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.person.givenName).toEqual(expect.any(String));
    // The test platform's token is still refused here, and the production one there.
    expect(refusal(await call(test.gatewayUrl, PERSON_NAME, { c: code }, byToken)).code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("every step is in the history the applicant reads, with who and where", async () => {
    const mine = await applicant(production, MINE, { t: token });
    const application = (mine.body.data as { myApplication: Record<string, unknown> }).myApplication;
    expect(application).toMatchObject({
      number,
      status: "IN_PRODUCTION",
      requester: { name: "Lietotne 1 SIA" },
      tier: { requestsPerMinute: 60, personsPerDay: 1000 },
    });
    const steps = (application.history as { action: string; actor: string; environment: string }[]).map(
      (step) => `${step.action} ${step.actor.replace(/\d+/, "N")} ${step.environment}`,
    );
    expect(steps).toEqual([
      "SUBMITTED applicant TEST",
      "CHANGES_REQUESTED operator (key N) TEST",
      "AMENDED applicant TEST",
      "APPROVED operator (key N) TEST",
      "CREDENTIALS_ISSUED applicant TEST",
      "ACCEPTANCE_REPORTED applicant TEST",
      "ACCEPTANCE_RECORDED operator (key N) TEST",
      "PROMOTED operator command PRODUCTION",
      "PRODUCTION_GRANTED operator (key N) PRODUCTION",
      "CREDENTIALS_ISSUED applicant PRODUCTION",
    ]);
    const onTest = await applicant(test, MINE, { t: token });
    const testSteps = (onTest.body.data as { myApplication: { history: { action: string }[] } }).myApplication
      .history;
    expect(testSteps.at(-1)?.action).toBe("PROMOTED");
  });
});
