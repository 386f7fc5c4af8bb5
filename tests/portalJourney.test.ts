import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, launchBrowser, newPerson, signIn } from "./support/browser";
import { createGrant } from "./support/grants";
import { startTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let browser: Browser;
let portal: string;
let signatory: string;
let colleague: string;
let subject: string;
let lookupGrant: string;

/** Checks the page in Latvian, then switches to English and checks it again, and back. */
async function checkBothLanguages(page: Page, name: string) {
  await checkPage(page, `${name}-lv`);
  await page.getByRole("button", { name: /switch to Latvian|pārslēgt uz angļu/ }).click();
  await page.locator("html[lang=en]").waitFor();
  await checkPage(page, `${name}-en`);
  await page.getByRole("button", { name: /switch to Latvian|pārslēgt uz angļu/ }).click();
  await page.locator("html[lang=lv]").waitFor();
}

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ portal: {} }), launchBrowser()]);
  portal = platform.portalUrl!;
  [signatory, colleague, subject] = platform.samplePersonCodes as [string, string, string];
  await platform.operator(
    "mutation ($r: ID!, $p: String!) { appointSignatory(requesterId: $r, personCode: $p) { personCode } }",
    { r: platform.requester.requesterId, p: signatory },
  );
  lookupGrant = await createGrant(platform, {
    dataGroups: ["NAME", "BIRTH"],
    purpose: "Customer identity check",
    manualLookup: true,
  });
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe("the portal, a whole journey in the browser", () => {
  it("public pages read the catalogue and the knowledge base in both languages", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(portal);
    await page.getByRole("heading", { level: 1, name: "Iedzīvotāju reģistra portāls" }).waitFor();
    await checkBothLanguages(page, "home");
    await page.getByRole("link", { name: "Datu katalogs" }).first().click();
    await page.getByRole("heading", { name: "Datu grupas" }).waitFor();
    await page.getByText("NAME:").first().waitFor();
    await checkBothLanguages(page, "catalog");
    await page.getByRole("link", { name: "Zināšanu bāze" }).first().click();
    await page.getByLabel("Meklēt zināšanu bāzē").fill("personal code");
    await page.getByRole("link", { name: "Test persons" }).click();
    await page.getByRole("heading", { level: 1, name: "Test persons" }).waitFor();
    await checkBothLanguages(page, "docs-page");
    await page.goto(`${portal}sign-in`);
    await checkBothLanguages(page, "sign-in");
    await context.close();
  }, 120_000);

  it("the signatory adds a colleague as PDP user; the colleague looks a person up and sees only the grant's groups; the person sees that look-up", async () => {
    // The signatory signs in and adds a colleague.
    const signatoryContext = await newPerson(browser);
    const s = await signatoryContext.newPage();
    await signIn(s, portal, signatory, { check: "test-provider-sign-in" });
    await s.getByRole("link", { name: "Manas iestādes" }).first().click();
    await s.getByRole("link", { name: "Testa Banka AS" }).click();
    await s.getByRole("heading", { level: 1, name: "Testa Banka AS" }).waitFor();
    await checkBothLanguages(s, "organisation");
    await s.getByRole("link", { name: "Pievienot personu" }).click();
    await s.getByRole("button", { name: "Pievienot personu" }).click();
    // Errors summarised at the top, each linked to its field.
    await s.getByRole("link", { name: "Ievadiet 11 ciparu personas kodu" }).waitFor();
    await checkBothLanguages(s, "add-member-errors");
    await s.getByLabel("Personas kods").fill(colleague);
    await s.getByLabel("personu datu pārlūka lietotājs").check();
    await s.getByRole("button", { name: "Pievienot personu" }).click();
    await s.getByRole("cell", { name: colleague, exact: true }).waitFor();
    await s.getByText(`${signatory} pievienoja ${colleague}`).waitFor();
    await signatoryContext.close();

    // The colleague looks the subject up with a purpose.
    const colleagueContext = await newPerson(browser);
    const c = await colleagueContext.newPage();
    await signIn(c, portal, colleague);
    await c.getByRole("link", { name: "Personu datu pārlūks" }).first().click();
    await c.getByRole("heading", { level: 1, name: "Personu datu pārlūks" }).waitFor();
    await c.getByRole("button", { name: "Meklēt", exact: true }).click();
    await c.getByRole("link", { name: "Izvēlieties atļauju" }).waitFor();
    await checkBothLanguages(c, "pdp-errors");
    await c.getByLabel("Atļauja").selectOption(lookupGrant);
    await c.getByLabel("Mērķis vai lietas numurs").fill("Lieta 2026/17");
    await c.getByLabel("Personas kods").fill(subject);
    await c.getByRole("button", { name: "Meklēt", exact: true }).click();
    await c.getByRole("heading", { level: 1, name: "Meklēšanas rezultāts" }).waitFor();
    await c.getByText("Dzimis").waitFor();
    // NAME and BIRTH only: no address, documents or family.
    expect(await c.getByText("Deklarētā adrese").count()).toBe(0);
    expect(await c.getByText("Ģimenes stāvoklis").count()).toBe(0);
    await checkBothLanguages(c, "pdp-result");
    await colleagueContext.close();

    // The requester's system discloses the subject under a confidential grant (not to be shown).
    const confidential = await createGrant(platform, {
      dataGroups: ["NAME"],
      purpose: "Confidential investigation",
      confidential: true,
    });
    const disclosed = await platform.query(
      "query ($c: String!) { person(personCode: $c) { givenName } }",
      { c: subject },
      { headers: platform.headersOf({ key: platform.requester.key, grantNumber: confidential }) },
    );
    expect(disclosed.errors).toBeUndefined();

    // The subject signs in and sees the look-up, with the organisation and the purpose.
    const subjectContext = await newPerson(browser);
    const p = await subjectContext.newPage();
    await signIn(p, portal, subject);
    await p.getByRole("link", { name: "Mani dati un kas tos skatīja" }).first().click();
    await p.getByRole("heading", { level: 1, name: "Mani dati" }).waitFor();
    await p.getByText(subject).first().waitFor();
    await checkBothLanguages(p, "my-data");
    await p.getByRole("link", { name: "Kas skatīja manus datus" }).click();
    const row = p.getByRole("row").filter({ hasText: "Lieta 2026/17" });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain("Testa Banka AS");
    expect(await row.textContent()).toContain("manuāla meklēšana");
    await p.getByText("Izsniegšanas, kuras likums neļauj rādīt: 1").waitFor();
    expect(await p.getByText("Confidential investigation").count()).toBe(0);
    await checkBothLanguages(p, "my-disclosures");
    // The statement downloads: CSV (formula-safe, with the look-up) and a PDF.
    const [csv] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "Lejupielādēt CSV" }).click(),
    ]);
    const csvText = readFileSync((await csv.path())!, "utf8");
    expect(csvText).toContain("Lieta 2026/17");
    expect(csvText).not.toContain("Confidential investigation");
    const [pdf] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "Lejupielādēt PDF izziņu" }).click(),
    ]);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    // Usable at 320 px: nothing wider than the screen.
    await p.setViewportSize({ width: 320, height: 640 });
    await p.reload();
    await p.getByRole("row").filter({ hasText: "Lieta 2026/17" }).waitFor();
    expect(await p.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
    await checkPage(p, "my-disclosures-320px");
    await p.setViewportSize({ width: 1024, height: 768 });

    // Sign-out ends the session: the cookie opens nothing any more.
    const cookies = await subjectContext.cookies();
    await p.getByRole("button", { name: "Iziet" }).click();
    await p.getByRole("heading", { level: 1, name: "Iedzīvotāju reģistra portāls" }).waitFor();
    const session = cookies.find((cookie) => cookie.name === "rnp-session")!;
    const after = await fetch(`${portal}auth/session`, {
      headers: { cookie: `rnp-session=${session.value}` },
    });
    expect(await after.json()).toMatchObject({ signedIn: false });
    await subjectContext.close();
    // Three people's whole journey, each page checked in two languages.
  }, 240_000);
});
