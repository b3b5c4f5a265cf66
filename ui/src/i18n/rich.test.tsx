import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { richText } from "./rich";

describe("a message with parts of the window in it", () => {
  it("puts each part where its placeholder stands, as many times as it is named", () => {
    const { container } = render(
      <p>{richText("Drag {name} into a seat ({seats}), then select {name}.", { name: <strong>Gus</strong>, seats: 2 })}</p>,
    );
    expect(container.textContent).toBe("Drag Gus into a seat (2), then select Gus.");
    expect(container.querySelectorAll("strong")).toHaveLength(2);
  });

  it("leaves a placeholder it has no part for as written", () => {
    const { container } = render(<p>{richText("Times in {zone}", {})}</p>);
    expect(container.textContent).toBe("Times in {zone}");
  });
});
