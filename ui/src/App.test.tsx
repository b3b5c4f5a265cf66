import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./App";
import type { AppEvent } from "./bindings/types";

vi.mock("./bindings/commands", () => ({
  commands: {
    startupState: vi.fn(),
    listStudies: vi.fn(),
    messageLanguages: vi.fn().mockResolvedValue([{ tag: "en-GB", name: "English (United Kingdom)", base: "en" }]),
    studySettings: vi.fn().mockResolvedValue({ language: "en-GB" }),
    messageTemplates: vi.fn().mockResolvedValue([]),
    createStudy: vi.fn(),
    loadDemoStudy: vi.fn(),
    about: vi.fn(),
    openLogsFolder: vi.fn(),
    subscribeAppEvents: vi.fn(),
    listInterviewers: vi.fn(),
    importCalendarFile: vi.fn(),
    lastKnownData: vi.fn(),
    databaseChoice: vi.fn(),
  },
}));

// The app's events (menu choices, opened files) come through here; tests send them by hand.
const appEvents = vi.hoisted(() => ({ listener: null as ((event: AppEvent) => void) | null }));
vi.mock("./appEvents", () => ({
  onAppEvent: (listener: (event: AppEvent) => void) => {
    appEvents.listener = listener;
    return () => {
      appEvents.listener = null;
    };
  },
}));

function send(event: AppEvent) {
  act(() => appEvents.listener?.(event));
}

const { commands } = await import("./bindings/commands");
const mocked = vi.mocked(commands);

const ready = {
  status: "ready",
  dataDir: "/home/ada/.local/share/confab",
  databasePath: "/home/ada/.local/share/confab/confab.sqlite3",
  teamDatabase: null,
} as const;

const study = {
  id: 7,
  name: "Sleep diaries",
  description: "",
  timeZone: "UTC",
  interviewMinutes: 30,
  createdAt: "2026-01-01T00:00:00Z",
};

const about = {
  version: "0.1.0",
  license: "MIT",
  dataDir: ready.dataDir,
  logDir: "/home/ada/.local/share/org.confab.desktop/logs",
};

beforeEach(() => {
  vi.resetAllMocks();
  mocked.about.mockResolvedValue(about);
  // Settings → Database and the last-known view ask once; these tests look elsewhere.
  mocked.databaseChoice.mockReturnValue(new Promise(() => {}));
  mocked.lastKnownData.mockResolvedValue(null);
});

