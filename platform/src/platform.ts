import { randomBytes } from "node:crypto";
import path from "node:path";
import { type ActKeys, createCatalogSubgraph, seedCatalog } from "@rnp/catalog";
import type { PlatformEnvironment, SigningKey, SigningKeys } from "@rnp/common";
import { createDatabase, migrateDatabase } from "@rnp/db";
import { projectDataDir, startEmbeddedPostgres } from "@rnp/db/embedded";
import { createGatewayServer, type GatewayOptions } from "@rnp/gateway";
import { ensureOperatorKey } from "@rnp/gateway/access/credentials";
import { anchorFileFromEnv, auditSettingsFromEnv, fileAnchorSink } from "@rnp/gateway/auditAnchors";
import type { PortalSettings } from "@rnp/gateway/portal";
import { readPersistedDocuments } from "@rnp/gateway/portal";
import { isRegisterSeeded, seedRegister } from "@rnp/generator";
import { createMonitoringSubgraph, startNotifier } from "@rnp/monitoring";
import { createPersonSubgraph } from "@rnp/person";
import { ensurePortalBuilt, persistedDocumentsFile, portalDist } from "@rnp/portal/build";

export const defaultDataDir = projectDataDir();

export interface PlatformOptions {
  /** An external PostgreSQL; without it an embedded server runs from `dataDir`. */
  databaseUrl?: string;
  /**
   * A read URL beside `databaseUrl` (DATABASE_READ_URL: a standby of the Patroni cluster,
   * docs/OPERATIONS.md) for the person subgraph's stale-tolerant reads. Default: `databaseUrl`.
   */
  databaseReadUrl?: string;
  /** Folder of the embedded cluster; default `.data/postgres` in the project. */
  dataDir?: string;
  /** Gateway port; 0 picks a free one. */
  port?: number;
  /** Ports of the subgraphs; 0 picks free ones. */
  subgraphPorts?: { person: number; catalog: number; monitoring: number };
  host?: string;
  /** Persons to generate when the register is empty; 0 skips seeding. Default 10 000. */
  seedPersons?: number;
  seed?: number;
  /** Receives every SQL statement the person subgraph sends (tests count them). */
  onPersonStatement?: (query: string) => void;
  fetcher?: GatewayOptions["fetcher"];
  /** Signing keys shared by the gateway and the subgraphs; a random secret for each start when omitted. */
  signingSecret?: SigningKeys;
  /** The bootstrap operator key; random for each start when omitted. */
  operatorKey?: string;
  environment?: PlatformEnvironment;
  /** The acceptance act's signing (test) or verifying (production) key; without it the step that needs one is refused. */
  actKeys?: ActKeys;
  /**
   * Keys OAuth access tokens are signed with (OAUTH_SIGNING_KEYS; the first signs); a random
   * key for each start when omitted, so tokens end with the process.
   */
  oauthSigningKeys?: readonly SigningKey[];
  /** Lifetime of an OAuth access token (default 300 s). */
  oauthTokenTtlSeconds?: number;
  /** How often an idle subscription re-checks its grant (default 15 s). */
  subscriptionRecheckMs?: number;
  /**
   * The audit chain's HMAC key. Default: AUDIT_CHAIN_KEY, else (embedded database) a key
   * generated once into `.data/audit-chain.key` (mode 0600). See `auditSettingsFromEnv`.
   */
  auditChainKey?: string;
  /** File the chain head is anchored to. Default: AUDIT_ANCHOR_FILE, else (embedded) `.data/audit-anchors.jsonl`. */
  auditAnchorFile?: string;
  /** Anchor at most this often (default 1 000 ms; 0: after every audit flush). */
  auditAnchorIntervalMs?: number;
  /**
   * The portal for people at `/portal` (docs/PORTAL.md), built first when its sources changed;
   * absent: not served. `portalSettingsFromEnv` reads these settings for `pnpm start`.
   */
  portal?: PortalSettings;
  /** The public base URL (PUBLIC_BASE_URL): the portal's origin and the DCAT-AP document's base. */
  publicUrl?: string;
  log?: (line: string) => void;
  onSeedProgress?: (done: number, total: number) => void;
}

