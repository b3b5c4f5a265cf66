import { useEffect, useRef, type FormEvent } from "react";
import { ErrorBanner } from "../ErrorBanner";
import { formatWhen } from "../time/format";
import type { PaneProps } from "./paneProps";
import { ArchiveStudy } from "./study-settings/ArchiveStudy";
import { BookingRulesSection } from "./study-settings/BookingRulesSection";
import { KindSection } from "./study-settings/KindSection";
import { MeetingSection } from "./study-settings/MeetingSection";
import { ParticipantsSection } from "./study-settings/ParticipantsSection";
import { StaffingSection } from "./study-settings/StaffingSection";
import { StudyDetailsSection } from "./study-settings/StudyDetailsSection";
import { useSettingsForm } from "./study-settings/useSettingsForm";
import { draftFields } from "./study-settings/settingsDraft";
import { t } from "../i18n";
import "./study-settings/study-settings.css";

export function StudySettingsPane({ study, onError, onStudyChanged }: PaneProps) {
  const form = useSettingsForm(study, onStudyChanged);
  const formRef = useRef<HTMLFormElement>(null);
  const { loadError } = form;

  useEffect(() => {
    if (loadError) onError(loadError);
  }, [loadError, onError]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.saveState === "saving") return;
    const wrong = await form.save();
    const first = draftFields.find((f) => wrong.includes(f));
    if (first) formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }

  return (
    <section className="screen" data-testid="pane-study-settings-screen" aria-labelledby="study-settings-heading">
      <header className="screen-header">
        <h1 id="study-settings-heading">{t("studySettings.title")}</h1>
        <span className="screen-subtitle">{study.name}</span>
      </header>
      {loadError && (
        <p className="panel-hint" data-testid="settings-failed">
          {t("studySettings.failed")}
        </p>
      )}
      {form.draft === null && !form.loadError && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("studySettings.loading")}
        </p>
      )}
      {form.draft !== null && (
        <form ref={formRef} className="form settings-form" noValidate onSubmit={submit} data-testid="study-settings-form">
          {form.restoredAt !== null && (
            <div className="settings-restored" role="status" data-testid="settings-draft-restored">
              <span>
                {form.restoredAt
                  ? t("studySettings.restoredFrom", {
                      when: formatWhen(form.restoredAt, Intl.DateTimeFormat().resolvedOptions().timeZone),
                    })
                  : t("studySettings.restored")}
              </span>
              <button type="button" className="button button-quiet" onClick={form.discard} data-testid="settings-discard-restored">
                {t("studySettings.discardRestored")}
              </button>
            </div>
          )}
          {form.formError && <ErrorBanner error={form.formError} onDismiss={() => form.setFormError(null)} />}
          <StudyDetailsSection draft={form.draft} errors={form.errors} onChange={form.change} />
          <KindSection draft={form.draft} errors={form.errors} onChange={form.change} />
          <StaffingSection studyId={study.id} draft={form.draft} errors={form.errors} onChange={form.change} />
          <BookingRulesSection draft={form.draft} errors={form.errors} onChange={form.change} />
          <MeetingSection draft={form.draft} errors={form.errors} onChange={form.change} />
          <ParticipantsSection draft={form.draft} errors={form.errors} onChange={form.change} />

          <div className="settings-savebar">
            <span className="settings-save-status" role="status" aria-live="polite" data-testid="settings-save-status">
              {form.saveState === "saving" && (
                <>
                  <span className="spinner" aria-hidden="true" /> {t("studySettings.saving")}
                </>
              )}
              {form.saveState === "saved" && !form.dirty && <span className="settings-saved">{t("studySettings.saved")}</span>}
              {form.saveState === "idle" && form.dirty && t("common.unsavedChanges")}
            </span>
            <button
              type="button"
              className="button button-secondary"
              disabled={!form.dirty || form.saveState === "saving"}
              onClick={form.discard}
              data-testid="settings-discard"
            >
              {t("studySettings.discard")}
            </button>
            <button
              type="submit"
              className="button button-primary"
              disabled={!form.dirty || form.saveState === "saving"}
              aria-busy={form.saveState === "saving" || undefined}
              data-testid="settings-save"
            >
              {t("studySettings.save")}
            </button>
          </div>
        </form>
      )}
      {form.draft !== null && <ArchiveStudy study={study} onArchived={() => onStudyChanged(null)} />}
    </section>
  );
}
