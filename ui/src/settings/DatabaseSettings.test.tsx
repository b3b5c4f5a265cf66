import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DatabaseChoiceView, TeamDatabaseSettings } from "../bindings/types";
import { StartupFailure } from "../StartupFailure";
import { DatabaseSettings } from "./DatabaseSettings";

vi.mock("../bindings/commands", () => ({
  commands: {
    databaseChoice: vi.fn(),
    checkTeamDatabase: vi.fn(),
    useTeamDatabase: vi.fn(),
    useThisComputer: vi.fn(),
    reopenDatabase: vi.fn(),
    lastKnownData: vi.fn(),
  },
}));

const { commands } = await import("../bindings/commands");
const mocked = vi.mocked(commands);

const lab: TeamDatabaseSettings = {
  host: "db.lab.example.edu",
  port: 5432,
  database: "diary",
  user: "ines",
  tls: "verified",
  caFile: null,
};

const onThisComputer: DatabaseChoiceView = { team: null, passwordSaved: false, fromEnvironment: null };
const onTheTeamDatabase: DatabaseChoiceView = { team: lab, passwordSaved: true, fromEnvironment: null };

function fillIn(fields: Record<string, string>) {
  for (const [field, value] of Object.entries(fields)) {
    fireEvent.change(screen.getByTestId(`database-${field}`), { target: { value } });
  }
}

beforeEach(() => {
  vi.resetAllMocks();
});

describe("Settings → Database", () => {
  it("starts on this computer and asks for the team database's fields only once it is chosen", async () => {
    mocked.databaseChoice.mockResolvedValue(onThisComputer);
    render(<DatabaseSettings onSwitched={vi.fn()} />);
    const local = (await screen.findByTestId("database-place-thisComputer")) as HTMLInputElement;
    expect(local.checked).toBe(true);
    expect(screen.queryByTestId("database-host")).toBeNull();
    expect(screen.queryByTestId("database-use-local")).toBeNull();
    fireEvent.click(screen.getByTestId("database-place-team"));
    expect(screen.getByLabelText("Server")).toBe(screen.getByTestId("database-host"));
    expect(screen.getByLabelText("Password")).toBe(screen.getByTestId("database-password"));
    expect((screen.getByTestId("database-port") as HTMLInputElement).value).toBe("5432");
    expect((screen.getByTestId("database-tls") as HTMLSelectElement).value).toBe("verified");
  });

  it("checks the connection and says what it found, then uses it and lets the window load afresh", async () => {
    mocked.databaseChoice.mockResolvedValue(onThisComputer);
    mocked.checkTeamDatabase.mockResolvedValue({ server: "db.lab.example.edu:5432/diary", version: "15.4", setUp: true });
    mocked.useTeamDatabase.mockResolvedValue({ status: "ready", dataDir: "/d", databasePath: "postgres://x", teamDatabase: "x" });
    const switched = vi.fn();
    render(<DatabaseSettings onSwitched={switched} />);
    fireEvent.click(await screen.findByTestId("database-place-team"));
    fillIn({ host: " db.lab.example.edu ", database: "diary", user: "ines", password: "s3cret" });
    fireEvent.click(screen.getByTestId("database-check"));
    const found = await screen.findByTestId("database-checked");
    expect(found.textContent).toContain("Signed in to db.lab.example.edu:5432/diary (PostgreSQL 15.4).");
    expect(found.textContent).toContain("a colleague set it up");
    expect(mocked.checkTeamDatabase).toHaveBeenCalledWith({
      settings: { ...lab, host: "db.lab.example.edu" },
      password: "s3cret",
    });
    expect(switched).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("database-use-team"));
    await waitFor(() => expect(switched).toHaveBeenCalledTimes(1));
    expect(mocked.useTeamDatabase).toHaveBeenCalledTimes(1);
  });

  it("marks the field the server's answer is about, and says the rest beside the buttons", async () => {
    mocked.databaseChoice.mockResolvedValue(onThisComputer);
    mocked.useTeamDatabase.mockRejectedValueOnce({
      code: "invalid_input",
      message: "Enter only the server's name.",
      fields: [{ field: "host", message: "Enter only the server's name." }],
    });
    mocked.useTeamDatabase.mockRejectedValueOnce({
      code: "database_sign_in",
      message: "The team database db.lab.example.edu:5432/diary did not let ines in.",
      fields: [],
    });
    const switched = vi.fn();
    render(<DatabaseSettings onSwitched={switched} />);
    fireEvent.click(await screen.findByTestId("database-place-team"));
    fillIn({ host: "db.lab.example.edu:5432", database: "diary", user: "ines", password: "typo" });
    fireEvent.click(screen.getByTestId("database-use-team"));
    expect((await screen.findByTestId("database-host-error")).textContent).toBe("Enter only the server's name.");
    expect(screen.getByTestId("database-host").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(screen.getByTestId("database-host"));

    fireEvent.click(screen.getByTestId("database-use-team"));
    const failed = await screen.findByTestId("database-failed");
    expect(failed.getAttribute("data-code")).toBe("database_sign_in");
    expect(failed.textContent).toContain("did not let ines in");
    expect(screen.queryByTestId("database-host-error")).toBeNull();
    expect(switched).not.toHaveBeenCalled();
  });

  it("on the team database, keeps the saved password and offers the way back to this computer", async () => {
    mocked.databaseChoice.mockResolvedValue(onTheTeamDatabase);
    mocked.useThisComputer.mockResolvedValue({ status: "ready", dataDir: "/d", databasePath: "/d/confab.sqlite3", teamDatabase: null });
    const switched = vi.fn();
    render(<DatabaseSettings onSwitched={switched} />);
    const team = (await screen.findByTestId("database-place-team")) as HTMLInputElement;
    expect(team.checked).toBe(true);
    expect((screen.getByTestId("database-host") as HTMLInputElement).value).toBe("db.lab.example.edu");
    expect((screen.getByTestId("database-password") as HTMLInputElement).placeholder).toBe("Saved in the keyring");
    expect(screen.getByTestId("database-use-team").textContent).toBe("Save and reconnect");
    fireEvent.click(screen.getByTestId("database-place-thisComputer"));
    fireEvent.click(screen.getByTestId("database-use-local"));
    await waitFor(() => expect(switched).toHaveBeenCalledTimes(1));
    expect(mocked.useThisComputer).toHaveBeenCalledTimes(1);
  });

  it("says that CONFAB_DATABASE_URL decides, and offers nothing to change", async () => {
    mocked.databaseChoice.mockResolvedValue({ ...onThisComputer, fromEnvironment: "db:5432/lab" });
    render(<DatabaseSettings onSwitched={vi.fn()} />);
    expect((await screen.findByTestId("database-from-environment")).textContent).toContain("db:5432/lab");
    expect(screen.queryByTestId("database-form")).toBeNull();
  });
});

