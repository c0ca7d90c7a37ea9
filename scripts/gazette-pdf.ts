/**
 * How the project prints a gazette page to PDF with headless Chromium: A5, the
 * installed CJK font, a running header and a page-number footer (the furniture
 * the PDF reader must strip). Shared by the ingestion fixtures and the
 * ingestion benchmark so both print the same kind of PDF.
 */
export const GAZETTE_FONT = "WenQuanYi Micro Hei";

export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
};

/** Options for Playwright's page.pdf(): `header` is plain text, shown on every page when `withFurniture`. */
export function gazettePdfOptions(path: string, header: string, withFurniture = true) {
  const text = header.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
  return {
    path,
    width: "148mm",
    height: "210mm",
    displayHeaderFooter: withFurniture,
    headerTemplate: `<div style="font-family:'${GAZETTE_FONT}';font-size:9px;width:100%;text-align:center;">${text}</div>`,
    footerTemplate: `<div style="font-family:'${GAZETTE_FONT}';font-size:9px;width:100%;text-align:center;">— <span class="pageNumber"></span> —</div>`,
    margin: { top: "22mm", bottom: "20mm", left: "18mm", right: "18mm" },
  };
}
