/** The widget's token keeper is the typed client's (shared/client/token.ts). */
export * from "../../../shared/client/token.ts";
