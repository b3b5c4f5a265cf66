import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CalendarAccountView, RemoteCalendarView } from "../bindings/types";
import { CalendarSettings } from "./CalendarSettings";

vi.mock("../bindings/commands", () => ({
  commands: {
    calendarAccount: vi.fn(),
    connectCalendarAccount: vi.fn(),
    remoteCalendars: vi.fn(),
    removeCalendarAccount: vi.fn(),
  },
}));

const { commands } = await import("../bindings/commands");
const mocked = vi.mocked(commands);

const account: CalendarAccountView = {
  url: "https://caldav.fastmail.com/",
  username: "sam@fastmail.example",
  lastReadAt: null,
  lastProblem: "",
};

const calendars: RemoteCalendarView[] = [
  { href: "/dav/calendars/user/sam/work/", name: "Work", writable: true },
  { href: "/dav/calendars/user/sam/holidays/", name: "Public holidays", writable: false },
];

function fillIn(url: string, username: string, password: string) {
  fireEvent.change(screen.getByLabelText("Server address"), { target: { value: url } });
  fireEvent.change(screen.getByLabelText("User name"), { target: { value: username } });
  fireEvent.change(screen.getByLabelText("Password"), { target: { value: password } });
}

beforeEach(() => {
  vi.resetAllMocks();
});

