import { promoteApplication } from "@rnp/catalog/promotion";
import { createDatabase, type DatabaseClient } from "@rnp/db";
import { syntheticRegistrationNumber } from "@rnp/platform/provision";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APPROVE,
  accept,
  applicationInput,
  asOperator,
  CONFIRM,
  call,
  claim,
  issueKey,
  PERSON_NAME,
  PRODUCTION_GRANT,
  refusal,
  submitted,
} from "./support/onboarding";
import { startTestPlatform, TEST_ACT_KEYS, type TestPlatform } from "./support/platform";

/**
 * Issue 15: an applicant cannot take over an organisation already registered by typing its
 * registration number. The application is tied to that organisation, approved only once
 * its REQUESTER_ADMIN confirmed it, shown to the operator beside what was typed, and the
 * applicant is never told whether the number is registered. Promotion to production, where
 * the organisation may exist too, neither reaches it nor skips its confirmation there.
 */

let test: TestPlatform;
let production: TestPlatform;
let testDb: DatabaseClient;
let productionDb: DatabaseClient;
/** The registration number of the organisation both platforms already have ("Testa Banka AS"). */
const TAKEN = syntheticRegistrationNumber(2);

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

const impostor = (n: number) => ({
  ...applicationInput(n),
  organisationName: "Testa Banka AS (new IT)",
  registrationNumber: TAKEN,
});
const OPERATOR_VIEW = `query ($n: String!) { application(number: $n) {
  organisationName registrationNumber requester { id }
  existingOrganisation { id name registrationNumber } organisationConfirmation { decision keyId } } }`;
const APPLICANT_VIEW = `query ($t: String!) { myApplication(applicationToken: $t) {
  status requester { id } existingOrganisation { id } organisationConfirmation { decision } history { action actor } } }`;
const TO_CONFIRM =
  "{ applicationsToConfirm { nodes { number organisationName existingOrganisation { id } } } }";

async function keysOf(db: DatabaseClient, requesterId: string | number) {
  const [row] =
    await db.sql`select count(*)::int as n from access.api_keys where requester_id = ${Number(requesterId)}`;
  return row!.n as number;
}

