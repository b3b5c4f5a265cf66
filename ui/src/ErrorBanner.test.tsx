import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ErrorBanner } from "./ErrorBanner";

describe("the error banner", () => {
  it("offers to sign in again when the provider no longer accepts the sign-in", () => {
    const onSignIn = vi.fn();
    render(
      <ErrorBanner
        error={{ code: "sign_in", message: "Sign in to your Microsoft account again: it no longer accepts Confab's saved sign-in." }}
        onDismiss={() => {}}
        onSignIn={onSignIn}
      />,
    );
    expect(screen.getByText(/nothing waiting in the outbox is lost/)).toBeTruthy();
    fireEvent.click(screen.getByTestId("error-sign-in"));
    expect(onSignIn).toHaveBeenCalledOnce();
  });

  it("offers nothing of the kind for other mail errors", () => {
    render(
      <ErrorBanner error={{ code: "mail", message: "The IMAP server refused the login." }} onDismiss={() => {}} onSignIn={() => {}} />,
    );
    expect(screen.queryByTestId("error-sign-in")).toBeNull();
  });
});
