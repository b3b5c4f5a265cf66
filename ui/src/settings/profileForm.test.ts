import { describe, expect, it } from "vitest";
import type { MailProfile } from "../bindings/types";
import { formFromProfile, profileFromForm, validateProfileForm, withSecurity } from "./profileForm";

const profile: MailProfile = {
  researcherName: "Dr Sam Rivera",
  researcherEmail: "sam@example.org",
  timeZone: "Europe/Berlin",
  account: {
    username: "",
    auth: "password",
    smtpHost: "smtp.example.org",
    smtpPort: 465,
    smtpSecurity: "tls",
    smtpLogin: true,
    imapHost: "imap.example.org",
    imapPort: 993,
    imapSecurity: "tls",
  },
  syncAutomatically: true,
};

describe("the mail profile form", () => {
  it("moves a port at its usual number along with the security, and leaves a typed one", () => {
    const form = formFromProfile(profile);
    expect(withSecurity(form, "smtp", "start_tls").smtpPort).toBe("587");
    expect(withSecurity({ ...form, smtpPort: "2525" }, "smtp", "start_tls").smtpPort).toBe("2525");
    expect(withSecurity(form, "imap", "plain").imapPort).toBe("143");
  });

  it("asks for the servers once any part of the account is filled in", () => {
    const form = { ...formFromProfile({ ...profile, account: null }), username: "sam" };
    const errors = validateProfileForm(form);
    expect(errors.smtpHost).toMatch(/SMTP/);
    expect(errors.imapHost).toMatch(/IMAP/);
    expect(validateProfileForm({ ...form, username: "" })).toEqual({});
  });

  it("refuses a port that is not one", () => {
    expect(validateProfileForm({ ...formFromProfile(profile), smtpPort: "" }).smtpPort).toBeDefined();
    expect(validateProfileForm({ ...formFromProfile(profile), imapPort: "70000" }).imapPort).toBeDefined();
  });

  it("reads mail from a day only when one is given, and refuses what is not a date", () => {
    const form = formFromProfile(profile);
    expect(form.readSince).toBe("");
    expect(profileFromForm(form).account).not.toHaveProperty("readSince");
    const since = { ...form, readSince: "2026-11-01" };
    expect(validateProfileForm(since)).toEqual({});
    expect(profileFromForm(since).account?.readSince).toBe("2026-11-01");
    expect(validateProfileForm({ ...form, readSince: "last week" }).readSince).toBeDefined();
  });

  it("round-trips, using the address as the user name when none is given", () => {
    const saved = profileFromForm(formFromProfile(profile));
    expect(saved).toEqual({ ...profile, account: { ...profile.account!, username: "sam@example.org" } });
  });
});
