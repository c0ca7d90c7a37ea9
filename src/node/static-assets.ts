import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** uPlot's two files for the /admin chart, served from the package like Swagger UI's. */
export const UPLOT_FILES = ["uPlot.iife.min.js", "uPlot.min.css"] as const;

/** Serves the chat page (src/web/public), Swagger UI's files (swagger-ui-dist) and uPlot's (uplot) from disk. */
export function nodeStaticAssets(): MiddlewareHandler {
  const webRoot = relative(process.cwd(), fileURLToPath(new URL("../web/public", import.meta.url))) || ".";
  const swaggerRoot = relative(process.cwd(), dirname(require.resolve("swagger-ui-dist/package.json")));
  const web = serveStatic({ root: webRoot });
  const swagger = serveStatic({ root: swaggerRoot, rewriteRequestPath: (p) => p.replace(/^\/docs\/assets/, "") });
  const uplotRoot = relative(process.cwd(), join(dirname(require.resolve("uplot/package.json")), "dist"));
  const uplot = serveStatic({ root: uplotRoot, rewriteRequestPath: (p) => p.replace(/^\/admin\/assets/, "") });
  const uplotPaths = new Set(UPLOT_FILES.map((f) => `/admin/assets/${f}`));
  return async function staticAssets(c, next) {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const path = c.req.path;
    if (path === "/docs/assets/swagger-ui-bundle.js" || path === "/docs/assets/swagger-ui.css") return swagger(c, next);
    if (uplotPaths.has(path)) return uplot(c, next);
    if (path === "/" || path.startsWith("/assets/")) return web(c, next);
    return next();
  };
}
