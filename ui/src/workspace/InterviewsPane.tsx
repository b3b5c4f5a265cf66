import * as Tabs from "@radix-ui/react-tabs";
import { useCallback, useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, InterviewList, InterviewView, ParticipantSummary } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { BookDialog } from "./interviews/BookDialog";
import { CancelDialog } from "./interviews/CancelDialog";
import { ComposeRescheduleDialog } from "./interviews/ComposeRescheduleDialog";
import { formatWhenWithZone } from "../time/format";
import { InterviewCalendar } from "./interviews/InterviewCalendar";
import { actionLabel, type InterviewAction } from "./interviews/InterviewMenu";
import { InterviewTable } from "./interviews/InterviewTable";
import "./interviews/interviews.css";
import { ListEmptyState } from "./interviews/ListEmptyState";
import { PendingList } from "./interviews/PendingList";
import { RescheduleDialog } from "./interviews/RescheduleDialog";
import { StaffDialog } from "./interviews/StaffDialog";
import { interviewLists, useInterviewsData, type InterviewsData } from "./interviews/useInterviewsData";
import type { PaneProps } from "./paneProps";
import { t } from "../i18n";

type TabId = InterviewList | "pending" | "calendar";

const listNames: Record<InterviewList, () => string> = {
  upcoming: () => t("interviews.list.upcoming"),
  completed: () => t("interviews.list.completed"),
  canceled: () => t("interviews.list.canceled"),
  no_show: () => t("interviews.list.noShow"),
};

type OpenDialog =
  | { kind: "book"; participant?: ParticipantSummary; title?: string }
  | { kind: "cancel" | "compose" | "reschedule" | "staff"; interview: InterviewView };

