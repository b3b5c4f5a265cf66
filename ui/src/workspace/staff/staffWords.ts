import type { StaffRole, StaffView } from "../../bindings/types";
import { t } from "../../i18n";

/** A role's name, as the window shows it next to a person. */
export function roleLabel(role: StaffRole): string {
  return role === "noteTaker" ? t("staff.role.noteTaker") : t("staff.role.interviewer");
}

/**
 * Who is on an interview, in one line: "with Ana Lind, Ben Okafor · notes: Cy Oduya". Empty
 * when nobody is.
 */
export function staffLine(staff: readonly StaffView[]): string {
  const names = (role: StaffRole) =>
    staff
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join(", ");
  const running = names("interviewer");
  const notes = names("noteTaker");
  return [
    running === "" ? "" : t("interviews.staff.with", { names: running }),
    notes === "" ? "" : t("interviews.staff.notes", { names: notes }),
  ]
    .filter((part) => part !== "")
    .join(" · ");
}
