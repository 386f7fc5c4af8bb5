export * from "./personCode";