describe("the calendar account in Settings", () => {
  it("says what it is for, with the addresses of common providers and Microsoft 365's way", async () => {
    mocked.calendarAccount.mockResolvedValue(null);
    render(<CalendarSettings />);
    await screen.findByTestId("calendar-connect-form");
    expect(screen.getByText("https://caldav.icloud.com/")).toBeTruthy();
    expect(screen.getByText("https://apidata.googleusercontent.com/caldav/v2/")).toBeTruthy();
    expect(screen.getByTestId("calendar-microsoft-hint").textContent).toMatch(/Microsoft 365 has no CalDAV/);
  });

  it("connects, then lists the account's calendars with the read-only ones marked", async () => {
    mocked.calendarAccount.mockResolvedValueOnce(null).mockResolvedValueOnce(account);
    let finish: (list: RemoteCalendarView[]) => void = () => undefined;
    mocked.connectCalendarAccount.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    render(<CalendarSettings />);
    await screen.findByTestId("calendar-connect-form");
    fillIn(" https://caldav.fastmail.com/ ", " sam@fastmail.example ", "app-password");
    fireEvent.click(screen.getByTestId("calendar-connect"));

    const button = screen.getByTestId("calendar-connect");
    expect(button.textContent).toBe("Connecting…");
    expect(button.hasAttribute("disabled")).toBe(true);
    expect(mocked.connectCalendarAccount).toHaveBeenCalledWith({
      url: "https://caldav.fastmail.com/",
      username: "sam@fastmail.example",
      password: "app-password",
    });
    finish(calendars);

    const items = await screen.findAllByTestId("calendar-item");
    expect(items.map((item) => item.textContent)).toEqual(["Work", "Public holidaysRead only"]);
    expect(screen.getByTestId("calendar-note").textContent).toBe("Connected. The account has 2 calendars.");
    expect((await screen.findByTestId("calendar-account-url")).textContent).toBe(account.url);
    expect(screen.getByTestId("calendar-account-user").textContent).toBe(account.username);
    expect(screen.queryByTestId("calendar-connect-form")).toBeNull();
  });

  it("shows the server's words when it refuses the login, and saves nothing", async () => {
    mocked.calendarAccount.mockResolvedValue(null);
    mocked.connectCalendarAccount.mockRejectedValue({
      code: "mail",
      message: "The calendar server refused the user name or password.",
    });
    render(<CalendarSettings />);
    await screen.findByTestId("calendar-connect-form");
    fillIn("https://caldav.icloud.com/", "sam@icloud.example", "wrong");
    fireEvent.click(screen.getByTestId("calendar-connect"));

    const failed = await screen.findByTestId("calendar-connect-failed");
    expect(failed.getAttribute("role")).toBe("alert");
    expect(failed.textContent).toMatch(/refused the user name or password/);
    expect(screen.queryByTestId("calendar-account-facts")).toBeNull();
    expect(screen.getByTestId("calendar-connect").textContent).toBe("Connect");
  });

  it("puts a problem with a field on that field and moves the focus there", async () => {
    mocked.calendarAccount.mockResolvedValue(null);
    mocked.connectCalendarAccount.mockRejectedValue({
      code: "invalid_input",
      message: "Microsoft 365 has no CalDAV.",
      fields: [{ field: "url", message: "Microsoft 365 has no CalDAV. Keep using calendar files for Microsoft 365." }],
    });
    render(<CalendarSettings />);
    await screen.findByTestId("calendar-connect-form");
    fillIn("https://outlook.office365.com/", "sam@uni.example.org", "secret");
    fireEvent.click(screen.getByTestId("calendar-connect"));

    const message = await screen.findByTestId("calendar-url-error");
    expect(message.textContent).toMatch(/Keep using calendar files/);
    const field = screen.getByLabelText("Server address");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toBe("calendar-url-error");
    expect(document.activeElement).toBe(field);
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBeNull();
    expect(screen.queryByTestId("error-banner")).toBeNull();
  });

  it("shows a connected account's last read and last problem, and refreshes its calendars", async () => {
    mocked.calendarAccount.mockResolvedValue({
      ...account,
      lastReadAt: new Date(Date.now() - 3 * 3_600_000 - 60_000).toISOString(),
      lastProblem: "The calendar server did not answer.",
    });
    mocked.remoteCalendars.mockResolvedValue(calendars);
    render(<CalendarSettings />);
    expect((await screen.findByTestId("calendar-account-last-read")).textContent).toBe("3 hours ago");
    expect(screen.getByTestId("calendar-last-problem").textContent).toMatch(/did not answer/);
    expect(screen.queryByTestId("calendar-connect-form")).toBeNull();

    fireEvent.click(screen.getByTestId("calendar-refresh"));
    expect(await screen.findAllByTestId("calendar-item")).toHaveLength(2);
    expect(mocked.remoteCalendars).toHaveBeenCalledTimes(1);
  });

  it("asks before disconnecting, then disconnects and offers the form again", async () => {
    mocked.calendarAccount.mockResolvedValue(account);
    mocked.removeCalendarAccount.mockResolvedValue(null);
    render(<CalendarSettings />);
    fireEvent.click(await screen.findByTestId("calendar-disconnect"));

    const dialog = await screen.findByTestId("calendar-disconnect-dialog");
    expect(within(dialog).getByText("Disconnect the calendar account?")).toBeTruthy();
    expect(mocked.removeCalendarAccount).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByTestId("calendar-disconnect-confirm"));

    await waitFor(() => expect(mocked.removeCalendarAccount).toHaveBeenCalledTimes(1));
    await screen.findByTestId("calendar-connect-form");
    expect(screen.queryByTestId("calendar-account-facts")).toBeNull();
    expect(screen.getByTestId("calendar-note").textContent).toMatch(/^Disconnected\./);
  });

  it("leaves the account connected when the researcher cancels", async () => {
    mocked.calendarAccount.mockResolvedValue(account);
    render(<CalendarSettings />);
    fireEvent.click(await screen.findByTestId("calendar-disconnect"));
    const dialog = await screen.findByTestId("calendar-disconnect-dialog");
    fireEvent.click(within(dialog).getByText("Cancel"));
    await waitFor(() => expect(screen.queryByTestId("calendar-disconnect-dialog")).toBeNull());
    expect(mocked.removeCalendarAccount).not.toHaveBeenCalled();
    expect(screen.getByTestId("calendar-account-facts")).toBeTruthy();
  });
});
