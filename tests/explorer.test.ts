import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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
  it("loads GraphiQL from the gateway alone and runs a person query with the key and grant of its link's fragment", async () => {
    const code = platform.samplePersonCodes[0]!;
    const person = await platform.query<{ person: { givenName: string; surname: string } }>(
      "query ($code: String!) { person(personCode: $code) { givenName surname } }",
      { code },
    );
    const { givenName, surname } = person.data!.person;
    const root = platform.gatewayUrl.replace(/\/graphql$/, "");
    const page = await browser.newPage();
    const outside: string[] = [];
    const sentUrls: string[] = [];
    // Any request to another origin would fail offline: there must be none.
    page.on("request", (request) => {
      sentUrls.push(request.url());
      if (!request.url().startsWith(root) && !request.url().startsWith("ws://")) outside.push(request.url());
    });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const query = `{ person(personCode: "${code}") { givenName surname } }`;
    // The link `pnpm start` prints: the key and grant in the fragment, which the browser never sends.
    const fragment = new URLSearchParams({
      authorization: `Bearer ${platform.requester.key}`,
      grant: platform.requester.grantNumber,
    });
    const loaded = await page.goto(`${root}/explorer?query=${encodeURIComponent(query)}#${fragment}`);
    expect(await loaded!.text()).not.toContain(platform.requester.key);
    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".result-window");
    await expect
      .poll(async () => (await result.textContent()) ?? "", { timeout: 20_000 })
      .toContain(`"surname": "${surname}"`);
    expect(await result.textContent()).toContain(`"givenName": "${givenName}"`);
    // The fragment is gone from the address bar, and no URL the page asked for carried the key.
    expect(page.url()).not.toContain("#");
    expect(page.url()).not.toContain(platform.requester.key);
    expect(sentUrls.filter((url) => url.includes(encodeURIComponent(platform.requester.key)))).toEqual([]);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("serves the explorer and Apollo's landing page with frame-ancestors 'none' and X-Frame-Options DENY", async () => {
    const root = platform.gatewayUrl.replace(/\/graphql$/, "");
    const pages = [
      await fetch(`${root}/explorer`),
      await fetch(platform.gatewayUrl, { headers: { accept: "text/html" } }),
      await fetch(platform.subgraphUrls.person, { headers: { accept: "text/html" } }),
    ];
    for (const answer of pages) {
      expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
      expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(await answer.text()).not.toMatch(/rnp_[A-Za-z0-9_-]{20}/);
    }
  });

  it("cannot be framed by a page of another origin", async () => {
    const root = platform.gatewayUrl.replace(/\/graphql$/, "");
    const framing = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(
        `<!doctype html><title>other site</title><iframe id="victim" src="${root}/explorer"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => framing.listen(0, "127.0.0.1", resolve));
    const page = await browser.newPage();
    try {
      const blocked = page.waitForEvent("console", {
        predicate: (message) => /frame-ancestors|Refused to display/i.test(message.text()),
        timeout: 20_000,
      });
      await page.goto(`http://127.0.0.1:${(framing.address() as AddressInfo).port}/`);
      await blocked;
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      expect(await frame?.locator("#explorer").count()).toBe(0);
    } finally {
      await page.close();
      await new Promise((resolve) => framing.close(resolve));
    }
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
