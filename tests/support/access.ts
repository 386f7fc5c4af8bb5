import postgres from "postgres";
import { startTestPlatform, type TestPlatform } from "./platform";

/**
 * The platform, a direct database connection and two persons (an adult and a child) shared by
 * the access test files (one platform per file: vitest loads this module afresh for each
 * file), with the helpers they call the gateway through.
 */
let platform: TestPlatform;
let sql: postgres.Sql;

export async function startAccessStack(): Promise<{
  platform: TestPlatform;
  sql: postgres.Sql;
  adult: string;
  minor: string;
}> {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  const [a] = await sql`select person_code from person.persons
    where death_date is null and birth_date < now() - interval '30 years' order by person_code limit 1`;
  const [m] = await sql`select person_code from person.persons
    where death_date is null and birth_date > now() - interval '10 years' order by person_code limit 1`;
  return { platform, sql, adult: a!.person_code, minor: m!.person_code };
}

export async function stopAccessStack(): Promise<void> {
  await sql?.end();
  await platform?.stop();
}

export const PERSON = "query ($code: String!) { person(personCode: $code) { personCode givenName } }";

/** POSTs to the gateway with exactly `headers`; the status and the body. */
export async function raw(
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const response = await fetch(platform.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions: { code: string } }[];
    },
  };
}

/** A new API key of `role` for the test requester (or another), issued by the operator. */
export async function issueKey(role = "REQUESTER", requesterId = platform.requester.requesterId) {
  const { issueApiKey } = await platform.operator<{ issueApiKey: { key: string; apiKey: { id: string } } }>(
    "mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id } } }",
    { input: { requesterId, role, label: `test ${role}` } },
  );
  return issueApiKey;
}
