import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { StudyCalendarFile } from "./StudyCalendarFile";

vi.mock("../bindings/commands", () => ({ commands: { studyCalendarFile: vi.fn() } }));

const { commands } = await import("../bindings/commands");

describe("the study's calendar file", () => {
  beforeEach(() => vi.mocked(commands.studyCalendarFile).mockReset());

  it("writes the file and shows where it is, with how to subscribe", async () => {
    vi.mocked(commands.studyCalendarFile).mockResolvedValue("/home/ana/.local/share/confab/calendars/study-3.ics");
    render(<StudyCalendarFile studyId={3} />);
    fireEvent.click(screen.getByTestId("study-calendar-file-show"));
    const path = await screen.findByTestId("study-calendar-file-path");
    expect((path as HTMLInputElement).value).toBe("/home/ana/.local/share/confab/calendars/study-3.ics");
    expect(commands.studyCalendarFile).toHaveBeenCalledWith(3);
    expect(screen.getByText(/subscribe/i)).toBeTruthy();
  });
});
