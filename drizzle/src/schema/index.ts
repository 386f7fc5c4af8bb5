export * as access from "./access";
export * as catalog from "./catalog";
export * as person from "./person";
