import { describe, expect, it } from "vitest";
import { detectPhotoType } from "./image-type";

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("detectPhotoType: by magic bytes, not by name", () => {
  it.each([
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"), "image/jpeg"],
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "image/png"],
    ["WebP", bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "), "image/webp"],
    ["text renamed to .jpg", bytes("Dit is geen foto"), null],
    ["HTML", bytes("<html><script>alert(1)</script>"), null],
    ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ["GIF", bytes("GIF89a"), null],
    ["a RIFF that is not WebP (WAV)", bytes("RIFF", [1, 2, 3, 4], "WAVEfmt "), null],
    ["empty", new Uint8Array(0), null],
    ["two bytes of a JPEG", bytes([0xff, 0xd8]), null],
  ])("%s", (_name, input, expected) => {
    expect(detectPhotoType(input)).toBe(expected);
  });
});
