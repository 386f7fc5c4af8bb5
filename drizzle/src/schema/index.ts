export * as access from "./access";
export * as catalog from "./catalog";
export * as compositeSets from "./compositeSets";
export * as monitoring from "./monitoring";
export * as onboarding from "./onboarding";
export * as people from "./people";
export * as person from "./person";
export * as portal from "./portal";
