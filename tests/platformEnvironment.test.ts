import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { TEST_AUDIT_CHAIN_KEY } from "./support/platform";

const root = fileURLToPath(new URL("..", import.meta.url));
let database: TestDatabase;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase("seeded");
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await database?.drop();
});

/** `pnpm start` as its own process; resolves with what it printed once it says it is up (or exited). */
function startCommand(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "platform/src/cli/start.ts", "--persons", "0"], {
    cwd: root,
    env: { ...process.env, PORT: "0", AUDIT_CHAIN_KEY: TEST_AUDIT_CHAIN_KEY, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  const up = new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Stop with Ctrl+C")) resolve(output);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", () => resolve(output));
  });
  return { child, up };
}

function printed(output: string, label: string): string {
  const match = new RegExp(`${label}\\s+(\\S+)`).exec(output);
  if (!match?.[1]) throw new Error(`"${label}" not printed:\n${output}`);
  return match[1].replace("//localhost:", "//127.0.0.1:");
}

describe("pnpm start and PLATFORM_ENVIRONMENT", () => {
  it("refuses an unknown environment with a sentence and exit code 2", async () => {
    const { child, up } = startCommand({ PLATFORM_ENVIRONMENT: "STAGING", DATABASE_URL: database.url });
    const output = await up;
    if (child.exitCode === null) await once(child, "exit");
    expect(child.exitCode).toBe(2);
    expect(output).toContain('PLATFORM_ENVIRONMENT must be TEST or PRODUCTION; got "STAGING"');
  });

  it("refuses a PRODUCTION start without the portal's national OpenID provider, naming its settings", async () => {
    const { child, up } = startCommand({ PLATFORM_ENVIRONMENT: "PRODUCTION", DATABASE_URL: database.url });
    const output = await up;
    if (child.exitCode === null) await once(child, "exit");
    expect(child.exitCode).toBe(2);
    expect(output).toContain("set PORTAL_OIDC_ISSUER, PORTAL_OIDC_CLIENT_ID, PORTAL_OIDC_CLIENT_SECRET");
  });

  it("serves PRODUCTION: a TEST grant is refused, the demo requester's PRODUCTION grant reads data", async () => {
    // The provider is asked only at a person's sign-in, which this test does not make.
    const { child, up } = startCommand({
      PLATFORM_ENVIRONMENT: "PRODUCTION",
      DATABASE_URL: database.url,
      PORTAL_OIDC_ISSUER: "https://eid.example.lv",
      PORTAL_OIDC_CLIENT_ID: "register-portal",
      PORTAL_OIDC_CLIENT_SECRET: "a-client-secret-of-the-national-eid",
    });
    const output = await up;
    expect(output).toMatch(/environment\s+PRODUCTION/);
    const gatewayUrl = printed(output, "gateway \\(Apollo Sandbox in a browser\\)");
    const operatorKey = printed(output, "operator API key");
    const demo = {
      key: printed(output, "demo requester API key"),
      grant: printed(output, "the Grant header\\)"),
    };
    const personCode = /personCode: \\"([\d-]+)\\"/.exec(output)?.[1];
    expect(personCode).toBeDefined();

    const ask = (key: string, grant: string) =>
      fetch(gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}`, grant },
        body: JSON.stringify({
          query: "query ($c: String!) { person(personCode: $c) { surname } }",
          variables: { c: personCode },
        }),
      });

    const allowed = await ask(demo.key, demo.grant);
    const allowedBody = (await allowed.json()) as {
      data?: { person: { surname: string } | null };
      errors?: unknown;
    };
    expect(allowedBody.errors).toBeUndefined();
    expect(allowedBody.data?.person?.surname).toEqual(expect.any(String));

    const tester = await provisionRequester(gatewayUrl, operatorKey, {
      name: "Testa Apdrošināšana SIA",
      registrationNumber: syntheticRegistrationNumber(7),
      dataGroups: ["NAME"],
      purpose: "Acceptance tests",
      environment: "TEST",
    });
    const refused = await ask(tester.key, tester.grantNumber);
    expect(refused.status).toBe(403);
    const refusedBody = (await refused.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    expect(refusedBody.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(refusedBody.errors?.[0]?.message).toContain(
      "is for the test environment; this is the production environment",
    );
    expect(refusedBody.data ?? null).toBeNull();

    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  });
});
