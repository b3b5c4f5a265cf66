import { fireEvent, render, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./App";

vi.mock("./bindings/commands", () => ({
  commands: {
    startupState: vi.fn(),
    listStudies: vi.fn(),
    createStudy: vi.fn(),
    loadDemoStudy: vi.fn(),
  },
}));

const { commands } = await import("./bindings/commands");
const mocked = vi.mocked(commands);

const ready = {
  status: "ready",
  dataDir: "/home/ada/.local/share/confab",
  databasePath: "/home/ada/.local/share/confab/confab.sqlite3",
} as const;

beforeEach(() => {
  vi.resetAllMocks();
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
    expect(mocked.listStudies).not.toHaveBeenCalled();
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

  it("starts on Studies and switches screens from the sidebar", async () => {
    mocked.startupState.mockResolvedValue(ready);
    mocked.listStudies.mockResolvedValue([]);
    render(<App />);

    await screen.findByTestId("screen-studies");
    expect(screen.getByTestId("nav-studies").getAttribute("aria-current")).toBe("page");
    expect(screen.getByTestId("nav-settings").hasAttribute("aria-current")).toBe(false);

    for (const id of ["participants", "interviews", "outbox"]) {
      fireEvent.click(screen.getByTestId(`nav-${id}`));
      const screenRoot = screen.getByTestId(`screen-${id}`);
      expect(within(screenRoot).getByRole("heading", { level: 1 }).textContent).toBe(
        id[0]!.toUpperCase() + id.slice(1),
      );
      expect(screen.getByTestId(`nav-${id}`).getAttribute("aria-current")).toBe("page");
      expect(screen.queryByTestId("screen-studies")).toBeNull();
    }

    fireEvent.click(screen.getByTestId("nav-settings"));
    expect(screen.getByTestId("settings-data-dir").textContent).toBe(ready.dataDir);
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
});
