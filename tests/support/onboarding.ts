import { createHash } from "node:crypto";
import { syntheticRegistrationNumber } from "@rnp/platform/provision";
import type { TestPlatform } from "./platform";

/** An answer of the gateway: the HTTP status and the parsed body. */
export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** POSTs an operation to a gateway with exactly `headers` (none: an anonymous caller). */
export async function call<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Reply<T>["body"] };
}

/** The code and status of a refusal, to compare in one assertion. */
export const refusal = (reply: Reply<unknown>) => ({
  status: reply.status,
  code: reply.body.errors?.[0]?.extensions?.code,
});

export const operatorHeaders = (platform: TestPlatform) => ({
  authorization: `Bearer ${platform.operatorKey}`,
});

/** A complete application of organisation `n` (a valid synthetic registration number). */
export const applicationInput = (n: number, dataGroups = ["NAME", "BIRTH", "ADDRESS"]) => ({
  organisationName: `Lietotne ${n} SIA`,
  registrationNumber: syntheticRegistrationNumber(100 + n),
  contactName: "Jānis Bērziņš",
  contactEmail: `it${n}@lietotne.example.lv`,
  systemName: `Klientu serviss ${n}`,
  systemDescription: "Checks customers' names and birth dates at sign-up.",
  dataGroups,
  legalBasis: "Law on the Prevention of Money Laundering, section 11",
  purpose: "Customer due diligence",
  needsMonitoring: false,
});

export const SUBMIT = `mutation ($input: ApplicationInput!) {
  submitApplication(input: $input) { applicationToken application { number status } } }`;
export const APPROVE = `mutation ($number: String!, $input: ApprovalInput) {
  approveApplication(number: $number, input: $input) { number status approvedDataGroups } }`;
export const CLAIM = `mutation ($token: String!) {
  claimApplicationCredentials(applicationToken: $token) { environment grantNumber apiKey clientId clientSecret } }`;
export const ROTATE = `mutation ($token: String!, $overlap: Int) {
  rotateClientSecret(applicationToken: $token, overlapSeconds: $overlap) { clientId clientSecret previousSecretValidUntil } }`;

export interface Credentials {
  environment: string;
  grantNumber: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
}

/** Submits application `n` anonymously and approves it as the operator; its number and token. */
export async function approvedApplication(
  platform: TestPlatform,
  n: number,
  approval: Record<string, unknown> = {},
): Promise<{ number: string; token: string }> {
  const submitted = await call<{
    submitApplication: { applicationToken: string; application: { number: string } };
  }>(platform.gatewayUrl, SUBMIT, { input: applicationInput(n) });
  const { applicationToken, application } = submitted.body.data!.submitApplication;
  const approved = await call(
    platform.gatewayUrl,
    APPROVE,
    { number: application.number, input: approval },
    operatorHeaders(platform),
  );
  if (approved.body.errors) throw new Error(JSON.stringify(approved.body.errors));
  return { number: application.number, token: applicationToken };
}

export async function claim(platform: TestPlatform, token: string) {
  const reply = await call<{ claimApplicationCredentials: Credentials }>(platform.gatewayUrl, CLAIM, {
    token,
  });
  return { reply, credentials: reply.body.data?.claimApplicationCredentials ?? null };
}

/** Asks the platform's token endpoint; `basic` sends the client by HTTP Basic, else in the form. */
export async function requestToken(
  gatewayUrl: string,
  client: { clientId: string; clientSecret: string },
  options: { basic?: boolean; grantType?: string } = {},
) {
  const form = new URLSearchParams({ grant_type: options.grantType ?? "client_credentials" });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (options.basic === false) {
    form.set("client_id", client.clientId);
    form.set("client_secret", client.clientSecret);
  } else {
    const pair = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
  }
  const response = await fetch(new URL("/oauth/token", gatewayUrl), { method: "POST", headers, body: form });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    },
  };
}

/** A signed acceptance act document and its input. */
export function acceptanceAct(acceptedDataGroups?: string[]) {
  const bytes = Buffer.from("%PDF-1.7\n% acceptance act, signed\n");
  return {
    number: "AA-2026-17",
    date: "2026-11-30",
    signatories: ["Anna Kalniņa (register)", "Pēteris Ozols (applicant)"],
    ...(acceptedDataGroups ? { acceptedDataGroups } : {}),
    document: {
      base64: bytes.toString("base64"),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      mediaType: "application/pdf",
    },
  };
}

export const PERSON_NAME = "query ($c: String!) { person(personCode: $c) { givenName surname } }";

export const REPORT = `mutation ($t: String!) { reportAcceptanceTests(applicationToken: $t, note: "All cases pass") { status } }`;
export const RECORD = `mutation ($n: String!, $input: AcceptanceActInput!) { recordAcceptanceAct(number: $n, input: $input) { status acceptanceAct { number signatureKeyId } } }`;
export const PRODUCTION_GRANT = `mutation ($n: String!, $groups: [DataGroupName!], $waiver: SafelistWaiverInput) {
  issueProductionGrant(number: $n, input: { dataGroups: $groups, validTo: "2099-12-31", safelistWaiver: $waiver }) {
    number environment dataGroups approvedSetsOnly applicationNumber safelistWaiver { reason waivedAt keyId } requester { id name } } }`;
export const CONFIRM = `mutation ($n: String!, $d: OrganisationDecision!, $note: String) {
  confirmOrganisationApplication(number: $n, decision: $d, note: $note) { number status organisationConfirmation { decision keyId note } } }`;

/** Runs an operation as the platform's operator, returning the whole reply (errors included). */
export const asOperator = (platform: TestPlatform, query: string, variables: Record<string, unknown> = {}) =>
  call(platform.gatewayUrl, query, variables, operatorHeaders(platform));

/** Issues a key of `role` to organisation `requesterId` as the operator; returns the key. */
export async function issueKey(
  platform: TestPlatform,
  requesterId: string | number,
  role = "REQUESTER_ADMIN",
) {
  const reply = await asOperator(
    platform,
    'mutation ($r: ID!, $role: Role!) { issueApiKey(input: { requesterId: $r, role: $role, label: "test" }) { key apiKey { id } } }',
    { r: String(requesterId), role },
  );
  if (reply.body.errors) throw new Error(JSON.stringify(reply.body.errors));
  return (reply.body.data as { issueApiKey: { key: string; apiKey: { id: string } } }).issueApiKey;
}

/** Submits application `input` anonymously; its number and token. */
export async function submitted(platform: TestPlatform, input: Record<string, unknown>) {
  const reply = await call<{
    submitApplication: { applicationToken: string; application: { number: string } };
  }>(platform.gatewayUrl, SUBMIT, { input });
  if (reply.body.errors) throw new Error(JSON.stringify(reply.body.errors));
  const { applicationToken, application } = reply.body.data!.submitApplication;
  return { number: application.number, token: applicationToken };
}

/** From approval (already done) to the recorded acceptance act: ACCEPTED on the test platform. */
export async function accept(
  platform: TestPlatform,
  application: { number: string; token: string },
  acceptedDataGroups?: string[],
) {
  const reported = await call(platform.gatewayUrl, REPORT, { t: application.token });
  if (reported.body.errors) throw new Error(JSON.stringify(reported.body.errors));
  const recorded = await asOperator(platform, RECORD, {
    n: application.number,
    input: acceptanceAct(acceptedDataGroups),
  });
  if (recorded.body.errors) throw new Error(JSON.stringify(recorded.body.errors));
  return recorded;
}
