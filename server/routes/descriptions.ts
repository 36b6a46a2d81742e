/**
 * The API descriptions, served: `/openapi.json` (OpenAPI 3.1, every HTTP route),
 * `/asyncapi.json` (AsyncAPI 3, every Socket.IO event) and `/docs`, the OpenAPI document
 * rendered by Swagger UI (@fastify/swagger-ui, served from this server: no CDN). Both documents
 * are built once at start from the route table and shared/.
 */
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { asyncApiDocument } from "../descriptions/asyncapi.ts";
import { openApiDocument } from "../descriptions/openapi.ts";

export async function descriptionRoutes(app: FastifyInstance) {
  const openapi = openApiDocument();
  const asyncapi = asyncApiDocument();
  app.get("/openapi.json", async () => openapi);
  app.get("/asyncapi.json", async () => asyncapi);
  // Static mode: the document is ours, generated above; swagger only hands it to the UI.
  await app.register(swagger, { mode: "static", specification: { document: openapi as never } });
  await app.register(swaggerUi, {
    routePrefix: "/docs",
    uiConfig: { docExpansion: "list", deepLinking: false },
  });
}
