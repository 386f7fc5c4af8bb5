/**
 * The gateway's operation limits. Each has an environment variable; the defaults admit every
 * operation the platform's own clients, tests and benchmarks send (a `persons` call of 1 000
 * codes with family relations, a subscription batch) and refuse the shapes that cost the
 * service: deep nesting, alias floods, huge documents, list fan-out.
 */
export interface OperationLimits {
  /** Deepest field nesting (GATEWAY_MAX_DEPTH, default 10). */
  maxDepth: number;
  /** Most aliases in one operation, `__typename` aside (GATEWAY_MAX_ALIASES, default 30). */
  maxAliases: number;
  /** Most lexical tokens in one document (GATEWAY_MAX_TOKENS, default 5 000). */
  maxTokens: number;
  /** Most directives in one operation (GATEWAY_MAX_DIRECTIVES, default 50). */
  maxDirectives: number;
  /** Highest operation cost, see `operationCost` (GATEWAY_MAX_COST, default 50 000). */
  maxCost: number;
  /** Most fields selected once fragments are expanded (GATEWAY_MAX_SELECTIONS, default 2 000). */
  maxSelections: number;
  /** Size assumed for a list field without a size argument (GATEWAY_DEFAULT_LIST_SIZE, default 10). */
  defaultListSize: number;
  /** Requests a minute per API key (or client address without one), across replicas (RATE_LIMIT_PER_MINUTE, default 6 000). */
  ratePerMinute: number;
  /**
   * Cost one API key may have running at once on one gateway process; more waits in the
   * key's own queue (GATEWAY_IN_FLIGHT_COST, default 10 000: about one full `persons` batch).
   */
  inFlightCost: number;
  /**
   * Cost all keys together may have running at once on one gateway process, each key's first
   * request aside; while several keys have work, each holds at most its share of it
   * (GATEWAY_TOTAL_IN_FLIGHT_COST, default 40 000). See `Admission`.
   */
  inFlightTotalCost: number;
  /** Requests one key may have waiting for admission (GATEWAY_MAX_QUEUED, default 64). */
  maxQueued: number;
  /** Longest a request waits for admission (GATEWAY_MAX_QUEUE_WAIT_MS, default 10 000). */
  maxQueueWaitMs: number;
  /** Open subscriptions per API key on one gateway process (MAX_SUBSCRIPTIONS_PER_KEY, default 100). */
  maxSubscriptionsPerKey: number;
  /** "Did you mean …" hints in validation errors reveal the schema: hidden when true (default: NODE_ENV=production). */
  hideSuggestions: boolean;
}

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} is "${text}"; set it to a positive whole number (default ${fallback}).`);
  }
  return value;
}

/** The limits from the environment; throws a sentence naming the variable when one is not a positive integer. */
export function limitsFromEnv(overrides: Partial<OperationLimits> = {}): OperationLimits {
  return {
    maxDepth: positiveInteger("GATEWAY_MAX_DEPTH", 10),
    maxAliases: positiveInteger("GATEWAY_MAX_ALIASES", 30),
    maxTokens: positiveInteger("GATEWAY_MAX_TOKENS", 5_000),
    maxDirectives: positiveInteger("GATEWAY_MAX_DIRECTIVES", 50),
    maxCost: positiveInteger("GATEWAY_MAX_COST", 50_000),
    maxSelections: positiveInteger("GATEWAY_MAX_SELECTIONS", 2_000),
    defaultListSize: positiveInteger("GATEWAY_DEFAULT_LIST_SIZE", 10),
    ratePerMinute: positiveInteger("RATE_LIMIT_PER_MINUTE", 6_000),
    maxSubscriptionsPerKey: positiveInteger("MAX_SUBSCRIPTIONS_PER_KEY", 100),
    inFlightCost: positiveInteger("GATEWAY_IN_FLIGHT_COST", 10_000),
    inFlightTotalCost: positiveInteger("GATEWAY_TOTAL_IN_FLIGHT_COST", 40_000),
    maxQueued: positiveInteger("GATEWAY_MAX_QUEUED", 64),
    maxQueueWaitMs: positiveInteger("GATEWAY_MAX_QUEUE_WAIT_MS", 10_000),
    hideSuggestions: process.env.NODE_ENV === "production",
    ...overrides,
  };
}
