import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailProfile } from "../bindings/types";
import { SignInPanel } from "./SignInPanel";

vi.mock("../bindings/commands", () => ({
  commands: {
    signInMail: vi.fn(),
    setMailSignInMethod: vi.fn(),
  },
}));

const { commands } = await import("../bindings/commands");
const mocked = vi.mocked(commands);

const signedIn: MailProfile = {
  researcherName: "Dr Sam Rivera",
  researcherEmail: "sam@uni.example.org",
  timeZone: "Europe/Berlin",
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
  syncAutomatically: false,
};

beforeEach(() => {
  vi.resetAllMocks();
});

describe("signing in from Settings", () => {
  it("saves the account first, signs in with the chosen provider and reports the new profile", async () => {
    const order: string[] = [];
    const onBeforeUse = vi.fn(async () => {
      order.push("save");
      return true;
    });
    const onChanged = vi.fn();
    mocked.signInMail.mockImplementation(async () => {
      order.push("sign in");
      return signedIn;
    });
    render(<SignInPanel auth="password" hasAccount onBeforeUse={onBeforeUse} onChanged={onChanged} />);
    fireEvent.change(screen.getByTestId("settings-sign-in-tenant"), { target: { value: "organizations" } });
    fireEvent.click(screen.getByTestId("settings-sign-in-microsoft"));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(signedIn));
    expect(order).toEqual(["save", "sign in"]);
    expect(mocked.signInMail).toHaveBeenCalledWith({
      provider: "microsoft",
      tenant: "organizations",
      issuer: null,
      clientId: null,
      clientSecret: null,
    });
    expect(screen.getByTestId("settings-sign-in-status").textContent).toMatch(/Signed in with Microsoft/);
  });

  it("shows the reason a sign-in failed and leaves the account as it was", async () => {
    const onChanged = vi.fn();
    mocked.signInMail.mockRejectedValue({
      code: "mail",
      message: "The sign-in with Google was not finished within 5 minutes; start it again and finish it in the browser.",
    });
    render(<SignInPanel auth="password" hasAccount onBeforeUse={async () => true} onChanged={onChanged} />);
    fireEvent.click(screen.getByTestId("settings-sign-in-google"));
    await screen.findByText(/not finished within 5 minutes/);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("switches back to a password only when asked", async () => {
    const onChanged = vi.fn();
    const withPassword: MailProfile = { ...signedIn, account: { ...signedIn.account!, auth: "password" } };
    mocked.setMailSignInMethod.mockResolvedValue(withPassword);
    const { rerender } = render(
      <SignInPanel auth="password" hasAccount onBeforeUse={async () => true} onChanged={onChanged} />,
    );
    expect(screen.queryByTestId("settings-use-password")).toBeNull();
    rerender(<SignInPanel auth="oauth2" hasAccount onBeforeUse={async () => true} onChanged={onChanged} />);
    fireEvent.click(screen.getByTestId("settings-use-password"));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(withPassword));
    expect(mocked.setMailSignInMethod).toHaveBeenCalledWith("password");
  });
});
