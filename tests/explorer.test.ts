import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The explorer test drives Chromium at ${CHROMIUM}, which is missing: install it (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
  platform = await startTestPlatform();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe("the offline explorer", () => {
  it("loads GraphiQL from the gateway alone and runs a person query with the prefilled headers", async () => {
    const code = platform.samplePersonCodes[0]!;
    const person = await platform.query<{ person: { givenName: string; surname: string } }>(
      "query ($code: String!) { person(personCode: $code) { givenName surname } }",
      { code },
    );
    const { givenName, surname } = person.data!.person;
    platform.setExplorerHeaders(platform.headersOf(platform.requester));
    const root = platform.gatewayUrl.replace(/\/graphql$/, "");
    const page = await browser.newPage();
    const outside: string[] = [];
    // Any request to another origin would fail offline: there must be none.
    page.on("request", (request) => {
      if (!request.url().startsWith(root) && !request.url().startsWith("ws://")) outside.push(request.url());
    });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const query = `{ person(personCode: "${code}") { givenName surname } }`;
    await page.goto(`${root}/explorer?query=${encodeURIComponent(query)}`);
    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".result-window");
    await expect
      .poll(async () => (await result.textContent()) ?? "", { timeout: 20_000 })
      .toContain(`"surname": "${surname}"`);
    expect(await result.textContent()).toContain(`"givenName": "${givenName}"`);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("serves its assets from npm packages and answers 404 for anything else", async () => {
    const root = platform.gatewayUrl.replace(/\/graphql$/, "");
    const asset = await fetch(`${root}/explorer/assets/graphiql.min.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
    const missing = await fetch(`${root}/explorer/assets/other.js`);
    expect(missing.status).toBe(404);
  });
});
