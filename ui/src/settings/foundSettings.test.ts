import { describe, expect, it } from "vitest";
import type { FoundMailSettings } from "../bindings/types";
import { formWithFound, foundSummary } from "./foundSettings";
import { formFromProfile } from "./profileForm";

const found: FoundMailSettings = {
  account: {
    username: "sam@uni.example.org",
    auth: "oauth2",
    smtpHost: "smtp.office365.com",
    smtpPort: 587,
    smtpSecurity: "start_tls",
    smtpLogin: true,
    imapHost: "outlook.office365.com",
    imapPort: 993,
    imapSecurity: "tls",
  },
  signIn: "microsoft",
  source: "the domain's MX record: its mail is handled by Outlook.com and Microsoft 365 (uni.mail.protection.outlook.com)",
  sourceKind: "mx",
};

describe("settings found from an address", () => {
  it("fill in the servers and keep the researcher's own details", () => {
    const before = formFromProfile({
      researcherName: "Dr Sam Rivera",
      researcherEmail: "sam@uni.example.org",
      timeZone: "Europe/Berlin",
      account: null,
      syncAutomatically: true,
    });
    const after = formWithFound(before, found);
    expect(after.researcherName).toBe("Dr Sam Rivera");
    expect(after.syncAutomatically).toBe(true);
    expect(after.smtpHost).toBe("smtp.office365.com");
    expect(after.smtpPort).toBe("587");
    expect(after.smtpSecurity).toBe("start_tls");
    expect(after.imapHost).toBe("outlook.office365.com");
    expect(after.username).toBe("sam@uni.example.org");
  });

  it("say where they came from and what to do next", () => {
    expect(foundSummary(found)).toMatch(/^Filled in from the domain's MX record: .* sign in with Microsoft below\.$/);
    expect(foundSummary({ ...found, signIn: "password" })).toContain("enter your password below");
  });
});
