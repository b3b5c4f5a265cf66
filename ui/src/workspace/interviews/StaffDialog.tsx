import { useId, useState, type FormEvent } from "react";
import { commands } from "../../bindings/commands";
import type { InterviewView, StaffPick, StaffRole } from "../../bindings/types";
import { BusyButton } from "../../dialogs/BusyButton";
import { DialogShell } from "../../dialogs/DialogShell";
import { useBusyAction } from "../../dialogs/useBusyAction";
import { ErrorBanner } from "../../ErrorBanner";
import { formatRangeWithZone } from "../../time/format";
import { roleLabel } from "../staff/staffWords";
import { useStudyPeople } from "../staff/useStudyPeople";
import { t } from "../../i18n";

type Props = {
  interview: InterviewView;
  zone: string;
  onClose: () => void;
  onChanged: (interview: InterviewView) => void;
};

type Person = { id: number; name: string; email: string; role: StaffRole };

const roles: StaffRole[] = ["interviewer", "noteTaker"];

/**
 * Who sits on one scheduled interview: the study's people, each ticked or not, and for each ticked
 * one whether they interview or take notes. Saving puts exactly those on it.
 */
export function StaffDialog({ interview, zone, onClose, onChanged }: Props) {
  const id = useId();
  const { people, error: loadError } = useStudyPeople(interview.studyId);
  // Each person on the interview now, by id, with the role they have on it.
  const [picked, setPicked] = useState<Map<number, StaffRole>>(
    () => new Map(interview.interviewers.map((p) => [p.interviewerId, p.role])),
  );
  const { busy, error, run, clearError } = useBusyAction();
  const [loadErrorSeen, setLoadErrorSeen] = useState(false);
  const who = interview.participantName || interview.participantEmail;

  // Someone on the interview whom the study no longer lists still shows, to be kept or taken off.
  const everyone: Person[] = [
    ...(people ?? []),
    ...interview.interviewers
      .filter((p) => people !== null && !people.some((q) => q.id === p.interviewerId))
      .map((p) => ({ id: p.interviewerId, name: p.name, email: p.email, role: p.role })),
  ];
  const picks: StaffPick[] = roles.flatMap((role) =>
    everyone.filter((p) => picked.get(p.id) === role).map((p) => ({ interviewerId: p.id, role })),
  );
  const nobodyRuns = people !== null && !picks.some((p) => p.role === "interviewer");

  function toggle(person: Person, on: boolean) {
    setPicked((current) => {
      const next = new Map(current);
      if (on) next.set(person.id, person.role);
      else next.delete(person.id);
      return next;
    });
  }

  function setRole(person: Person, role: StaffRole) {
    setPicked((current) => new Map(current).set(person.id, role));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      onChanged(await commands.setInterviewStaff(interview.id, picks));
    });
  }

  return (
    <DialogShell
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("interviews.staff.title")}
      description={t("interviews.staff.description", {
        who,
        when: formatRangeWithZone(interview.start, interview.end, zone),
      })}
      testId="staff-dialog"
      busy={busy}
    >
      <form className="form" noValidate onSubmit={save}>
        <p className="dialog-note">{t("interviews.staff.intro")}</p>
        {error && <ErrorBanner error={error} onDismiss={clearError} />}
        {loadError && !loadErrorSeen && <ErrorBanner error={loadError} onDismiss={() => setLoadErrorSeen(true)} />}
        {people === null ? (
          <p className="loading-line" role="status">
            <span className="spinner" aria-hidden="true" /> {t("interviews.staff.loading")}
          </p>
        ) : everyone.length === 0 ? (
          <p className="field-hint" data-testid="staff-nobody">
            {t("interviews.staff.nobody")}
          </p>
        ) : (
          <fieldset className="staff-people" disabled={busy}>
            <legend className="visually-hidden">{t("interviews.staff.people")}</legend>
            {everyone.map((person) => {
              const role = picked.get(person.id);
              return (
                <div key={person.id} className="staff-person" data-testid="staff-person">
                  <label className="staff-check">
                    <input
                      type="checkbox"
                      data-testid={`staff-pick-${person.id}`}
                      checked={role !== undefined}
                      onChange={(e) => toggle(person, e.target.checked)}
                    />
                    <span>{person.name}</span>
                    <span className="staff-check-hint">{person.email}</span>
                  </label>
                  {role !== undefined && (
                    <>
                      <label htmlFor={`${id}-role-${person.id}`} className="visually-hidden">
                        {t("interviews.staff.roleOf", { name: person.name })}
                      </label>
                      <select
                        id={`${id}-role-${person.id}`}
                        data-testid={`staff-role-${person.id}`}
                        value={role}
                        onChange={(e) => setRole(person, e.target.value as StaffRole)}
                      >
                        {roles.map((r) => (
                          <option key={r} value={r}>
                            {roleLabel(r)}
                          </option>
                        ))}
                      </select>
                    </>
                  )}
                </div>
              );
            })}
          </fieldset>
        )}
        {nobodyRuns && everyone.length > 0 && (
          <p className="field-hint" role="status" data-testid="staff-nobody-runs">
            {t("interviews.staff.nobodyRuns")}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
            {t("common.cancel")}
          </button>
          <BusyButton
            type="submit"
            className="button button-primary"
            testId="staff-save"
            busy={busy}
            disabled={people === null}
            label={t("interviews.staff.save")}
            busyLabel={t("interviews.staff.saving")}
          />
        </div>
      </form>
    </DialogShell>
  );
}