describe("an application naming a registered organisation", () => {
  it("is answered exactly like any other: the applicant is not told that the number is registered", async () => {
    const query = `mutation ($input: ApplicationInput!) { submitApplication(input: $input) {
      application { status requester { id } existingOrganisation { id } organisationConfirmation { decision } history { action actor } } } }`;
    const taken = await call(test.gatewayUrl, query, { input: impostor(1) });
    const fresh = await call(test.gatewayUrl, query, { input: applicationInput(2) });
    expect(taken.status).toBe(200);
    expect(taken.body.data).toEqual(fresh.body.data);
    expect(taken.body.data).toEqual({
      submitApplication: {
        application: {
          status: "SUBMITTED",
          requester: null,
          existingOrganisation: null,
          organisationConfirmation: null,
          history: [{ action: "SUBMITTED", actor: "applicant" }],
        },
      },
    });
  });

  it("is shown to the operator beside the existing organisation, and its approval is refused until that organisation confirms", async () => {
    const application = await submitted(test, impostor(3));
    const view = await asOperator(test, OPERATOR_VIEW, { n: application.number });
    expect(view.body.data).toEqual({
      application: {
        organisationName: "Testa Banka AS (new IT)",
        registrationNumber: TAKEN,
        requester: null,
        existingOrganisation: {
          id: String(test.requester.requesterId),
          name: "Testa Banka AS",
          registrationNumber: TAKEN,
        },
        organisationConfirmation: null,
      },
    });
    const keysBefore = await keysOf(testDb, test.requester.requesterId);
    const approval = await asOperator(test, APPROVE, { number: application.number });
    expect(refusal(approval)).toEqual({ status: 409, code: "ORGANISATION_CONFIRMATION_REQUIRED" });
    expect(approval.body.errors?.[0]?.message).toContain("confirmOrganisationApplication");
    expect(refusal((await claim(test, application.token)).reply).code).toBe("APPLICATION_NOT_APPROVED");
    expect(await keysOf(testDb, test.requester.requesterId)).toBe(keysBefore);
    const mine = await call(test.gatewayUrl, APPLICANT_VIEW, { t: application.token });
    expect(mine.body.data).toMatchObject({
      myApplication: { status: "SUBMITTED", requester: null, existingOrganisation: null },
    });
  });

  it("is confirmed only by that organisation's REQUESTER_ADMIN, never by the operator or another organisation", async () => {
    const application = await submitted(test, impostor(4));
    const byOperator = await asOperator(test, CONFIRM, { n: application.number, d: "CONFIRMED" });
    expect(refusal(byOperator).code).toBe("NOT_FOUND");
    const other = await asOperator(
      test,
      'mutation ($r: String!) { createRequester(input: { name: "Cita SIA", registrationNumber: $r, contactEmail: "it@cita.example.lv" }) { id } }',
      { r: syntheticRegistrationNumber(60) },
    );
    const otherAdmin = await issueKey(
      test,
      (other.body.data as { createRequester: { id: string } }).createRequester.id,
    );
    const byOther = await call(
      test.gatewayUrl,
      CONFIRM,
      { n: application.number, d: "CONFIRMED" },
      {
        authorization: `Bearer ${otherAdmin.key}`,
      },
    );
    expect(refusal(byOther).code).toBe("NOT_FOUND");
    expect(
      (
        await call(
          test.gatewayUrl,
          "{ applicationsToConfirm { nodes { number } } }",
          {},
          {
            authorization: `Bearer ${otherAdmin.key}`,
          },
        )
      ).body.data,
    ).toEqual({ applicationsToConfirm: { nodes: [] } });
    const byRequesterKey = await call(
      test.gatewayUrl,
      CONFIRM,
      { n: application.number, d: "CONFIRMED" },
      {
        authorization: `Bearer ${test.requester.key}`,
      },
    );
    expect(refusal(byRequesterKey).code).toBe("FORBIDDEN");
  });

  it("is refused for good once the organisation declines it, and the applicant's history does not say why", async () => {
    const application = await submitted(test, impostor(5));
    const admin = await issueKey(test, test.requester.requesterId);
    const headers = { authorization: `Bearer ${admin.key}` };
    const listed = await call(test.gatewayUrl, TO_CONFIRM, {}, headers);
    expect(
      (
        listed.body.data as { applicationsToConfirm: { nodes: { number: string }[] } }
      ).applicationsToConfirm.nodes.map((node) => node.number),
    ).toContain(application.number);
    const declined = await call(
      test.gatewayUrl,
      CONFIRM,
      { n: application.number, d: "DECLINED", note: "Not ours" },
      headers,
    );
    expect(declined.body.data).toMatchObject({
      confirmOrganisationApplication: {
        organisationConfirmation: { decision: "DECLINED", keyId: admin.apiKey.id },
      },
    });
    expect(refusal(await asOperator(test, APPROVE, { number: application.number }))).toEqual({
      status: 409,
      code: "ORGANISATION_DECLINED",
    });
    expect(
      refusal(await call(test.gatewayUrl, CONFIRM, { n: application.number, d: "CONFIRMED" }, headers)).code,
    ).toBe("APPLICATION_ALREADY_DECIDED");
    const mine = await call(test.gatewayUrl, APPLICANT_VIEW, { t: application.token });
    expect(mine.body.data).toMatchObject({
      myApplication: {
        existingOrganisation: null,
        organisationConfirmation: null,
        history: [{ action: "SUBMITTED" }],
      },
    });
  });

  it("once confirmed, is approved as the organisation's; an amendment before approval asks again", async () => {
    const application = await submitted(test, impostor(6));
    const admin = await issueKey(test, test.requester.requesterId);
    const headers = { authorization: `Bearer ${admin.key}` };
    await call(test.gatewayUrl, CONFIRM, { n: application.number, d: "CONFIRMED" }, headers);
    const amended = await call(
      test.gatewayUrl,
      "mutation ($t: String!, $input: ApplicationInput!) { amendApplication(applicationToken: $t, input: $input) { status } }",
      {
        t: application.token,
        input: { ...impostor(6), dataGroups: ["NAME", "BIRTH", "ADDRESS", "DOCUMENTS"] },
      },
    );
    expect(amended.body.errors).toBeUndefined();
    expect(refusal(await asOperator(test, APPROVE, { number: application.number })).code).toBe(
      "ORGANISATION_CONFIRMATION_REQUIRED",
    );
    await call(test.gatewayUrl, CONFIRM, { n: application.number, d: "CONFIRMED" }, headers);
    const approved = await asOperator(test, APPROVE, {
      number: application.number,
      input: { dataGroups: ["NAME"] },
    });
    expect(approved.body.errors).toBeUndefined();
    const view = await asOperator(test, OPERATOR_VIEW, { n: application.number });
    expect(view.body.data).toMatchObject({
      application: { requester: { id: String(test.requester.requesterId) } },
    });
    const mine = await call(test.gatewayUrl, APPLICANT_VIEW, { t: application.token });
    expect(
      (mine.body.data as { myApplication: { history: { action: string }[] } }).myApplication.history.map(
        (e) => e.action,
      ),
    ).toEqual(["SUBMITTED", "ORGANISATION_CONFIRMED", "AMENDED", "ORGANISATION_CONFIRMED", "APPROVED"]);
    // Its key reaches its own grant only, never the organisation's other grants.
    const { credentials } = await claim(test, application.token);
    const code = test.samplePersonCodes[0]!;
    const own = await call(
      test.gatewayUrl,
      PERSON_NAME,
      { c: code },
      {
        authorization: `Bearer ${credentials!.apiKey}`,
        grant: credentials!.grantNumber,
      },
    );
    expect(own.body.errors).toBeUndefined();
    const organisations = await call(
      test.gatewayUrl,
      PERSON_NAME,
      { c: code },
      {
        authorization: `Bearer ${credentials!.apiKey}`,
        grant: test.requester.grantNumber,
      },
    );
    expect(refusal(organisations)).toEqual({ status: 403, code: "FORBIDDEN" });
  });

  it("is tied to an organisation registered after it was submitted", async () => {
    const input = applicationInput(7);
    const application = await submitted(test, input);
    const created = await asOperator(
      test,
      'mutation ($r: String!) { createRequester(input: { name: "Lietotne 7 (registered by the operator)", registrationNumber: $r, contactEmail: "it@l7.example.lv" }) { id } }',
      { r: input.registrationNumber },
    );
    const organisationId = (created.body.data as { createRequester: { id: string } }).createRequester.id;
    expect(refusal(await asOperator(test, APPROVE, { number: application.number })).code).toBe(
      "ORGANISATION_CONFIRMATION_REQUIRED",
    );
    const view = await asOperator(test, OPERATOR_VIEW, { n: application.number });
    expect(view.body.data).toMatchObject({ application: { existingOrganisation: { id: organisationId } } });
  });
});

