import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { InterviewerView } from "../../bindings/types";
import { InterviewersPanel } from "./InterviewersPanel";

vi.mock("../../bindings/commands", () => ({
  commands: {
    addInterviewer: vi.fn(),
    updateInterviewer: vi.fn(),
    removeInterviewer: vi.fn(),
  },
}));

const { commands } = await import("../../bindings/commands");
const mocked = vi.mocked(commands);

const ana: InterviewerView = { id: 7, studyId: 3, name: "Ana Lind", email: "ana@uni.example", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null };
const ben: InterviewerView = { id: 8, studyId: 3, name: "Ben Okafor", email: "ben@uni.example", role: "interviewer", calendarHref: null, busyReadAt: null, calendarChosenBy: null };
const cy: InterviewerView = { id: 9, studyId: 3, name: "Cy Oduya", email: "cy@uni.example", role: "noteTaker", calendarHref: null, busyReadAt: null, calendarChosenBy: null };

/** The panel with the list kept as the Sessions pane keeps it. */
function Panel({ initial }: { initial: InterviewerView[] }) {
  const [list, setList] = useState(initial);
  return (
    <InterviewersPanel
      studyId={3}
      interviewers={list}
      onAdded={(added) => setList((l) => [...l, added])}
      onChanged={(changed) => setList((l) => l.map((p) => (p.id === changed.id ? changed : p)))}
      onRemoved={(removed) => setList((l) => l.filter((p) => p.id !== removed.id))}
    />
  );
}

