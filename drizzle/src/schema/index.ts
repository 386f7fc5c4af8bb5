export * as access from "./access";
export * as catalog from "./catalog";
export * as monitoring from "./monitoring";
export * as person from "./person";
export * as compositeSets from "./compositeSets";
