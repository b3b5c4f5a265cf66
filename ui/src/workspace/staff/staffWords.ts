import type { StaffRole } from "../../bindings/types";
import { t } from "../../i18n";

/** A role's name, as the window shows it next to a person. */
export function roleLabel(role: StaffRole): string {
  return role === "noteTaker" ? t("staff.role.noteTaker") : t("staff.role.interviewer");
}
