import { type Client, createClient } from "graphql-ws";
import type { Logger } from "pino";
import WebSocket from "ws";
import { applyBatch, type Batch, hyphenless, type PersonAnswer } from "./apply";
import type { ConnectorMetrics } from "./metrics";
import { GrantPaused, type PlatformClient, Refused } from "./platform";
import type { ConnectorConfig } from "./schema";
import { DEAD_LETTER_TABLE, readState, type TargetDb } from "./target";

/** How often the members are compared with the target, to remove those who left the set. */
const RECONCILE_MS = 60_000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Everything `sync` and `replay` work with. */
export interface SyncContext {
  config: ConnectorConfig;
  client: PlatformClient;
  db: TargetDb;
  log: Logger;
  metrics: ConnectorMetrics;
}

/**
 * The current data of `codes` through the composite set, `pageSize` a request: the persons
 * answered, and the codes answered `null` or refused at their position (the person is gone
 * from the register or the grant no longer covers them), which are removed from the target.
 */
export async function fetchPersons(ctx: SyncContext, codes: string[]) {
  const persons: PersonAnswer[] = [];
  const removed: string[] = [];
  for (let i = 0; i < codes.length; i += ctx.config.sync.pageSize) {
    const slice = codes.slice(i, i + ctx.config.sync.pageSize);
    const answer = await ctx.client.request<{ persons: (PersonAnswer | null)[] }>({
      documentId: ctx.config.compositeSet.documentId,
      variables: { [ctx.config.compositeSet.variable]: slice },
    });
    const transient = answer.errors?.find(
      (e) => !["FORBIDDEN", "BAD_USER_INPUT", "NOT_FOUND"].includes(e.extensions?.code ?? ""),
    );
    if (transient) throw new Error(`the composite set failed at a position: ${transient.message}`);
    const list = answer.data?.persons ?? [];
    slice.forEach((code, position) => {
      const person = list[position];
      if (person) persons.push({ ...person, personCode: person.personCode ?? code });
      else removed.push(code);
    });
  }
  return { persons, removed };
}

/** Writes a batch and its state in one transaction of the target, counting what it did. */
async function commit(ctx: SyncContext, batch: Batch) {
  const dead = await ctx.db.transaction().execute((tx) => applyBatch(tx, ctx.config, batch));
  ctx.metrics.written.inc(batch.persons.length - dead);
  ctx.metrics.removed.inc(batch.removed.length);
  if (dead > 0) {
    ctx.metrics.deadLetters.inc(dead);
    ctx.log.warn(
      { deadLetters: dead },
      `${dead} person(s) could not be written and wait in ${DEAD_LETTER_TABLE}: fix the mapping or the target, then run \`connector replay\``,
    );
  }
}

/** Every member of the set, paged (codes only). */
async function members(
  ctx: SyncContext,
  from: string | null,
  onPage: (codes: string[], endCursor: string | null) => Promise<void>,
) {
  let after = from;
  for (;;) {
    const answer = await ctx.client.request<{
      monitoringSet: {
        members: { personCodes: string[]; endCursor: string | null; hasNextPage: boolean };
      } | null;
    }>({
      query: `query ($id: ID!, $after: String, $first: Int) { monitoringSet(id: $id) {
        members(first: $first, after: $after) { personCodes endCursor hasNextPage } } }`,
      variables: { id: ctx.config.monitoringSet, after, first: 1000 },
    });
    const page = answer.data?.monitoringSet?.members;
    if (!page)
      throw new Refused(
        `the monitored set ${ctx.config.monitoringSet} is not a set of the grant: check \`monitoringSet\`.`,
      );
    await onPage(page.personCodes, page.endCursor);
    if (!page.hasNextPage) return;
    after = page.endCursor;
  }
}

/** The backfill: each page of members read through the composite set and written with the page's position. */
export async function backfill(ctx: SyncContext, signal?: AbortSignal) {
  if ((await readState(ctx.db, "backfill_done")) === "1") return;
  const from = (await readState(ctx.db, "backfill_after")) || null;
  ctx.log.info({ resumedAfterPage: Boolean(from) }, "backfill of the set's members started");
  const started = Date.now();
  let count = 0;
  await members(ctx, from, async (codes, endCursor) => {
    if (signal?.aborted) throw new Error("stopped");
    for (let i = 0; i < codes.length; i += ctx.config.sync.pageSize) {
      const slice = codes.slice(i, i + ctx.config.sync.pageSize);
      const last = i + ctx.config.sync.pageSize >= codes.length;
      const { persons, removed } = await fetchPersons(ctx, slice);
      await commit(ctx, { persons, removed, state: last && endCursor ? { backfill_after: endCursor } : {} });
      count += slice.length;
    }
  });
  await reconcile(ctx, { backfill_done: "1" });
  const seconds = (Date.now() - started) / 1000;
  ctx.log.info(
    { persons: count, seconds, perSecond: Math.round(count / Math.max(seconds, 0.001)) },
    "backfill done",
  );
}

/** Removes from the target the persons no longer in the set, with `state` in the same transaction. */
export async function reconcile(ctx: SyncContext, state: Record<string, string> = {}) {
  const current = new Set<string>();
  await members(ctx, null, async (codes) => {
    for (const code of codes) current.add(hyphenless(code));
  });
  let query = ctx.db.selectFrom(ctx.config.table.name).select(ctx.config.table.key);
  if (ctx.config.removal === "mark") query = query.where("removed_at", "is", null);
  const rows = await query.execute();
  const gone = rows.map((r) => String(r[ctx.config.table.key])).filter((code) => !current.has(code));
  await commit(ctx, { persons: [], removed: gone, state });
  if (gone.length > 0)
    ctx.log.info({ removed: gone.length }, "persons who left the set removed from the target");
}

