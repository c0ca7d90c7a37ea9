import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** Serves the chat page (src/web/public) and Swagger UI's files (swagger-ui-dist) from disk. */
export function nodeStaticAssets(): MiddlewareHandler {
  const webRoot = relative(process.cwd(), fileURLToPath(new URL("../web/public", import.meta.url))) || ".";
  const swaggerRoot = relative(process.cwd(), dirname(require.resolve("swagger-ui-dist/package.json")));
  const web = serveStatic({ root: webRoot });
  const swagger = serveStatic({ root: swaggerRoot, rewriteRequestPath: (p) => p.replace(/^\/docs\/assets/, "") });
  return async function staticAssets(c, next) {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const path = c.req.path;
    if (path === "/docs/assets/swagger-ui-bundle.js" || path === "/docs/assets/swagger-ui.css") return swagger(c, next);
    if (path === "/" || path.startsWith("/assets/")) return web(c, next);
    return next();
  };
}
