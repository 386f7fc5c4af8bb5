export * from "./logger";
export * from "./metrics";
export * from "./requests";
export * from "./tracing";
