import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

/** Where each page's screenshot is kept (git-ignored; CI keeps the folder as an artefact). */
export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../artifacts/screenshots");

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Debian's Chromium, headless, with nothing that reaches the network by itself. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type Language = "lv" | "en";

/**
 * A browser context for one person in one language (the portal's choice is kept in
 * localStorage). The portal's CSP forbids inline scripts, so axe is injected with it bypassed.
 */
export async function newPerson(browser: Browser, language: Language = "lv"): Promise<BrowserContext> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 768 } });
  await context.addInitScript(`localStorage.setItem("rnp-portal-language", ${JSON.stringify(language)})`);
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * Saves the page's screenshot as `<name>.png` and runs axe-core on it: no serious or critical
 * violation may remain (each is named with its rule and the first element it found).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  if (!(await page.evaluate("typeof axe !== 'undefined'"))) await page.addScriptTag({ content: axeSource });
  // Evaluated in the page (a string: the test's own code knows no DOM).
  const violations = (await page.evaluate(`axe.run().then((result) => result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => v.id + " (" + v.impact + ") at " + v.nodes[0].target.join(" ") + ": " + v.nodes[0].failureSummary))`)) as string[];
  expect(violations, `axe on ${name}`).toEqual([]);
}

/** Signs in through the embedded test provider as the person with `personCode`. */
export async function signIn(
  page: Page,
  portalUrl: string,
  personCode: string,
  options: { language?: Language; check?: string } = {},
) {
  const language = options.language ?? "lv";
  await page.goto(`${portalUrl}sign-in`);
  await page
    .getByRole("link", { name: language === "lv" ? "Pierakstīties ar eID" : "Sign in with eID" })
    .click();
  await page.getByRole("heading", { name: "Pierakstīšanās testa vidē" }).waitFor();
  // The embedded provider's page is a page of the platform too.
  if (options.check) await checkPage(page, options.check);
  await page.getByLabel("Personas kods").fill(personCode);
  await page.getByRole("button", { name: "Pierakstīties ar kodu" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/portal/") && !url.pathname.includes("/auth/"));
  await page.getByRole("button", { name: language === "lv" ? "Iziet" : "Sign out" }).waitFor();
}
