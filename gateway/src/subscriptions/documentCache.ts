import { type DocumentNode, parse } from "graphql";

/** Distinct subscription documents kept parsed; the least recently used is dropped past this. */
const MAX_DOCUMENTS = 256;
/**
 * Longer documents are parsed for each subscription as before: with these bounds the cache
 * holds at most about 30 MB however many distinct documents clients send.
 */
const MAX_CACHED_LENGTH = 2_000;

const parsed = new Map<string, DocumentNode>();

/**
 * Parses a subscription document once for all the subscriptions that send the same text:
 * thousands of subscribers of one back-end send one document, and each parse (with its
 * token locations) holds about 11 kB for the subscription's lifetime. Documents are never
 * modified after parsing, so one copy can serve every subscription. Throws what `parse`
 * throws (a GraphQLError naming the syntax error).
 */
export function parseShared(query: string): DocumentNode {
  const known = parsed.get(query);
  if (known) {
    // Most recently used last: the Map's order is the eviction order.
    parsed.delete(query);
    parsed.set(query, known);
    return known;
  }
  const document = parse(query);
  if (query.length > MAX_CACHED_LENGTH) return document;
  parsed.set(query, document);
  if (parsed.size > MAX_DOCUMENTS) parsed.delete(parsed.keys().next().value!);
  return document;
}
