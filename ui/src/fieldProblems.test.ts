import { describe, expect, it } from "vitest";
import { fieldProblems } from "./fieldProblems";

describe("fieldProblems", () => {
  it("gives each of the back end's problems to the field it names", () => {
    const { fields, rest } = fieldProblems(
      {
        code: "invalid_input",
        message: "Fill in the participant's name. \"bad\" is not an email address.",
        fields: [
          { field: "name", message: "Fill in the participant's name." },
          { field: "email", message: '"bad" is not an email address.' },
          { field: "email", message: "Shorten it." },
          { field: "somethingElse", message: "Not this form's." },
        ],
      },
      ["name", "email", "phone"] as const,
    );
    expect(fields).toEqual({
      name: "Fill in the participant's name.",
      email: '"bad" is not an email address. Shorten it.',
    });
    expect(rest).toEqual(["Not this form's."]);
  });

  it("keeps an error about no field whole, whatever its words say", () => {
    const { fields, rest } = fieldProblems(
      { code: "storage", message: "The email name time zone database is busy.", fields: [] },
      ["name", "email", "timeZone"] as const,
    );
    expect(fields).toEqual({});
    expect(rest).toEqual(["The email name time zone database is busy."]);
  });
});
