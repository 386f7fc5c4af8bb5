import postgres from "postgres";
import { expect } from "vitest";
import { type GraphQLResponse, startTestPlatform, type TestPlatform } from "./platform";

/**
 * The platform shared by the composite-set test files (one per file), the test requester's
 * REQUESTER_ADMIN key that submits sets, and helpers that send a set by id in each wire form.
 */
let platform: TestPlatform;
let sql: postgres.Sql;
let adminKey: string;

export async function startCompositeStack() {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  const { issueApiKey } = await platform.operator<{ issueApiKey: { key: string } }>(
    'mutation ($r: ID!) { issueApiKey(input: { requesterId: $r, role: REQUESTER_ADMIN, label: "sets" }) { key } }',
    { r: platform.requester.requesterId },
  );
  adminKey = issueApiKey.key;
  const [row] =
    await sql`select person_code from person.persons where death_date is null order by person_code limit 1`;
  return { platform, sql, adminKey, personCode: row!.person_code as string };
}

export async function stopCompositeStack() {
  await sql?.end();
  await platform?.stop();
}

export const VERSION_FIELDS =
  "compositeSet { id title grant { number } } version documentId document status reason covered fields dataGroups { dataGroup covered }";

export interface Version {
  compositeSet: { id: string; title: string; grant: { number: string } };
  version: number;
  documentId: string;
  document: string;
  status: string;
  reason: string | null;
  covered: boolean;
  fields: string[];
  dataGroups: { dataGroup: string; covered: boolean }[];
}

/** Runs an operation with the requester's REQUESTER_ADMIN key (no grant: the catalog needs none). */
export function asAdmin<T>(query: string, variables: Record<string, unknown> = {}) {
  return platform.query<T>(query, variables, { headers: { authorization: `Bearer ${adminKey}` } });
}

export async function submit(title: string, grantNumber: string, document: string): Promise<Version> {
  const answer = await asAdmin<{ submitCompositeSet: Version }>(
    `mutation ($input: SubmitCompositeSetInput!) { submitCompositeSet(input: $input) { ${VERSION_FIELDS} } }`,
    { input: { title, grantNumber, document } },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.submitCompositeSet;
}

export async function decide(
  mutation: "approveCompositeSet" | "rejectCompositeSet" | "retireCompositeSet",
  version: Pick<Version, "compositeSet" | "version">,
  reason?: string,
): Promise<GraphQLResponse<Record<string, Version>>> {
  const response = await fetch(platform.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${platform.operatorKey}` },
    body: JSON.stringify({
      query: `mutation ($id: ID!, $v: Int!${reason ? ", $reason: String!" : ""}) { ${mutation}(id: $id, version: $v${
        reason ? ", reason: $reason" : ""
      }) { ${VERSION_FIELDS} } }`,
      variables: { id: version.compositeSet.id, v: version.version, ...(reason ? { reason } : {}) },
    }),
  });
  return (await response.json()) as never;
}

export interface Sent {
  status: number;
  body: GraphQLResponse<Record<string, unknown>>;
}

async function sent(response: Response): Promise<Sent> {
  return { status: response.status, body: (await response.json()) as Sent["body"] };
}

/** Headers of the test requester's REQUESTER key, with a grant when given. */
const requesterHeaders = (grant?: string) => ({
  "content-type": "application/json",
  authorization: `Bearer ${platform.requester.key}`,
  ...(grant ? { grant } : {}),
});

/** GraphQL over HTTP's persisted-document form, POST `{ documentId, variables }`. */
export async function postById(documentId: string, variables: Record<string, unknown>, grant?: string) {
  return sent(
    await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: requesterHeaders(grant),
      body: JSON.stringify({ documentId, variables }),
    }),
  );
}

/** The same as GET `?documentId=…&variables=…`. */
export async function getById(documentId: string, variables: Record<string, unknown>, grant?: string) {
  const search = new URLSearchParams({ documentId, variables: JSON.stringify(variables) });
  return sent(await fetch(`${platform.gatewayUrl}?${search}`, { headers: requesterHeaders(grant) }));
}

/** Apollo's persisted-query extension: `extensions.persistedQuery.sha256Hash`, no query. */
export async function postByHash(sha256Hash: string, variables: Record<string, unknown>, grant?: string) {
  return sent(
    await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: requesterHeaders(grant),
      body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    }),
  );
}

/** The document sent in full, as the requester's REQUESTER key. */
export async function postDocument(query: string, variables: Record<string, unknown>, grant?: string) {
  return sent(
    await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: requesterHeaders(grant),
      body: JSON.stringify({ query, variables }),
    }),
  );
}

export const hexOf = (documentId: string) => documentId.replace(/^sha256:/, "");
