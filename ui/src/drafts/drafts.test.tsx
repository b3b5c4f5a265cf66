import { act, fireEvent, render, renderHook, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailProfile } from "../bindings/types";
import { loadDraft, saveDraft, startingValue } from "./drafts";
import { useDraft } from "./useDraft";

vi.mock("../bindings/commands", () => ({
  commands: { mailProfile: vi.fn(), updateMailProfile: vi.fn() },
}));

const { commands } = await import("../bindings/commands");
const { MailSettings } = await import("../settings/MailSettings");
const mocked = vi.mocked(commands);

const profile: MailProfile = {
  researcherName: "Dr Sam Rivera",
  researcherEmail: "sam@example.org",
  timeZone: "Europe/Berlin",
  account: null,
  syncAutomatically: false,
};

beforeEach(() => {
  window.localStorage.clear();
  vi.resetAllMocks();
});

describe("drafts", () => {
  it("restores a kept draft only when it differs from what is saved", () => {
    expect(startingValue("t", { a: 1 })).toEqual({ value: { a: 1 }, restored: false });
    saveDraft("t", { a: 2 });
    expect(startingValue("t", { a: 1 })).toEqual({ value: { a: 2 }, restored: true });
    saveDraft("t", { a: 1 });
    expect(startingValue("t", { a: 1 })).toEqual({ value: { a: 1 }, restored: false });
    // A draft equal to the saved value is no longer worth keeping.
    expect(loadDraft("t")).toBeNull();
  });

  it("keeps every change, forgets it once saved, and can throw it away", () => {
    const { result } = renderHook(() => useDraft("subject", "Hello"));
    expect(result.current.value).toBe("Hello");
    act(() => result.current.setValue("Hello there"));
    expect(loadDraft("subject")).toBe("Hello there");
    expect(result.current.dirty).toBe(true);
    act(() => result.current.markSaved("Hello there"));
    expect(loadDraft("subject")).toBeNull();
    expect(result.current.dirty).toBe(false);
    act(() => result.current.setValue("Hi"));
    act(() => result.current.discard());
    expect(result.current.value).toBe("Hello there");
    expect(loadDraft("subject")).toBeNull();
  });

  it("brings unsaved Settings back after the window was closed, with a note", async () => {
    mocked.mailProfile.mockResolvedValue(profile);
    const first = render(<MailSettings />);
    fireEvent.change(await screen.findByTestId("settings-name"), { target: { value: "Dr Sam Rivera-Okafor" } });
    expect(screen.getByTestId("settings-save-state").textContent).toBe("Unsaved changes");
    first.unmount();

    render(<MailSettings />);
    expect(await screen.findByTestId("settings-draft-restored")).toBeTruthy();
    expect((screen.getByTestId("settings-name") as HTMLInputElement).value).toBe("Dr Sam Rivera-Okafor");

    fireEvent.click(screen.getByRole("button", { name: "Discard them" }));
    expect((screen.getByTestId("settings-name") as HTMLInputElement).value).toBe("Dr Sam Rivera");
    expect(screen.queryByTestId("settings-draft-restored")).toBeNull();
  });

  it("forgets the draft once the profile is saved", async () => {
    mocked.mailProfile.mockResolvedValue(profile);
    mocked.updateMailProfile.mockImplementation(async (p) => p);
    render(<MailSettings />);
    fireEvent.change(await screen.findByTestId("settings-name"), { target: { value: "Dr Sam Rivera-Okafor" } });
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByText("Saved.");
    expect(mocked.updateMailProfile).toHaveBeenCalledWith(
      expect.objectContaining({ researcherName: "Dr Sam Rivera-Okafor", account: null }),
    );
    expect(loadDraft("settings.mail")).toBeNull();
  });

  it("marks and focuses the field the back end's refusal names, with its message above the form", async () => {
    mocked.mailProfile.mockResolvedValue(profile);
    // Worded so that no field can be guessed from it: the field comes from the refusal itself.
    const message = "This one cannot receive messages; check it for typing mistakes.";
    mocked.updateMailProfile.mockRejectedValue({
      code: "invalid_input",
      message,
      fields: [{ field: "researcherEmail", message }],
    });
    render(<MailSettings />);
    fireEvent.change(await screen.findByTestId("settings-name"), { target: { value: "Dr Sam Rivera-Okafor" } });
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByText(message);
    const email = screen.getByTestId("settings-email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(email);
    expect(screen.getByTestId("settings-name").getAttribute("aria-invalid")).toBeNull();
  });
});
