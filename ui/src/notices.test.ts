import { describe, expect, it } from "vitest";
import { noticeFor } from "./notices";

describe("noticeFor", () => {
  it("says where a restore kept the database it replaced", () => {
    const notice = noticeFor({
      kind: "restored",
      report: { restoredFrom: "/backups/friday.sqlite3", previousKeptAt: "/data/backups/before-restore.sqlite3" },
    });
    expect(notice?.tone).toBe("success");
    expect(notice?.message).toBe(
      "Confab now works on the records of /backups/friday.sqlite3. The database as it was before is kept at /data/backups/before-restore.sqlite3.",
    );
  });

  it("leaves out the kept copy when there was no database before", () => {
    const notice = noticeFor({ kind: "restored", report: { restoredFrom: "/b.sqlite3", previousKeptAt: null } });
    expect(notice?.message).toBe("Confab now works on the records of /b.sqlite3.");
  });

  it("shows no banner for events that open a dialog", () => {
    expect(noticeFor({ kind: "showAbout" })).toBeNull();
    expect(noticeFor({ kind: "calendarFileOpened", file: { id: 1, name: "a.ics", path: "/a.ics" } })).toBeNull();
  });
});
