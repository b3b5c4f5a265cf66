import * as Dialog from "@radix-ui/react-dialog";
import * as Tabs from "@radix-ui/react-tabs";
import { commands } from "../../bindings/commands";
import type { InterviewerView, SessionView } from "../../bindings/types";
import { capacityLabel, kindLabel } from "./calendarEvents";
import { DeleteSessionButton } from "./DeleteSessionButton";
import { draftOfSession, patternOfDraft, type SessionDraft } from "./sessionDraft";
import { SessionExceptions } from "./SessionExceptions";
import { formatWallRange } from "../../time/format";
import { describeWeekly } from "./sessionFormat";
import { SessionForm } from "./SessionForm";
import { wallClockOf } from "../../time/zonedTime";
import { t } from "../../i18n";

/** What the dialog is open for: a new session from a draft, or one session to change. */
export type SessionDialogTarget =
  | { mode: "new"; draft: SessionDraft }
  | { mode: "edit"; session: SessionView; date: string | null };

type Props = {
  target: SessionDialogTarget | null;
  studyId: number;
  studyZone: string;
  researcherZone: string | null;
  interviewers: InterviewerView[];
  onClose: () => void;
  /** Something was saved: the calendar reloads. `close` is false when the dialog stays open. */
  onSaved: (close: boolean) => Promise<void>;
};

export function SessionDialog({ target, onClose, ...rest }: Props) {
  return (
    <Dialog.Root open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog session-dialog" data-testid="session-dialog">
          {target?.mode === "new" && <NewSessionContent draft={target.draft} onClose={onClose} {...rest} />}
          {target?.mode === "edit" && (
            <EditSessionContent
              // A different session (or a fresh copy after a save elsewhere) starts a fresh form.
              key={target.session.id}
              session={target.session}
              date={target.date}
              onClose={onClose}
              {...rest}
            />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

type ContentProps = Omit<Props, "target">;

function NewSessionContent({ draft, studyId, studyZone, researcherZone, interviewers, onClose, onSaved }: ContentProps & { draft: SessionDraft }) {
  async function create(d: SessionDraft) {
    await commands.createSession({
      studyId,
      title: d.title.trim(),
      pattern: patternOfDraft(d),
      capacity: Number(d.capacity),
      visible: d.visible,
      interviewerIds: d.interviewerIds,
    });
    await onSaved(true);
  }
  return (
    <>
      <Dialog.Title className="dialog-title">{t("sessions.dialog.newTitle")}</Dialog.Title>
      <Dialog.Description className="dialog-description">{t("sessions.dialog.newDescription")}</Dialog.Description>
      <SessionForm
        initial={draft}
        interviewers={interviewers}
        studyZone={studyZone}
        researcherZone={researcherZone}
        submitLabel={t("sessions.dialog.create")}
        savingLabel={t("sessions.dialog.creating")}
        onSubmit={create}
        onCancel={onClose}
      />
    </>
  );
}

function EditSessionContent({
  session,
  date,
  studyZone,
  researcherZone,
  interviewers,
  onClose,
  onSaved,
}: ContentProps & { session: SessionView; date: string | null }) {
  async function save(d: SessionDraft) {
    await commands.updateSession(session.id, {
      title: d.title.trim(),
      pattern: patternOfDraft(d),
      capacity: Number(d.capacity),
      interviewerIds: d.interviewerIds,
    });
    if (d.visible !== session.visible) await commands.setSessionVisible(session.id, d.visible);
    await onSaved(true);
  }

  const p = session.pattern;
  const when =
    p.kind === "weekly" ? describeWeekly(session) : formatWallRange(wallClockOf(p.start, studyZone), wallClockOf(p.end, studyZone));
  const form = (
    <SessionForm
      initial={draftOfSession(session, studyZone)}
      interviewers={interviewers}
      studyZone={studyZone}
      researcherZone={researcherZone}
      submitLabel={t("sessions.dialog.save")}
      savingLabel={t("sessions.dialog.saving")}
      onSubmit={save}
      onCancel={onClose}
      extraActions={<DeleteSessionButton session={session} onDeleted={() => void onSaved(true)} />}
    />
  );
  return (
    <>
      <Dialog.Title className="dialog-title">{session.title}</Dialog.Title>
      <Dialog.Description className="dialog-description" data-testid="session-dialog-summary">
        {kindLabel(p.kind)} · {when} · {capacityLabel(session)}
        {session.visible ? "" : ` · ${t("sessions.dialog.hidden")}`}
      </Dialog.Description>
      {p.kind === "weekly" ? (
        <Tabs.Root defaultValue="session" className="session-tabs">
          <Tabs.List className="session-tab-list" aria-label={t("sessions.dialog.tabs")}>
            <Tabs.Trigger value="session" className="session-tab" data-testid="session-tab-details">
              {t("sessions.dialog.everyWeek")}
            </Tabs.Trigger>
            <Tabs.Trigger value="date" className="session-tab" data-testid="session-tab-date">
              {t("sessions.dialog.oneDate")}
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="session" className="session-tab-panel">
            {form}
          </Tabs.Content>
          <Tabs.Content value="date" className="session-tab-panel">
            <SessionExceptions
              session={session}
              date={date}
              today={wallClockOf(new Date(), studyZone).slice(0, 10)}
              onChanged={() => onSaved(false)}
            />
          </Tabs.Content>
        </Tabs.Root>
      ) : (
        form
      )}
    </>
  );
}
