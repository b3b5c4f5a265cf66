import { describe, expect, it, vi } from "vitest";
import { dataChanged, onDataChanged } from "./dataChanged";

describe("dataChanged", () => {
  it("tells every listener until it stops listening", () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = onDataChanged(first);
    const stopSecond = onDataChanged(second);
    dataChanged();
    stopFirst();
    dataChanged();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    stopSecond();
  });
});
