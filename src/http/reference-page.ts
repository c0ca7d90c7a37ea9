/**
 * The interactive API reference: Swagger UI (swagger-ui-dist), served by the app
 * itself from /docs/assets/ so it works offline and without a CDN.
 */
export function referencePage(specUrl: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政策问答 API 参考</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-spec-url="${specUrl}"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>`;
}

/** Kept out of the HTML so the page runs under a strict Content-Security-Policy (no inline script). */
export const REFERENCE_INIT_SCRIPT = `window.addEventListener("load", function () {
  var el = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: el.getAttribute("data-spec-url"), dom_id: "#swagger-ui", tryItOutEnabled: true });
});`;
