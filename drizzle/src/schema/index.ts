export * as catalog from "./catalog";
export * as person from "./person";
