import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { QrCode } from "@/components/group/qr-code";

/** The dark cells of a QR code SVG: our path (one square per cell) or the qrcode package's (runs of h strokes). */
function darkCells(svg: string): Set<string> {
  const cells = new Set<string>();
  const dark = [...svg.matchAll(/<path\b[^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes('"#000000"'));
  for (const d of dark.map((tag) => tag.match(/\sd="([^"]+)"/)![1])) {
    let x = 0;
    let y = 0;
    for (const [, command, args] of d.matchAll(/([MmHhVvz])([^MmHhVvz]*)/g)) {
      const n = args.trim().split(/[\s,]+/).filter(Boolean).map(Number);
      if (command === "M") [x, y] = n;
      else if (command === "m") [x, y] = [x + n[0], y + n[1]];
      else if (command === "h" && n[0] > 0) {
        for (let i = 0; i < n[0]; i += 1) cells.add(`${Math.floor(x) + i},${Math.floor(y)}`);
        x += n[0];
      } else if (command === "h") x += n[0];
    }
  }
  return cells;
}

describe("the flyer's QR code", () => {
  it("is drawn by React with the same modules as the qrcode package's own SVG, as one labelled image", async () => {
    const url = "https://buurtpreventie.gemeente.example/groepen/langeland-noord";
    const html = renderToStaticMarkup(createElement(QrCode, { text: url, label: `QR-code naar ${url}` }));
    const reference = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    expect(html).toMatch(/^<div role="img" aria-label="QR-code naar https:\/\/buurtpreventie[^"]*"><svg /);
    expect(html.match(/viewBox="([^"]+)"/)?.[1]).toBe(reference.match(/viewBox="([^"]+)"/)?.[1]);
    const ours = darkCells(html);
    expect(ours.size).toBeGreaterThan(100);
    expect([...ours].sort()).toEqual([...darkCells(reference)].sort());
  });
});