export function InterviewsPane({ study, onError }: PaneProps) {
  const { state, refresh, replace } = useInterviewsData(study, onError);
  const [tab, setTab] = useState<TabId>("upcoming");
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [marking, setMarking] = useState<string | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);

  const changed = useCallback(() => void refresh(), [refresh]);
  const closeDialog = useCallback(() => setDialog(null), []);

  const data = state.kind === "loaded" ? state.data : null;
  const zone = data?.displayZone ?? study.timeZone;
  const participantZone = useCallback(
    (participantId: number) => data?.participants.get(participantId)?.timeZone ?? null,
    [data],
  );
  const describe = useCallback(
    (interview: InterviewView) =>
      t("interviews.describe", {
        name: interview.participantName || interview.participantEmail,
        when: formatWhenWithZone(interview.start, zone),
      }),
    [zone],
  );

  const rescheduled = useCallback(
    (interview: InterviewView) => {
      setDialog(null);
      setNotice(t("interviews.notice.rescheduled", { interview: describe(interview) }));
      void refresh();
    },
    [describe, refresh],
  );

  const restaffed = useCallback(
    (interview: InterviewView) => {
      setDialog(null);
      replace(interview);
      setNotice(t("interviews.notice.restaffed", { interview: describe(interview) }));
      void refresh();
    },
    [describe, refresh, replace],
  );

  async function mark(action: "no_show" | "completed", interview: InterviewView) {
    setMarking(
      action === "no_show"
        ? t("interviews.notice.markingNoShow", { interview: describe(interview) })
        : t("interviews.notice.markingCompleted", { interview: describe(interview) }),
    );
    setActionError(null);
    setNotice(null);
    try {
      const updated =
        action === "no_show" ? await commands.markNoShow(interview.id) : await commands.markCompleted(interview.id);
      setNotice(
        action === "no_show"
          ? t("interviews.notice.markedNoShow", { interview: describe(updated) })
          : t("interviews.notice.markedCompleted", { interview: describe(updated) }),
      );
      await refresh();
    } catch (reason) {
      setActionError(toAppError(reason));
    } finally {
      setMarking(null);
    }
  }

  function act(action: InterviewAction, interview: InterviewView) {
    setNotice(null);
    if (action === "no_show" || action === "completed") void mark(action, interview);
    else if (action === "book_again") {
      setDialog({
        kind: "book",
        participant: data?.participants.get(interview.participantId),
        title: actionLabel(action, interview).replace("…", ""),
      });
    }
    else setDialog({ kind: action, interview });
  }

  return (
    <section className="screen interviews-screen" data-testid="pane-interviews-screen" aria-labelledby="interviews-heading">
      <header className="screen-header">
        <div className="screen-heading">
          <h1 id="interviews-heading">{t("interviews.title")}</h1>
          <span className="screen-subtitle">{study.name}</span>
        </div>
        <button
          type="button"
          className="button button-primary"
          data-testid="book-manually"
          disabled={!data}
          onClick={() => setDialog({ kind: "book" })}
        >
          {t("interviews.bookManually")}
        </button>
      </header>

      {data && <ZoneNote data={data} studyZone={study.timeZone} />}
      {notice && (
        <div className="interviews-notice" role="status" data-testid="interviews-notice">
          <span>{notice}</span>
          <button type="button" className="button button-quiet" onClick={() => setNotice(null)}>
            {t("common.dismiss")}
          </button>
        </div>
      )}
      {marking && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" /> {marking}
        </p>
      )}
      {actionError && <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />}

      {state.kind === "loading" && (
        <p className="loading-line" role="status" data-testid="interviews-loading">
          <span className="spinner" aria-hidden="true" /> {t("interviews.loading")}
        </p>
      )}
      {state.kind === "failed" && (
        <div className="empty-state" data-testid="interviews-failed">
          <p className="empty-state-title">{t("interviews.failed")}</p>
          <p className="empty-state-hint">{state.error.message}</p>
          <div className="empty-state-actions">
            <button type="button" className="button button-secondary" onClick={() => void refresh()}>
              {t("common.tryAgain")}
            </button>
          </div>
        </div>
      )}

      {data && (
        <Tabs.Root className="interview-tabs" value={tab} onValueChange={(value) => setTab(value as TabId)}>
          <Tabs.List className="tab-list" aria-label={t("interviews.tabs")}>
            {interviewLists.map((list) => (
              <Tabs.Trigger key={list} value={list} className="tab" data-testid={`interviews-tab-${list.replace("_", "-")}`}>
                {listNames[list]()}
                <span className="tab-count" data-testid={`interviews-count-${list.replace("_", "-")}`}>
                  {data.lists[list].length}
                </span>
              </Tabs.Trigger>
            ))}
            <Tabs.Trigger value="pending" className="tab" data-testid="interviews-tab-pending">
              {t("interviews.tab.pending")}
              <span className="tab-count" data-testid="interviews-count-pending">
                {data.pending.length}
              </span>
            </Tabs.Trigger>
            <Tabs.Trigger value="calendar" className="tab" data-testid="interviews-tab-calendar">
              {t("interviews.tab.calendar")}
            </Tabs.Trigger>
            {state.kind === "loaded" && state.refreshing && (
              <span className="tab-refreshing" role="status">
                <span className="spinner" aria-hidden="true" />
                <span className="visually-hidden">{t("interviews.refreshing")}</span>
              </span>
            )}
          </Tabs.List>

          {interviewLists.map((list) => (
            <Tabs.Content key={list} value={list} className="tab-panel" data-testid={`interviews-panel-${list.replace("_", "-")}`}>
              {data.lists[list].length === 0 ? (
                <ListEmptyState list={list} onBook={() => setDialog({ kind: "book" })} />
              ) : (
                <InterviewTable
                  list={list}
                  interviews={data.lists[list]}
                  zone={zone}
                  participantZone={participantZone}
                  onAction={act}
                />
              )}
            </Tabs.Content>
          ))}
          <Tabs.Content value="pending" className="tab-panel" data-testid="interviews-panel-pending">
            <PendingList
              studyId={study.id}
              pending={data.pending}
              zone={zone}
              participantZone={participantZone}
              onAssigned={(interview, rank) => {
                setNotice(
                  rank === 1
                    ? t("interviews.notice.bookedFirst", { interview: describe(interview) })
                    : t("interviews.notice.bookedSecond", { interview: describe(interview) }),
                );
                void refresh();
              }}
            />
          </Tabs.Content>
          <Tabs.Content value="calendar" className="tab-panel" data-testid="interviews-panel-calendar">
            {tab === "calendar" && (
              <InterviewCalendar
                interviews={interviewLists.flatMap((list) => data.lists[list])}
                zone={study.timeZone}
                onMoved={(interview) => {
                  setNotice(t("interviews.notice.moved", { interview: describe(interview) }));
                  void refresh();
                }}
              />
            )}
          </Tabs.Content>
        </Tabs.Root>
      )}

      {data && dialog?.kind === "book" && (
        <BookDialog
          study={study}
          participant={dialog.participant}
          title={dialog.title}
          displayZone={zone}
          sessions={data.sessions}
          onClose={closeDialog}
          onBooked={changed}
        />
      )}
      {data && dialog?.kind === "cancel" && (
        <CancelDialog
          interview={dialog.interview}
          zone={zone}
          participants={data.participants}
          onClose={closeDialog}
          onChanged={changed}
        />
      )}
      {dialog?.kind === "compose" && (
        <ComposeRescheduleDialog interview={dialog.interview} zone={zone} onClose={closeDialog} onChanged={changed} />
      )}
      {dialog?.kind === "staff" && (
        <StaffDialog interview={dialog.interview} zone={zone} onClose={closeDialog} onChanged={restaffed} />
      )}
      {data && dialog?.kind === "reschedule" && (
        <RescheduleDialog
          interview={dialog.interview}
          studyZone={study.timeZone}
          displayZone={zone}
          sessions={data.sessions}
          onClose={closeDialog}
          onRescheduled={rescheduled}
        />
      )}
    </section>
  );
}

function ZoneNote({ data, studyZone }: { data: InterviewsData; studyZone: string }) {
  return (
    <p className="zone-note" data-testid="interviews-zone">
      {!data.researcherZoneKnown
        ? t("interviews.zone.study", { zone: data.displayZone })
        : data.displayZone === studyZone
          ? t("interviews.zone.yoursAndStudy", { zone: data.displayZone })
          : t("interviews.zone.yours", { zone: data.displayZone })}
    </p>
  );
}
