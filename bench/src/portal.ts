import { commandLine } from "@rnp/common";
import { projectDataDir } from "@rnp/db/embedded";
import { startPlatform } from "@rnp/platform/platform";
import { provisionPortalDemo } from "@rnp/platform/portalDemo";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { allDataGroupNames } from "@rnp/schema";
import type { Page } from "playwright-core";
import { launchBrowser, newPerson, signIn } from "../../tests/support/browser";

const usage = `Usage: pnpm bench:portal [--rounds N]

Starts the platform on the default register (10 000 persons, seed 1, kept in .data/bench-portal),
signs in through the embedded test provider in headless Chromium, and prints each portal page's
time from navigation to its first data on screen (the median of N rounds, default 3), against
the goal of 1 s. A figure, not a test: run it on a quiet machine.`;

// The parts run inside this process: their request lines would bury the figures.
process.env.LOG_LEVEL ??= "warn";
const { values, wholeNumber } = commandLine({ usage, options: { rounds: { type: "string" } } });
const rounds = wholeNumber("rounds", values.rounds, 3, { max: 50 });

const platform = await startPlatform({
  dataDir: projectDataDir("bench-portal"),
  port: 0,
  subgraphPorts: { person: 0, catalog: 0, monitoring: 0 },
  portal: { idleMinutes: 30, maxHours: 12, lookupsPerHour: 10_000, operators: [] },
  log: (line) => console.log(`• ${line}`),
});
const browser = await launchBrowser();
try {
  const demo = await provisionRequester(platform.gatewayUrl, platform.operatorKey, {
    name: "Demo Banka AS",
    registrationNumber: syntheticRegistrationNumber(1),
    dataGroups: allDataGroupNames(),
    purpose: "Customer due diligence (demo)",
  });
  const [signatory, official, subject] = platform.samplePersonCodes as [string, string, string];
  await provisionPortalDemo(platform.gatewayUrl, platform.operatorKey, demo, { signatory, official });
  const portal = platform.portalUrl!;
  const context = await newPerson(browser);
  const page = await context.newPage();
  await signIn(page, portal, official);
  await page.evaluate(
    `sessionStorage.setItem("rnp-pdp", ${JSON.stringify(JSON.stringify({ grantNumber: demo.grantNumber, purpose: "Benchmark", dataGroups: allDataGroupNames() }))})`,
  );
  const pages: [name: string, path: string, firstData: (page: Page) => Promise<unknown>][] = [
    ["start page", "", (p) => p.getByRole("heading", { level: 1 }).waitFor()],
    ["catalogue", "catalog", (p) => p.getByRole("heading", { name: "Datu grupas" }).waitFor()],
    ["knowledge base", "docs", (p) => p.getByRole("link", { name: "Test persons" }).waitFor()],
    ["my data", "my-data", (p) => p.getByText("Personas kods").first().waitFor()],
    ["who viewed my data", "my-data/disclosures", (p) => p.getByText(/Izsniegšanas: \d+/).waitFor()],
    ["my organisations", "organisations", (p) => p.getByRole("link", { name: "Demo Banka AS" }).waitFor()],
    [
      "person data browser",
      "pdp",
      (p) => p.getByRole("option", { name: new RegExp(demo.grantNumber) }).waitFor({ state: "attached" }),
    ],
    ["look-up result", `pdp/person/${subject.replace("-", "")}`, (p) => p.getByText("Dzimis").waitFor()],
  ];
  console.log(
    `\nTime to first data per page, median of ${rounds} (goal ≤ 1000 ms; a loaded machine reads higher):`,
  );
  for (const [name, path, firstData] of pages) {
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      await page.goto(`${portal}${path}`);
      await firstData(page);
      times.push(performance.now() - started);
    }
    const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    console.log(
      `  ${name.padEnd(22)} ${median.toFixed(0).padStart(6)} ms  ${median <= 1000 ? "met" : "not met"}`,
    );
  }
  await context.close();
} finally {
  await browser.close();
  await platform.stop();
}