function rowOf(name: string): HTMLElement {
  const row = screen.getAllByTestId("interviewer-row").find((r) => r.textContent?.includes(name));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

async function choose(name: string, item: string) {
  fireEvent.keyDown(within(rowOf(name)).getByTestId("interviewer-menu"), { key: "Enter" });
  fireEvent.click(await screen.findByTestId(item));
}

beforeEach(() => {
  vi.resetAllMocks();
  mocked.updateInterviewer.mockImplementation(async (id, name, role) => ({ ...[ana, ben, cy].find((p) => p.id === id)!, name, role }));
});

describe("the study's interviewers", () => {
  it("shows each person's role", () => {
    render(<Panel initial={[ana, ben, cy]} />);
    expect(within(rowOf("Ana Lind")).getByTestId("interviewer-role").textContent).toBe("Interviewer");
    expect(within(rowOf("Cy Oduya")).getByTestId("interviewer-role").textContent).toBe("Note-taker");
    expect(within(rowOf("Cy Oduya")).getByTestId("interviewer-menu").getAttribute("aria-label")).toBe("Actions for Cy Oduya");
  });

  it("renames in place", async () => {
    render(<Panel initial={[ana, ben]} />);
    await choose("Ana Lind", "interviewer-rename");
    const input = screen.getByTestId("interviewer-rename-input") as HTMLInputElement;
    expect(input.value).toBe("Ana Lind");
    expect(screen.getByLabelText("New name for Ana Lind")).toBe(input);

    fireEvent.change(input, { target: { value: "  " } });
    fireEvent.click(screen.getByTestId("interviewer-rename-save"));
    expect(screen.getByTestId("interviewer-rename-error").textContent).toContain("name");
    expect(mocked.updateInterviewer).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: " Ana Lindqvist " } });
    fireEvent.click(screen.getByTestId("interviewer-rename-save"));
    await waitFor(() => expect(screen.queryByTestId("interviewer-rename-input")).toBeNull());
    expect(mocked.updateInterviewer).toHaveBeenCalledWith(7, "Ana Lindqvist", "interviewer");
    expect(within(rowOf("Lindqvist")).getByTestId("interviewer-name").textContent).toBe("Ana Lindqvist");
    expect(screen.getByTestId("interviewers-notice").textContent).toContain("Ana Lind is now named Ana Lindqvist");
  });

  it("makes an interviewer a note-taker, and shows a refusal", async () => {
    render(<Panel initial={[ana, ben]} />);
    await choose("Ben Okafor", "interviewer-switch-role");
    await waitFor(() => expect(within(rowOf("Ben Okafor")).getByTestId("interviewer-role").textContent).toBe("Note-taker"));
    expect(mocked.updateInterviewer).toHaveBeenCalledWith(8, "Ben Okafor", "noteTaker");
    expect(screen.getByTestId("interviewers-notice").textContent).toContain("Ben Okafor now takes notes");

    const message = "Ana Lind runs every interview of this study; choose someone else there before making them a note-taker.";
    mocked.updateInterviewer.mockRejectedValue({ code: "conflict", message, fields: [{ field: "role", message }] });
    await choose("Ana Lind", "interviewer-switch-role");
    expect((await screen.findByTestId("error-banner")).textContent).toContain("runs every interview");
    expect(within(rowOf("Ana Lind")).getByTestId("interviewer-role").textContent).toBe("Interviewer");
  });

  it("removes someone on interviews ahead once another person takes them over", async () => {
    const ahead = "Ana Lind is on 3 interviews ahead. Choose who takes them over before removing them.";
    mocked.removeInterviewer
      .mockRejectedValueOnce({ code: "conflict", message: ahead, fields: [{ field: "takeover", message: ahead }] })
      .mockResolvedValueOnce({ name: "Ana Lind", handedOver: 3 });
    render(<Panel initial={[ana, ben, cy]} />);
    await choose("Ana Lind", "interviewer-remove");

    const dialog = await screen.findByTestId("remove-interviewer-dialog");
    expect(within(dialog).getByRole("heading").textContent).toBe("Remove Ana Lind from this study?");
    fireEvent.click(within(dialog).getByTestId("remove-interviewer-confirm"));

    expect((await within(dialog).findByTestId("remove-interviewer-ahead")).textContent).toBe(ahead);
    expect(mocked.removeInterviewer).toHaveBeenCalledWith(7, null);
    const takeover = within(dialog).getByLabelText("Who takes over their interviews") as HTMLSelectElement;
    expect([...takeover.options].map((o) => o.textContent)).toEqual(["Choose someone…", "Ben Okafor", "Cy Oduya (note-taker)"]);
    expect(within(dialog).queryByTestId("error-banner")).toBeNull();

    // Nobody chosen yet: asked for, not sent.
    fireEvent.click(within(dialog).getByTestId("remove-interviewer-confirm"));
    expect(within(dialog).getByTestId("remove-interviewer-takeover-error")).toBeTruthy();
    expect(mocked.removeInterviewer).toHaveBeenCalledTimes(1);

    fireEvent.change(takeover, { target: { value: "8" } });
    fireEvent.click(within(dialog).getByTestId("remove-interviewer-confirm"));
    expect((await within(dialog).findByTestId("remove-interviewer-result")).textContent).toContain(
      "Ana Lind removed; Ben Okafor took over 3 interviews.",
    );
    expect(mocked.removeInterviewer).toHaveBeenLastCalledWith(7, 8);
    expect(screen.getAllByTestId("interviewer-row").map((r) => within(r).getByTestId("interviewer-name").textContent)).toEqual([
      "Ben Okafor",
      "Cy Oduya",
    ]);
    fireEvent.click(within(dialog).getByTestId("remove-interviewer-done"));
    await waitFor(() => expect(screen.queryByTestId("remove-interviewer-dialog")).toBeNull());
  });

  it("removes someone with nothing ahead at once", async () => {
    mocked.removeInterviewer.mockResolvedValue({ name: "Cy Oduya", handedOver: 0 });
    render(<Panel initial={[ana, cy]} />);
    await choose("Cy Oduya", "interviewer-remove");
    const dialog = await screen.findByTestId("remove-interviewer-dialog");
    fireEvent.click(within(dialog).getByTestId("remove-interviewer-confirm"));
    expect((await within(dialog).findByTestId("remove-interviewer-result")).textContent).toContain("Cy Oduya removed.");
    expect(mocked.removeInterviewer).toHaveBeenCalledWith(9, null);
    expect(screen.getAllByTestId("interviewer-row")).toHaveLength(1);
  });

  it("shows another refusal in the dialog as an error", async () => {
    mocked.removeInterviewer.mockRejectedValue({ code: "storage", message: "The database is busy." });
    render(<Panel initial={[ana]} />);
    await choose("Ana Lind", "interviewer-remove");
    const dialog = await screen.findByTestId("remove-interviewer-dialog");
    fireEvent.click(within(dialog).getByTestId("remove-interviewer-confirm"));
    expect((await within(dialog).findByTestId("error-banner")).textContent).toContain("The database is busy.");
    expect(within(dialog).queryByTestId("remove-interviewer-takeover")).toBeNull();
  });
});