/** One page of changes after the stored cursor, applied with the new cursor; false when there was none. */
export async function changesOnce(ctx: SyncContext): Promise<boolean> {
  const cursor = (await readState(ctx.db, "cursor")) || null;
  const answer = await ctx.client.request<{
    changes: {
      nodes: { personCode: string; changedAt: string }[];
      endCursor: string | null;
      hasNextPage: boolean;
    };
  }>({
    query: `query ($set: ID!, $after: String) { changes(setId: $set, after: $after, first: 1000) {
      nodes { personCode changedAt } endCursor hasNextPage } }`,
    variables: { set: ctx.config.monitoringSet, after: cursor },
  });
  const page = answer.data?.changes;
  if (!page?.endCursor || page.endCursor === cursor) return false;
  const codes = [...new Set(page.nodes.map((n) => n.personCode))];
  const { persons, removed } = await fetchPersons(ctx, codes);
  await commit(ctx, { persons, removed, state: { cursor: page.endCursor } });
  const newest = page.nodes.at(-1);
  if (newest) {
    const lag = (Date.now() - Date.parse(newest.changedAt)) / 1000;
    ctx.metrics.lag.set(lag);
    ctx.metrics.commitLag.observe(lag);
  }
  ctx.metrics.changes.inc(page.nodes.length);
  return page.hasNextPage || page.nodes.length > 0;
}

/** A graphql-ws subscription to the set's notifications whose only use is to wake the loop early. */
function wakeOnNotifications(ctx: SyncContext, wake: () => void): Client {
  const client = createClient({
    url: ctx.config.platform.url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: async () => ({
      authorization: `Bearer ${await ctx.client.accessToken()}`,
      grant: ctx.config.platform.grant,
    }),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
  });
  const subscribe = async () => {
    const after = (await readState(ctx.db, "cursor").catch(() => undefined)) || null;
    client.subscribe(
      {
        query:
          "subscription ($set: ID!, $after: String) { setChanges(setId: $set, after: $after) { cursor } }",
        variables: { set: ctx.config.monitoringSet, after },
      },
      {
        next: () => wake(),
        error: (error) => {
          ctx.log.warn(
            { error: String((error as Error)?.message ?? "closed") },
            "the subscription ended; polling until it is back",
          );
          setTimeout(() => void subscribe(), ctx.config.sync.pollSeconds * 1000);
        },
        complete: () => setTimeout(() => void subscribe(), ctx.config.sync.pollSeconds * 1000),
      },
    );
  };
  void subscribe();
  return client;
}

/**
 * `connector sync`: the backfill, then the changes by cursor until `signal` aborts. Platform
 * and target failures are retried after a wait doubling from 0.5 s to `maxBackoffSeconds`; a
 * refused grant pauses the sync (logged) and is tried again at the longest wait; a refusal of
 * the configuration ends it.
 */
export async function runSync(ctx: SyncContext, signal?: AbortSignal): Promise<void> {
  let wakeUp: () => void = () => {};
  const wake = () => wakeUp();
  const subscription = wakeOnNotifications(ctx, wake);
  let lastCommit = Date.now();
  const heartbeat = setInterval(async () => {
    const cursor = await readState(ctx.db, "cursor").catch(() => undefined);
    ctx.log.info(
      {
        position: cursor ?? null,
        lagSeconds: (await ctx.metrics.lag.get()).values[0]?.value ?? null,
        idleSeconds: Math.round((Date.now() - lastCommit) / 1000),
      },
      "heartbeat",
    );
  }, ctx.config.sync.heartbeatSeconds * 1000);
  let backoff = 500;
  let lastReconcile = Date.now();
  try {
    while (!signal?.aborted) {
      try {
        await backfill(ctx, signal);
        if (Date.now() - lastReconcile > RECONCILE_MS) {
          await reconcile(ctx);
          lastReconcile = Date.now();
        }
        const more = await changesOnce(ctx);
        backoff = 500;
        ctx.metrics.paused.set(0);
        if (more) {
          lastCommit = Date.now();
          continue;
        }
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          void sleep(ctx.config.sync.pollSeconds * 1000, signal).then(resolve);
        });
      } catch (error) {
        if (signal?.aborted) break;
        if (error instanceof Refused) throw error;
        ctx.metrics.errors.inc();
        if (error instanceof GrantPaused) {
          ctx.metrics.paused.set(1);
          ctx.log.warn(
            `sync paused: the platform refused the grant or the client (${error.message}); it resumes by itself once the grant is valid again`,
          );
          await sleep(ctx.config.sync.maxBackoffSeconds * 1000, signal);
          continue;
        }
        ctx.log.warn({ retryInMs: backoff }, `a step failed and is retried: ${(error as Error).message}`);
        await sleep(backoff, signal);
        backoff = Math.min(backoff * 2, ctx.config.sync.maxBackoffSeconds * 1000);
      }
    }
  } finally {
    clearInterval(heartbeat);
    await subscription.dispose();
  }
}

/** `connector replay`: the persons in the dead-letter table read and written again; how many are left. */
export async function replay(ctx: SyncContext): Promise<number> {
  const rows = await ctx.db.selectFrom(DEAD_LETTER_TABLE).select("person_code").execute();
  const codes = rows.map((r) => String(r.person_code));
  if (codes.length > 0) {
    const { persons, removed } = await fetchPersons(ctx, codes);
    await commit(ctx, { persons, removed, state: {} });
  }
  const left = await ctx.db.selectFrom(DEAD_LETTER_TABLE).select("person_code").execute();
  return left.length;
}