describe("a start on a team database that cannot be reached", () => {
  it("offers to try again and the database settings, and loads afresh after either", async () => {
    mocked.databaseChoice.mockResolvedValue(onTheTeamDatabase);
    mocked.lastKnownData.mockResolvedValue({
      savedAt: "2026-12-01T16:00:00Z",
      server: "db.lab.example.edu:5432/diary",
      studies: [
        {
          name: "Sleep diary",
          timeZone: "Europe/Berlin",
          upcoming: [{ participantName: "Alice Park", start: "2026-12-02T08:00:00Z", end: "2026-12-02T09:00:00Z" }],
        },
        { name: "Pilot", timeZone: "UTC", upcoming: [] },
      ],
    });
    mocked.reopenDatabase.mockResolvedValue({ status: "ready", dataDir: "/d", databasePath: "postgres://x", teamDatabase: "x" });
    const reopened = vi.fn();
    render(
      <StartupFailure
        error={{ code: "database_unreachable", message: "Confab cannot reach the team database.", fields: [] }}
        onReopened={reopened}
      />,
    );
    expect(await screen.findByTestId("database-settings")).toBeTruthy();
    // Who is coming, as last read, while the server is out of reach.
    const known = await screen.findByTestId("last-known");
    expect(known.textContent).toContain("db.lab.example.edu:5432/diary");
    expect(screen.getByTestId("last-known-interview").textContent).toBe("Dec 2, 2026, 9:00 AM Alice Park");
    expect(known.textContent).toContain("No upcoming interviews.");
    expect(known.querySelector("button, input")).toBeNull();
    fireEvent.click(screen.getByTestId("startup-try-again"));
    await waitFor(() => expect(reopened).toHaveBeenCalledTimes(1));
    expect(mocked.reopenDatabase).toHaveBeenCalledTimes(1);
  });

  it("leaves the database settings out of failures they cannot mend", () => {
    render(<StartupFailure error={{ code: "database_corrupt", message: "Damaged.", fields: [] }} onReopened={vi.fn()} />);
    expect(screen.queryByTestId("database-settings")).toBeNull();
    expect(screen.getByTestId("startup-try-again")).toBeTruthy();
  });
});
