// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("./styles.css", import.meta.url), "utf8");

function fontList(property: string): string[] {
  const found = new RegExp(`${property}:\\s*([^;]+);`).exec(css);
  if (!found?.[1]) throw new Error(`styles.css sets no ${property}`);
  return found[1].split(",").map((name) => name.trim());
}

describe("the window's fonts", () => {
  // Every family named before one that resolves is looked up by WebKitGTK before the first
  // paint (60 to 70 ms for seven names no engine used); see the comment in styles.css. The
  // desktop's font comes first under the name WebKitGTK finds in one lookup.
  it("name the desktop's font, with the engine's generic family behind it", () => {
    expect(fontList("--font-sans")).toEqual(["-webkit-system-font", "system-ui", "sans-serif"]);
    expect(fontList("--font-mono")).toEqual(["ui-monospace", "monospace"]);
  });
});
