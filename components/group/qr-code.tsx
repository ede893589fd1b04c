import QRCode from "qrcode";

/**
 * A QR code for `text` as an SVG drawn by React: one path of dark modules on a white square,
 * with a quiet zone of `margin` modules. No markup from a library goes into the page
 * (no dangerouslySetInnerHTML). Rendered on the server; the qrcode package stays out of the
 * browser.
 */
export function QrCode({ text, label, className, margin = 1 }: { text: string; label: string; className?: string; margin?: number }) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size + 2 * margin;
  let path = "";
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) path += `M${col + margin} ${row + margin}h1v1h-1z`;
    }
  }
  return (
    <div role="img" aria-label={label} className={className}>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" aria-hidden="true" focusable="false">
        <rect width={size} height={size} fill="#ffffff" />
        <path d={path} fill="#000000" />
      </svg>
    </div>
  );
}
