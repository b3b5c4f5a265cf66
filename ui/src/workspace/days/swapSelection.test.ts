import { describe, expect, it } from "vitest";
import { chooseCell } from "./swapSelection";

const ada1 = { applicantId: 1, round: 1 };
const bea1 = { applicantId: 2, round: 1 };
const bea2 = { applicantId: 2, round: 2 };

describe("choosing cells to swap", () => {
  it("holds the first cell, then swaps it with a second of the same round", () => {
    const first = chooseCell(null, ada1);
    expect(first).toEqual({ kind: "selected", slot: ada1 });
    expect(chooseCell(ada1, bea1)).toEqual({ kind: "swap", a: ada1, b: bea1 });
  });

  it("lets go when the held cell is chosen again", () => {
    expect(chooseCell(ada1, { ...ada1 })).toEqual({ kind: "cleared" });
  });

  it("holds a cell of another round instead of swapping across rounds", () => {
    expect(chooseCell(ada1, bea2)).toEqual({ kind: "selected", slot: bea2 });
  });
});