describe("promotion to a production platform where the organisation is registered", () => {
  it("leaves the application unattached until the production organisation confirms it there", async () => {
    // Confirmed and accepted on the test platform.
    const application = await submitted(test, impostor(8));
    const testAdmin = await issueKey(test, test.requester.requesterId);
    await call(
      test.gatewayUrl,
      CONFIRM,
      { n: application.number, d: "CONFIRMED" },
      {
        authorization: `Bearer ${testAdmin.key}`,
      },
    );
    await asOperator(test, APPROVE, { number: application.number, input: { dataGroups: ["NAME"] } });
    await accept(test, application);

    const productionKeys = await keysOf(productionDb, production.requester.requesterId);
    const promoted = await promoteApplication(
      testDb.db,
      productionDb.db,
      application.number,
      TEST_ACT_KEYS.publicKey,
    );
    expect(promoted).toEqual({
      number: application.number,
      requesterId: null,
      awaitingOrganisation: Number(production.requester.requesterId),
    });
    const view = await asOperator(production, OPERATOR_VIEW, { n: application.number });
    expect(view.body.data).toMatchObject({
      application: {
        requester: null,
        existingOrganisation: { id: String(production.requester.requesterId) },
        organisationConfirmation: null,
      },
    });
    // The test platform's confirmation does not count here: production's organisation decides.
    const early = await asOperator(production, PRODUCTION_GRANT, { n: application.number });
    expect(refusal(early)).toEqual({ status: 409, code: "ORGANISATION_CONFIRMATION_REQUIRED" });
    expect(refusal((await claim(production, application.token)).reply).code).toBe(
      "PRODUCTION_GRANT_REQUIRED",
    );
    expect(await keysOf(productionDb, production.requester.requesterId)).toBe(productionKeys);

    const productionAdmin = await issueKey(production, production.requester.requesterId);
    const confirmed = await call(
      production.gatewayUrl,
      CONFIRM,
      { n: application.number, d: "CONFIRMED" },
      {
        authorization: `Bearer ${productionAdmin.key}`,
      },
    );
    expect(confirmed.body.errors).toBeUndefined();
    const granted = await asOperator(production, PRODUCTION_GRANT, { n: application.number });
    expect(granted.body.data).toMatchObject({
      issueProductionGrant: {
        environment: "PRODUCTION",
        applicationNumber: application.number,
        approvedSetsOnly: true,
        requester: { id: String(production.requester.requesterId) },
      },
    });
  });

  it("refuses an application whose test database row was edited to another organisation's registration number", async () => {
    const application = await submitted(test, applicationInput(9));
    await asOperator(test, APPROVE, { number: application.number, input: { dataGroups: ["NAME"] } });
    await accept(test, application);
    // An edit at the SQL prompt of the test database: point the accepted application at the bank.
    await testDb.sql`update access.applications set registration_number = ${TAKEN} where number = ${application.number}`;
    await expect(
      promoteApplication(testDb.db, productionDb.db, application.number, TEST_ACT_KEYS.publicKey),
    ).rejects.toMatchObject({ code: "ACCEPTANCE_ACT_SIGNATURE_INVALID" });
    const [row] =
      await productionDb.sql`select count(*)::int as n from access.applications where number = ${application.number}`;
    expect(row!.n).toBe(0);
  });
});