describe("App", () => {
  it("shows only the startup error when the database could not be opened", async () => {
    mocked.startupState.mockResolvedValue({
      status: "failed",
      error: { code: "database_too_new", message: "The database was written by Confab 3.1." },
    });
    render(<App />);

    const alert = await screen.findByTestId("startup-error");
    expect(alert.getAttribute("role")).toBe("alert");
    expect(within(alert).getByRole("heading").textContent).toBe("Confab could not open its database");
    expect(alert.textContent).toContain("The database was written by Confab 3.1.");
    // The back end's message already says what to do; the window adds nothing to it.
    expect(alert.querySelectorAll("p")).toHaveLength(1);
    expect(screen.queryByTestId("nav-studies")).toBeNull();
    expect(screen.queryByTestId("screen-studies")).toBeNull();
  });

  it("treats a rejected startup call as a startup failure", async () => {
    mocked.startupState.mockRejectedValue("command startup_state not found");
    render(<App />);

    const alert = await screen.findByTestId("startup-error");
    expect(alert.textContent).toContain("command startup_state not found");
  });

  it("shows a loading indicator until the startup state arrives", () => {
    mocked.startupState.mockReturnValue(new Promise(() => {}));
    render(<App />);

    expect(screen.getByRole("status").textContent).toBe("Opening Confab…");
  });

  it("is the whole window at its first render when the first answers came before it", () => {
    const answers = { startup: ready, studies: [study] };
    render(<App first={Promise.resolve(answers)} answered={answers} />);

    // No loading state first, and nothing asked again: the list is there as rendered.
    expect(screen.queryByText("Opening Confab…")).toBeNull();
    expect(screen.getByTestId("screen-studies").textContent).toContain("Sleep diaries");
    expect(mocked.startupState).not.toHaveBeenCalled();
    expect(mocked.listStudies).not.toHaveBeenCalled();
  });

  it("shows a failed start at its first render when that was the first answer", () => {
    const failed = { status: "failed", error: { code: "database_too_new", message: "Written by Confab 3.1." } } as const;
    const answers = { startup: failed, studies: null };
    render(<App first={Promise.resolve(answers)} answered={answers} />);

    expect(screen.getByTestId("startup-error").textContent).toContain("Written by Confab 3.1.");
  });

  it("starts on Studies and switches screens from the sidebar", async () => {
    mocked.startupState.mockResolvedValue(ready);
    mocked.listStudies.mockResolvedValue([]);
    render(<App />);

    await screen.findByTestId("screen-studies");
    expect(screen.getByTestId("nav-studies").getAttribute("aria-current")).toBe("page");
    expect(screen.getByTestId("nav-settings").hasAttribute("aria-current")).toBe(false);

    fireEvent.click(screen.getByTestId("nav-outbox"));
    // The outbox's code loads on first use; the studies stay, with no loading line, until it is there.
    expect(screen.queryByText("Loading…")).toBeNull();
    expect(screen.getByTestId("screen-studies")).toBeTruthy();
    const outbox = await screen.findByTestId("screen-outbox");
    expect(within(outbox).getByRole("heading", { level: 1 }).textContent).toBe("Outbox");
    expect(screen.getByTestId("nav-outbox").getAttribute("aria-current")).toBe("page");
    expect(screen.queryByTestId("screen-studies")).toBeNull();

    fireEvent.click(screen.getByTestId("nav-settings"));
    expect((await screen.findByTestId("settings-data-dir")).textContent).toBe(ready.dataDir);
    expect(screen.getByTestId("settings-database-path").textContent).toBe(ready.databasePath);
  });

  it("shows command errors in a dismissible banner", async () => {
    mocked.startupState.mockResolvedValue(ready);
    mocked.listStudies.mockRejectedValue({ code: "storage", message: "disk I/O error" });
    render(<App />);

    const banner = await screen.findByTestId("error-banner");
    expect(banner.getAttribute("role")).toBe("alert");
    expect(banner.textContent).toContain("disk I/O error");
    expect(banner.textContent).toContain("free space");

    fireEvent.click(within(banner).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("error-banner")).toBeNull();
  });

  it("opens About from the menu with the version, the data folder and the license", async () => {
    mocked.startupState.mockResolvedValue(ready);
    mocked.listStudies.mockResolvedValue([]);
    render(<App />);
    await screen.findByTestId("screen-studies");

    send({ kind: "showAbout" });
    const dialog = await screen.findByTestId("about-dialog");
    expect((await within(dialog).findByTestId("about-version")).textContent).toBe("0.1.0");
    expect(within(dialog).getByTestId("about-data-dir").textContent).toBe(ready.dataDir);
    expect(within(dialog).getByTestId("about-license").textContent).toBe("MIT");
    fireEvent.click(within(dialog).getByTestId("about-close"));
    await waitFor(() => expect(screen.queryByTestId("about-dialog")).toBeNull());
  });

  it("shows the logs folder in Settings, opens it, and links to About", async () => {
    mocked.startupState.mockResolvedValue(ready);
    mocked.listStudies.mockResolvedValue([]);
    mocked.openLogsFolder.mockResolvedValue(null);
    render(<App />);
    fireEvent.click(await screen.findByTestId("nav-settings"));

    expect((await screen.findByText(about.logDir)).getAttribute("data-testid")).toBe("settings-log-dir");
    fireEvent.click(screen.getByTestId("open-logs-button"));
    await waitFor(() => expect(mocked.openLogsFolder).toHaveBeenCalledTimes(1));

    fireEvent.click(screen.getByTestId("settings-about-link"));
    expect(await screen.findByTestId("about-dialog")).toBeTruthy();
  });

  it("reports a logs folder that could not be opened", async () => {
    mocked.startupState.mockResolvedValue(ready);
    mocked.listStudies.mockResolvedValue([]);
    mocked.openLogsFolder.mockRejectedValue({ code: "internal", message: "no file manager" });
    render(<App />);
    fireEvent.click(await screen.findByTestId("nav-settings"));
    fireEvent.click(await screen.findByTestId("open-logs-button"));

    expect((await screen.findByTestId("error-banner")).textContent).toContain("no file manager");
  });

  it("shows how a menu backup or restore ended", async () => {
    mocked.startupState.mockResolvedValue(ready);
    mocked.listStudies.mockResolvedValue([]);
    render(<App />);
    await screen.findByTestId("screen-studies");

    send({ kind: "backedUp", report: { path: "/backups/monday.sqlite3" } });
    const done = await screen.findByTestId("notice");
    expect(done.getAttribute("role")).toBe("status");
    expect(done.textContent).toContain("A copy was saved to /backups/monday.sqlite3.");

    send({
      kind: "actionFailed",
      action: "The restore",
      error: { code: "database_too_new", message: "It was written by a newer version of Confab." },
    });
    const failed = await screen.findByRole("alert");
    expect(failed.textContent).toContain("The restore did not complete");
    expect(failed.textContent).toContain("newer version of Confab");
    fireEvent.click(within(failed).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("notice")).toBeNull();
  });

  it("shows what it last knew, read-only, when the team database goes away while it is open", async () => {
    mocked.startupState.mockResolvedValue({ ...ready, teamDatabase: "db.lab.example:5432/confab" });
    mocked.listStudies.mockResolvedValue([]);
    render(<App />);
    await screen.findByTestId("screen-studies");

    send({
      kind: "teamDatabaseLost",
      error: { code: "database_unreachable", message: "Confab lost the connection to the team database: the server refuses connections." },
    });
    const view = await screen.findByTestId("startup-error");
    expect(view.getAttribute("data-code")).toBe("database_unreachable");
    expect(view.textContent).toContain("Confab lost the connection to the team database: the server refuses connections.");
    expect(view.querySelector("h1")?.textContent).toBe("The team database cannot be reached");
    expect(screen.queryByTestId("screen-studies")).toBeNull();
    await waitFor(() => expect(mocked.lastKnownData).toHaveBeenCalled());
  });

  it("shows a failed restore even when the database did not open", async () => {
    mocked.startupState.mockResolvedValue({
      status: "failed",
      error: { code: "database_corrupt", message: "The database is damaged." },
    });
    render(<App />);
    await screen.findByTestId("startup-error");

    send({
      kind: "actionFailed",
      action: "The restore",
      error: { code: "invalid_input", message: "notes.txt is not an SQLite database." },
    });
    expect((await screen.findByTestId("notice")).textContent).toContain("notes.txt is not an SQLite database.");
  });

  it("asks whose busy times an opened calendar file holds, then imports them", async () => {
    mocked.startupState.mockResolvedValue(ready);
    mocked.listStudies.mockResolvedValue([
      { id: 3, name: "Diary", description: "", timeZone: "UTC", interviewMinutes: 30, createdAt: "2026-01-01T00:00:00Z" },
      { id: 4, name: "Checkout", description: "", timeZone: "UTC", interviewMinutes: 30, createdAt: "2026-01-01T00:00:00Z" },
    ]);
    mocked.listInterviewers.mockImplementation(async (studyId: number) =>
      studyId === 4
        ? [
            { id: 8, studyId: 4, name: "Iris Chen", email: "iris@example.org", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null },
            { id: 9, studyId: 4, name: "Omar Haddad", email: "omar@example.org", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null },
          ]
        : [],
    );
    mocked.importCalendarFile.mockResolvedValue({ imported: 2, skipped: ["one event without an end"] });
    render(<App />);
    await screen.findByTestId("screen-studies");

    send({ kind: "calendarFileOpened", file: { id: 1, name: "omar.ics", path: "/tmp/omar.ics" } });
    const dialog = await screen.findByTestId("calendar-import-dialog");
    expect(within(dialog).getByTestId("calendar-file-name").textContent).toBe("omar.ics");
    // The first study has no interviewers: importing is not possible, and the dialog says why.
    await within(dialog).findByTestId("calendar-no-interviewers");
    expect((within(dialog).getByTestId("calendar-import-submit") as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(within(dialog).getByTestId("calendar-study"), { target: { value: "4" } });
    await waitFor(() =>
      expect((within(dialog).getByTestId("calendar-interviewer") as HTMLSelectElement).value).toBe("8"),
    );
    fireEvent.change(within(dialog).getByTestId("calendar-interviewer"), { target: { value: "9" } });
    fireEvent.click(within(dialog).getByTestId("calendar-import-submit"));

    const result = await within(dialog).findByTestId("calendar-import-result");
    expect(mocked.importCalendarFile).toHaveBeenCalledWith({ fileId: 1, interviewerId: 9 });
    expect(result.textContent).toContain("Imported 2 busy times for Omar Haddad.");
    expect(result.textContent).toContain("one event without an end");
    fireEvent.click(within(dialog).getByTestId("calendar-import-done"));
    await waitFor(() => expect(screen.queryByTestId("calendar-import-dialog")).toBeNull());
  });

  it("keeps the calendar dialog open with the reason when an import is refused", async () => {
    mocked.startupState.mockResolvedValue(ready);
    mocked.listStudies.mockResolvedValue([
      { id: 4, name: "Checkout", description: "", timeZone: "UTC", interviewMinutes: 30, createdAt: "2026-01-01T00:00:00Z" },
    ]);
    mocked.listInterviewers.mockResolvedValue([{ id: 8, studyId: 4, name: "Iris Chen", email: "iris@example.org", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null }]);
    mocked.importCalendarFile.mockRejectedValue({ code: "invalid_input", message: "The file is not a calendar." });
    render(<App />);
    await screen.findByTestId("screen-studies");

    send({ kind: "calendarFileOpened", file: { id: 2, name: "notes.ics", path: "/tmp/notes.ics" } });
    const dialog = await screen.findByTestId("calendar-import-dialog");
    await waitFor(() =>
      expect((within(dialog).getByTestId("calendar-import-submit") as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(within(dialog).getByTestId("calendar-import-submit"));
    expect((await within(dialog).findByTestId("error-banner")).textContent).toContain("The file is not a calendar.");
    expect(screen.getByTestId("calendar-import-dialog")).toBeTruthy();
  });
  // Last: it loads the outbox's code, which the tests above expect to load for the first time.
  it("asks for the studies with the startup state and shows them in the window's first render", async () => {
    let answer: (state: typeof ready) => void = () => {};
    mocked.startupState.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    mocked.listStudies.mockResolvedValue([study]);
    render(<App />);

    // Asked before the startup state has answered, not after the window is laid out.
    expect(mocked.listStudies).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("status").textContent).toBe("Opening Confab…");
    await act(async () => answer(ready));

    // No loading line between the window and its list: both come in one render.
    expect(screen.getByTestId("screen-studies")).toBeTruthy();
    expect(screen.getByText(study.name)).toBeTruthy();
    expect(mocked.listStudies).toHaveBeenCalledTimes(1);

    // Once the window has moved, coming back asks again.
    mocked.listStudies.mockResolvedValue([study, { ...study, id: 8, name: "Second study" }]);
    fireEvent.click(screen.getByTestId("nav-outbox"));
    await screen.findByTestId("screen-outbox");
    fireEvent.click(screen.getByTestId("nav-studies"));
    expect(await screen.findByText("Second study")).toBeTruthy();
    expect(mocked.listStudies).toHaveBeenCalledTimes(2);
  });
});
