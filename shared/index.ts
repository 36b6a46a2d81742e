/** The Lantern protocol package: shapes, schemas, error codes and event maps. No I/O. */
export * from "./errors.ts";
export * from "./events.ts";
export * from "./integrations.ts";
export * from "./schemas.ts";
export * from "./types.ts";
