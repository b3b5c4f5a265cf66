import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "./participantFieldErrors";

describe("fieldErrorsFrom", () => {
  it("gives each sentence of the back end's message to the field it is about", () => {
    const { fields, other } = fieldErrorsFrom(
      'Fill in the participant\'s name. "bad" is not an email address: it needs an @, as in someone@example.org. "Mars/Base" is not a known time zone: choose one such as Europe/Berlin or America/New_York.',
    );
    expect(fields).toEqual({
      name: "Fill in the participant's name.",
      email: '"bad" is not an email address: it needs an @, as in someone@example.org.',
      timeZone: '"Mars/Base" is not a known time zone: choose one such as Europe/Berlin or America/New_York.',
    });
    expect(other).toEqual([]);
  });

  it("reads a taken address as an email error", () => {
    const { fields } = fieldErrorsFrom(
      "A (#1) already has the email address a@b.org. Edit that participant instead, or use another address.",
    );
    expect(fields.email).toContain("already has the email address");
  });

  it("does not let a typed value pick the field", () => {
    const { fields } = fieldErrorsFrom('"Phone Name" is not an email address: it needs an @.');
    expect(Object.keys(fields)).toEqual(["email"]);
  });

  it("keeps sentences about no field apart", () => {
    expect(fieldErrorsFrom("The database is busy.").other).toEqual(["The database is busy."]);
  });
});
