import { describe, expect, it } from "vitest";
import { excelLayout } from "./excelLayout";

describe("the layout Excel reads", () => {
  it("separates cells with semicolons where the decimal sign is a comma, with a byte-order mark always", () => {
    expect(excelLayout("de-DE")).toEqual({ byteOrderMark: true, separator: "semicolon" });
    expect(excelLayout("fr-FR")).toEqual({ byteOrderMark: true, separator: "semicolon" });
    expect(excelLayout("en-US")).toEqual({ byteOrderMark: true, separator: "comma" });
    expect(excelLayout("en-GB")).toEqual({ byteOrderMark: true, separator: "comma" });
  });
});
