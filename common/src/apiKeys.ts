import { createHash } from "node:crypto";

/**
 * The stored form of an API key: its SHA-256 in hex. The catalog writes it when it issues a
 * key, the gateway looks keys up and counts rate limits by it; one function keeps them equal.
 */
export const hashApiKey = (key: string): string => createHash("sha256").update(key).digest("hex");
