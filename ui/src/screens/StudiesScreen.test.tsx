import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StudySummary } from "../bindings/types";
import { StudiesScreen } from "./StudiesScreen";

vi.mock("../bindings/commands", () => ({
  commands: {
    startupState: vi.fn(),
    listStudies: vi.fn(),
    createStudy: vi.fn(),
    loadDemoStudy: vi.fn(),
  },
}));

const { commands } = await import("../bindings/commands");
const mocked = vi.mocked(commands);

const interviews: StudySummary = {
  id: 1,
  name: "Remote work interviews",
  description: "How teams stay in touch",
  timeZone: "Europe/Berlin",
  interviewMinutes: 45,
  createdAt: "2025-03-07T09:30:00Z",
};
const diary: StudySummary = {
  id: 2,
  name: "Diary follow-ups",
  description: "",
  timeZone: "America/Chicago",
  interviewMinutes: 90,
  createdAt: "2024-11-20T15:00:00Z",
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  vi.resetAllMocks();
});

describe("StudiesScreen", () => {
  it("shows the empty state with both actions when there are no studies", async () => {
    mocked.listStudies.mockResolvedValue([]);
    render(<StudiesScreen onError={vi.fn()} onOpen={vi.fn()} />);

    const empty = await screen.findByTestId("studies-empty");
    expect(empty.textContent).toContain("You have no studies yet.");
    expect(within(empty).getByTestId("create-study-button").textContent).toBe("Create a study");
    expect(within(empty).getByTestId("load-demo-button").textContent).toBe("Load a demo study");
    expect(screen.queryByTestId("studies-list")).toBeNull();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Studies");
  });

  it("lists each study with its name, description, time zone, length and date", async () => {
    mocked.listStudies.mockResolvedValue([interviews, diary]);
    render(<StudiesScreen onError={vi.fn()} onOpen={vi.fn()} />);

    const list = await screen.findByTestId("studies-list");
    const rows = within(list).getAllByTestId("study-row");
    expect(rows.map((row) => within(row).getByTestId("study-name").textContent)).toEqual([
      "Remote work interviews",
      "Diary follow-ups",
    ]);
    const first = rows[0]!;
    expect(first.textContent).toContain("How teams stay in touch");
    expect(first.textContent).toContain("Europe/Berlin");
    expect(first.textContent).toContain("45 min");
    const created = first.querySelector("time");
    expect(created?.getAttribute("datetime")).toBe("2025-03-07T09:30:00Z");
    expect(created?.textContent).toContain("2025");
    expect(rows[1]!.textContent).toContain("90 min");
    expect(screen.queryByTestId("studies-empty")).toBeNull();
  });

  it("loads the demo study and shows it", async () => {
    mocked.listStudies.mockResolvedValueOnce([]).mockResolvedValueOnce([diary]);
    mocked.loadDemoStudy.mockResolvedValue(diary);
    render(<StudiesScreen onError={vi.fn()} onOpen={vi.fn()} />);

    fireEvent.click(await screen.findByTestId("load-demo-button"));

    expect(await screen.findByTestId("study-name")).toHaveProperty("textContent", "Diary follow-ups");
    expect(mocked.loadDemoStudy).toHaveBeenCalledTimes(1);
    expect(mocked.listStudies).toHaveBeenCalledTimes(2);
  });

  it("reports a failed load as an AppError and offers to try again", async () => {
    const onError = vi.fn();
    mocked.listStudies
      .mockRejectedValueOnce({ code: "storage", message: "disk I/O error" })
      .mockResolvedValueOnce([interviews]);
    render(<StudiesScreen onError={onError} onOpen={vi.fn()} />);

    const retry = await screen.findByRole("button", { name: "Try again" });
    expect(onError).toHaveBeenCalledWith({ code: "storage", message: "disk I/O error" });
    expect(screen.queryByTestId("studies-empty")).toBeNull();

    fireEvent.click(retry);
    expect((await screen.findAllByTestId("study-row")).length).toBe(1);
  });

  it("reports a failed demo load", async () => {
    const onError = vi.fn();
    mocked.listStudies.mockResolvedValue([]);
    mocked.loadDemoStudy.mockRejectedValue("command load_demo_study not found");
    render(<StudiesScreen onError={onError} onOpen={vi.fn()} />);

    fireEvent.click(await screen.findByTestId("load-demo-button"));

    await waitFor(() =>
      expect(onError).toHaveBeenCalledWith({
        code: "internal",
        message: "command load_demo_study not found",
      }),
    );
    expect((screen.getByTestId("load-demo-button") as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("creating a study", () => {
  async function openDialog() {
    fireEvent.click(await screen.findByTestId("new-study-button"));
    return screen.findByTestId("study-dialog");
  }

  it("opens with the defaults and closes on Escape", async () => {
    mocked.listStudies.mockResolvedValue([]);
    render(<StudiesScreen onError={vi.fn()} onOpen={vi.fn()} />);

    const dialog = await openDialog();
    expect(within(dialog).getByRole("heading").textContent).toBe("New study");
    expect((screen.getByTestId("study-name-input") as HTMLInputElement).value).toBe("");
    expect((screen.getByTestId("study-minutes-input") as HTMLInputElement).value).toBe("60");
    expect((screen.getByTestId("study-timezone-input") as HTMLInputElement).value).toBe(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );

    fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("study-dialog")).toBeNull());
  });

  it("shows field errors and sends nothing while the form is invalid", async () => {
    mocked.listStudies.mockResolvedValue([]);
    render(<StudiesScreen onError={vi.fn()} onOpen={vi.fn()} />);
    await openDialog();

    fireEvent.change(screen.getByTestId("study-minutes-input"), { target: { value: "500" } });
    fireEvent.click(screen.getByTestId("study-submit"));

    const nameInput = screen.getByTestId("study-name-input");
    expect(screen.getByTestId("study-name-error").textContent).toBe("Enter a name for the study.");
    expect(screen.getByTestId("study-interviewMinutes-error").textContent).toBe(
      "Use between 5 and 480 minutes.",
    );
    expect(nameInput.getAttribute("aria-invalid")).toBe("true");
    expect(nameInput.getAttribute("aria-describedby")).toBe(
      screen.getByTestId("study-name-error").id,
    );
    expect(document.activeElement).toBe(nameInput);
    expect(mocked.createStudy).not.toHaveBeenCalled();

    // Once shown, errors follow the input so the researcher sees the fix take effect.
    fireEvent.change(nameInput, { target: { value: "Pilot" } });
    expect(screen.queryByTestId("study-name-error")).toBeNull();
  });

  it("creates the study, disables submit while saving, closes and refreshes", async () => {
    const created: StudySummary = { ...interviews, id: 7, name: "Pilot", description: "" };
    const saving = deferred<StudySummary>();
    mocked.listStudies.mockResolvedValueOnce([]).mockResolvedValueOnce([created]);
    mocked.createStudy.mockReturnValue(saving.promise);
    render(<StudiesScreen onError={vi.fn()} onOpen={vi.fn()} />);
    await openDialog();

    fireEvent.change(screen.getByTestId("study-name-input"), { target: { value: "  Pilot " } });
    fireEvent.change(screen.getByTestId("study-timezone-input"), {
      target: { value: "Europe/Berlin" },
    });
    fireEvent.change(screen.getByTestId("study-minutes-input"), { target: { value: "45" } });
    fireEvent.click(screen.getByTestId("study-submit"));

    const submit = screen.getByTestId("study-submit") as HTMLButtonElement;
    await waitFor(() => expect(submit.disabled).toBe(true));
    expect(mocked.createStudy).toHaveBeenCalledWith({
      name: "Pilot",
      description: "",
      timeZone: "Europe/Berlin",
      interviewMinutes: 45,
    });

    await act(async () => saving.resolve(created));

    await waitFor(() => expect(screen.queryByTestId("study-dialog")).toBeNull());
    expect((await screen.findByTestId("study-name")).textContent).toBe("Pilot");
    expect(mocked.listStudies).toHaveBeenCalledTimes(2);
  });

  it("keeps the dialog open and shows the back end's invalid_input message", async () => {
    const onError = vi.fn();
    mocked.listStudies.mockResolvedValue([]);
    mocked.createStudy.mockRejectedValue({
      code: "invalid_input",
      message: "A study named Pilot already exists; choose another name.",
      fields: [{ field: "name", message: "A study named Pilot already exists; choose another name." }],
    });
    render(<StudiesScreen onError={onError} onOpen={vi.fn()} />);
    const dialog = await openDialog();

    fireEvent.change(screen.getByTestId("study-name-input"), { target: { value: "Pilot" } });
    fireEvent.change(screen.getByTestId("study-timezone-input"), { target: { value: "UTC" } });
    fireEvent.click(screen.getByTestId("study-submit"));

    const banner = await within(dialog).findByTestId("error-banner");
    expect(banner.getAttribute("role")).toBe("alert");
    expect(banner.textContent).toContain("A study named Pilot already exists; choose another name.");
    expect(banner.textContent).toContain("Correct the highlighted field and try again.");
    expect(screen.getByTestId("study-name-input").getAttribute("aria-invalid")).toBe("true");
    expect((screen.getByTestId("study-submit") as HTMLButtonElement).disabled).toBe(false);
    expect(onError).not.toHaveBeenCalled();
    expect(mocked.listStudies).toHaveBeenCalledTimes(1);
  });
});