export interface RunningPlatform {
  gatewayUrl: string;
  subgraphUrls: { person: string; catalog: string; monitoring: string };
  databaseUrl: string;
  /** The bootstrap operator's API key. */
  operatorKey: string;
  /** A few personal codes of the register, for examples. */
  samplePersonCodes: string[];
  /** The file the audit chain head is anchored to, if any. */
  auditAnchorFile: string | null;
  /** The file the audit chain key was read from, or null when it was given. */
  auditChainKeyFile: string | null;
  /** The embedded cluster's folder, or null on an external database. */
  dataDir: string | null;
  /** The portal's address (`…/portal/`), when it is served. */
  portalUrl: string | null;
  /** Stops in order: gateway, subgraphs (draining HTTP), database pools, embedded server. */
  stop(): Promise<void>;
}

/**
 * Starts everything in one process: the database (embedded unless `databaseUrl`), the
 * migrations, the synthetic register when empty, both subgraphs and the gateway.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const log = options.log ?? (() => {});
  const host = options.host ?? "127.0.0.1";
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step();
  };
  try {
    let databaseUrl = options.databaseUrl;
    const embeddedDataDir = databaseUrl ? null : (options.dataDir ?? defaultDataDir);
    const audit = options.auditChainKey
      ? { key: options.auditChainKey, keyFile: null }
      : auditSettingsFromEnv(embeddedDataDir, log);
    const auditKey = audit.key;
    const anchorFile = options.auditAnchorFile ?? anchorFileFromEnv(embeddedDataDir);
    if (!anchorFile) log("no AUDIT_ANCHOR_FILE: the audit chain head is not anchored outside the database");
    if (!databaseUrl) {
      const dataDir = embeddedDataDir!;
      log(`starting embedded PostgreSQL in ${dataDir}`);
      const embedded = await startEmbeddedPostgres({ dataDir });
      stops.push(embedded.stop);
      databaseUrl = embedded.url;
    }
    await migrateDatabase(databaseUrl);
    log("migrations applied");

    const signingSecret = options.signingSecret ?? randomBytes(32).toString("base64url");
    const operatorKey = options.operatorKey ?? `rnp_op_${randomBytes(24).toString("base64url")}`;
    let samplePersonCodes: string[] = [];
    const admin = createDatabase(databaseUrl, { max: 2, applicationName: "rnp-start" });
    try {
      await seedCatalog(admin.db);
      await ensureOperatorKey(admin.db, operatorKey);
      const persons = options.seedPersons ?? 10_000;
      if (persons > 0 && !(await isRegisterSeeded(admin.sql))) {
        log(`seeding the register with ${persons} synthetic persons`);
        await seedRegister(admin.sql, {
          persons,
          seed: options.seed ?? 1,
          ...(options.onSeedProgress ? { onProgress: options.onSeedProgress } : {}),
        });
      }
      samplePersonCodes = (
        await admin.sql`select person_code from person.persons where death_date is null order by person_code limit 3`
      ).map((row) => `${(row.person_code as string).slice(0, 6)}-${(row.person_code as string).slice(6)}`);
    } finally {
      await admin.close();
    }

    const personDb = createDatabase(databaseUrl, {
      applicationName: "rnp-person",
      ...(options.onPersonStatement ? { onStatement: options.onPersonStatement } : {}),
    });
    const personReadDb =
      options.databaseUrl && options.databaseReadUrl
        ? createDatabase(options.databaseReadUrl, { applicationName: "rnp-person-read" })
        : null;
    const person = await createPersonSubgraph({
      db: personDb.db,
      ...(personReadDb ? { readDb: personReadDb.db } : {}),
      signingSecret,
      onStop: async () => {
        await personReadDb?.close();
        await personDb.close();
      },
    });
    stops.push(person.stop);
    const personUrl = await person.listen(options.subgraphPorts?.person ?? 4001, host);

    const catalogDb = createDatabase(databaseUrl, { applicationName: "rnp-catalog", max: 4 });
    const catalog = await createCatalogSubgraph({
      db: catalogDb.db,
      signingSecret,
      onStop: catalogDb.close,
      ...(options.environment ? { environment: options.environment } : {}),
      ...(options.actKeys ? { actKeys: options.actKeys } : {}),
    });
    stops.push(catalog.stop);
    const catalogUrl = await catalog.listen(options.subgraphPorts?.catalog ?? 4002, host);

    const monitoringDb = createDatabase(databaseUrl, { applicationName: "rnp-monitoring", max: 6 });
    const monitoring = await createMonitoringSubgraph({
      db: monitoringDb.db,
      signingSecret,
      onStop: monitoringDb.close,
    });
    stops.push(monitoring.stop);
    const monitoringUrl = await monitoring.listen(options.subgraphPorts?.monitoring ?? 4003, host);
    const notifierDb = createDatabase(databaseUrl, { applicationName: "rnp-notifier", max: 2 });
    const notifier = await startNotifier({
      sql: notifierDb.sql,
      onError: (error) => log(`notifier: ${error instanceof Error ? error.message : String(error)}`),
      registry: monitoring.metrics.registry,
    });
    stops.push(async () => {
      await notifier.stop();
      await notifierDb.close();
    });

    const subgraphUrls = { person: personUrl, catalog: catalogUrl, monitoring: monitoringUrl };
    if (options.portal) {
      const started = Date.now();
      const outcome = await ensurePortalBuilt();
      log(
        `portal ${outcome}${outcome === "built" ? ` in ${((Date.now() - started) / 1000).toFixed(1)} s` : ""}`,
      );
    }
    const gatewayDb = createDatabase(databaseUrl, { applicationName: "rnp-gateway" });
    const gateway = await createGatewayServer({
      subgraphUrls,
      database: gatewayDb,
      signingSecret,
      audit: {
        key: auditKey,
        ...(anchorFile ? { anchors: fileAnchorSink(anchorFile, auditKey) } : {}),
        ...(options.auditAnchorIntervalMs !== undefined
          ? { anchorIntervalMs: options.auditAnchorIntervalMs }
          : {}),
        onAnchorError: (error) =>
          log(`audit anchor not written: ${error instanceof Error ? error.message : String(error)}`),
      },
      ...(options.environment ? { environment: options.environment } : {}),
      oauth: {
        keys: options.oauthSigningKeys ?? [{ id: "start", secret: randomBytes(32).toString("base64url") }],
        ...(options.oauthTokenTtlSeconds ? { tokenTtlSeconds: options.oauthTokenTtlSeconds } : {}),
      },
      ...(options.subscriptionRecheckMs ? { subscriptionRecheckMs: options.subscriptionRecheckMs } : {}),
      ...(options.fetcher ? { fetcher: options.fetcher } : {}),
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      ...(options.portal
        ? {
            portal: {
              settings: options.portal,
              dist: portalDist,
              persistedDocuments: readPersistedDocuments(persistedDocumentsFile),
            },
          }
        : {}),
    });
    stops.push(async () => {
      await gateway.stop();
      await gatewayDb.close();
    });
    const gatewayUrl = await gateway.listen(options.port ?? 4000, host);
    return {
      gatewayUrl,
      subgraphUrls,
      databaseUrl,
      operatorKey,
      samplePersonCodes,
      auditAnchorFile: anchorFile,
      auditChainKeyFile: audit.keyFile,
      dataDir: embeddedDataDir ? path.resolve(embeddedDataDir) : null,
      portalUrl: options.portal
        ? `${options.publicUrl ? new URL(options.publicUrl).origin : gatewayUrl.replace(/\/graphql$/, "").replace("//127.0.0.1:", "//localhost:")}/portal/`
        : null,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
