import { randomUUID } from "node:crypto";
import type { ApolloServer } from "@apollo/server";
import { graphQLError } from "@rnp/common";
import type { AuditRecipient, GatewayContext } from "../access/context";
import { type Batch, batchOf } from "./batchQuery";

/**
 * What a subscription's batches run: the batch query and everything its result depends on.
 * Subscriptions with the same `key` and cursor get the same page, so they may share one
 * execution.
 */
export interface BatchSource {
  /**
   * Equal only when the query text, its variables, the API key and the grant are: the
   * execution authenticates and authorises that one key and grant for every sharer.
   */
  key: string;
  /** The set the subscription follows (`setKeyOf`), for the executions counted by set. */
  setId: string;
  /** The batch query, printed once: Apollo Server caches the parsed document by its text. */
  query: string;
  /** The values of the variables the batch query uses (the cursor aside). */
  variables: Record<string, unknown>;
  authorization: string | undefined;
  grantNumber: string | undefined;
  /** The approved composite data set it runs, when subscribed by id (audited with each row). */
  compositeSet?: GatewayContext["compositeSet"];
}

interface OpenBatch {
  recipients: AuditRecipient[];
  promise: Promise<Batch>;
}

/**
 * One execution per batch for every subscriber of a set at the same cursor with the same
 * document, key and grant: a wake-up of 100 subscribers of one set runs the batch query
 * once, not 100 times. The execution goes through the gateway's own pipeline (grant,
 * conditions, federation, quota), and the audit still writes one row per subscriber and
 * person disclosed, each with the subscriber's own request id and address (the
 * `recipients` of the context, which the access plugin reads when it writes the audit).
 *
 * A subscriber joins an execution until its audit is written (its recipients are sealed
 * then); one that comes later starts the next. The execution starts on the next turn of the
 * event loop, so the subscribers one NOTIFY wakes all join it.
 */
export class SharedBatches {
  private readonly open = new Map<string, OpenBatch>();
  private readonly bySet = new Map<string, number>();
  /** Batch query executions run (each shared by one or more subscribers). */
  executions = 0;
  /** Subscriber batches served (an execution shared by n subscribers counts n). */
  served = 0;
  /** Executions waiting to start or running now. */
  inFlight = 0;

  constructor(private readonly apollo: ApolloServer<GatewayContext>) {}

  /** Executions run for a set's subscriptions so far. */
  executionsOf(setId: string): number {
    return this.bySet.get(setId) ?? 0;
  }

  /** The page after `cursor` for one subscriber (at `clientAddress`), shared where it can be. */
  run(source: BatchSource, cursor: string | null, clientAddress: string | null): Promise<Batch> {
    const key = `${source.key}\u0000${cursor ?? ""}`;
    const recipient: AuditRecipient = { requestId: randomUUID(), correlationId: null, clientAddress };
    this.served++;
    const joined = this.open.get(key);
    if (joined) {
      joined.recipients.push(recipient);
      return joined.promise;
    }
    const recipients = [recipient];
    this.inFlight++;
    const promise = new Promise<Batch>((resolve, reject) => {
      setImmediate(() => this.execute(key, source, cursor, recipients).then(resolve, reject));
    });
    this.open.set(key, { recipients, promise });
    return promise;
  }

  private async execute(
    key: string,
    source: BatchSource,
    cursor: string | null,
    recipients: AuditRecipient[],
  ): Promise<Batch> {
    this.executions++;
    this.bySet.set(source.setId, this.executionsOf(source.setId) + 1);
    const seal = () => {
      if (this.open.get(key)?.recipients === recipients) this.open.delete(key);
      return recipients;
    };
    const first = recipients[0]!;
    const contextValue: GatewayContext = {
      requestId: first.requestId,
      clientAddress: first.clientAddress,
      authorization: source.authorization,
      grantNumber: source.grantNumber,
      transport: "graphql-ws",
      identity: null,
      disclosures: new Map(),
      recipients: seal,
      ...(source.compositeSet ? { compositeSet: source.compositeSet } : {}),
    };
    try {
      const response = await this.apollo.executeOperation(
        { query: source.query, variables: { ...source.variables, __after: cursor } },
        { contextValue },
      );
      if (response.body.kind !== "single") {
        throw graphQLError("INTERNAL_SERVER_ERROR", "Unexpected incremental response.");
      }
      return batchOf(response.body.singleResult);
    } finally {
      // Without disclosures the audit never asked; later subscribers start a new execution.
      seal();
      this.inFlight--;
    }
  }
}
