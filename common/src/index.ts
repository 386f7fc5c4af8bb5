export * from "./conditions";
export * from "./errors";
export * from "./graphqlServer";
export * from "./http";
export * from "./identity";
export * from "./personCode";
export * from "./registrationNumber";
export * from "./subgraphAccess";
