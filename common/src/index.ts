export * from "./errors";
export * from "./graphqlServer";
export * from "./http";
export * from "./personCode";
