import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { allDataGroupNames } from "@rnp/schema";
import type { Processes } from "./lifecycle";
import { measureLoad } from "./load";
import { memoryOf } from "./memory";
import { type BenchCodes, requestBodies } from "./operations";
import type { SoakResult } from "./report";

export interface SoakOptions {
  processes: Processes;
  databaseUrl: string;
  signingSecret: string;
  codes: BenchCodes;
  connections: number;
  /** Seconds of load. */
  duration: number;
  /** Seconds to wait after the load before memory is read again. */
  settle: number;
  warmup: number;
  log: (line: string) => void;
}

/**
 * The soak: this gateway with access control and audit on (API key, grant, signed identity,
 * audit rows) in front of the person and catalog subgraphs with access control on,
 * `connections` connections of one-person queries for `duration` seconds, varied codes.
 * The gateway's VmRSS before (after a warm-up), its peak during the load, and `settle`
 * seconds after. Failed answers are counted and reported, not hidden.
 */
export async function soak(options: SoakOptions): Promise<SoakResult> {
  const { processes, log } = options;
  const operatorKey = `rnp_op_${randomBytes(24).toString("base64url")}`;
  const common = {
    DATABASE_URL: options.databaseUrl,
    PORT: "0",
    INTERNAL_SIGNING_SECRET: options.signingSecret,
  };
  const person = await processes.start("subgraphs/person/src/index.ts", common);
  const catalog = await processes.start("subgraphs/catalog/src/index.ts", common);
  const gateway = await processes.start("gateway/src/index.ts", {
    ...common,
    RATE_LIMIT_PER_MINUTE: "1000000000",
    OPERATOR_API_KEY: operatorKey,
    PERSON_SUBGRAPH_URL: person.url,
    CATALOG_SUBGRAPH_URL: catalog.url,
    MONITORING_SUBGRAPH_URL: "http://127.0.0.1:9/graphql",
  });
  try {
    const requester = await provisionRequester(gateway.url, operatorKey, {
      name: "Bench Soak AS",
      registrationNumber: syntheticRegistrationNumber(5),
      dataGroups: allDataGroupNames(),
      purpose: "Gateway memory soak",
    });
    const headers = { authorization: `Bearer ${requester.key}`, grant: requester.grantNumber };
    const bodies = requestBodies("one", options.codes, "varied");
    const pid = gateway.child.pid!;
    const load = (duration: number, connections: number, warmup = false) =>
      measureLoad({
        warmup,
        url: gateway.url,
        bodies,
        connections,
        duration,
        headers,
        pid,
        onStart: processes.tracking,
        tolerateFailures: true,
      });
    if (options.warmup > 0) await load(options.warmup, 16, true);
    await delay(2_000);
    const beforeMiB = memoryOf(pid)?.rss ?? null;
    log(
      `\nSoak: this gateway (pid ${pid}) with access control on, ${options.connections} connections for ${options.duration} s; RSS before ${beforeMiB?.toFixed(0)} MiB`,
    );
    const result = await load(options.duration, options.connections);
    await delay(options.settle * 1_000);
    const afterMiB = memoryOf(pid)?.rss ?? null;
    log(`  peak ${result.peakMiB?.toFixed(0)} MiB, ${options.settle} s after ${afterMiB?.toFixed(0)} MiB`);
    return {
      connections: options.connections,
      duration: options.duration,
      settle: options.settle,
      load: result,
      beforeMiB,
      peakMiB: result.peakMiB,
      afterMiB,
    };
  } finally {
    await processes.stop(gateway, catalog, person);
  }
}
