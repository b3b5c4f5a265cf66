import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "./participantFieldErrors";

describe("fieldErrorsFrom", () => {
  it("gives each of the back end's problems to the field it names", () => {
    const { fields, other } = fieldErrorsFrom({
      code: "invalid_input",
      message: "joined",
      fields: [
        { field: "name", message: "Fill in the participant's name." },
        { field: "email", message: '"bad" is not an email address: it needs an @, as in someone@example.org.' },
        { field: "language", message: '"Klingon" is not a language Confab writes messages in.' },
      ],
    });
    expect(fields).toEqual({
      name: "Fill in the participant's name.",
      email: '"bad" is not an email address: it needs an @, as in someone@example.org.',
      language: '"Klingon" is not a language Confab writes messages in.',
    });
    expect(other).toEqual([]);
  });

  it("puts a taken address on the email field", () => {
    const { fields } = fieldErrorsFrom({
      code: "conflict",
      message: "A (#1) already has the email address a@b.org.",
      fields: [{ field: "email", message: "A (#1) already has the email address a@b.org." }],
    });
    expect(fields.email).toContain("already has the email address");
  });

  it("does not let the words of a message pick a field", () => {
    const { fields, other } = fieldErrorsFrom({ code: "storage", message: "The email and phone name store is busy." });
    expect(fields).toEqual({});
    expect(other).toEqual(["The email and phone name store is busy."]);
  });
});
