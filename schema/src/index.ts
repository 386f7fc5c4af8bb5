export * from "./accessMarks";
export { composeSupergraph } from "./compose";
export * from "./dataGroups";
export * from "./sdl";
export * from "./subgraphs";
export { allDataGroupNames, loadSupergraphSdl } from "./supergraph";
