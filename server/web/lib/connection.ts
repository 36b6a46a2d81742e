/** The widget's and console's connection is the typed client's (shared/client/connection.ts). */
export * from "../../../shared/client/connection.ts";
