import * as AlertDialog from "@radix-ui/react-alert-dialog";
import * as Tabs from "@radix-ui/react-tabs";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { commands } from "../bindings/commands";
import type { AppError, MessageTemplate } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { RestoredDraftNote } from "../drafts/RestoredDraftNote";
import { useDraft } from "../drafts/useDraft";
import { insertPlaceholder, placeholders } from "./placeholders";
import { useTemplatePreview } from "./useTemplatePreview";
import { t } from "../i18n";
import "../outbox/messageBody.css";

type Wording = { subject: string; body: string };

type Props = {
  studyId: number;
  template: MessageTemplate;
  /** The tag whose dates the preview shows (`de-AT`); the template's own language is its base. */
  previewLanguage: string;
  /** The study's templates changed (saved or reset); the list shows which are customised. */
  onChanged: (templates: MessageTemplate[]) => void;
};

export function templateDraftKey(studyId: number, kind: string, language: string): string {
  // English drafts keep the key they had before templates had languages.
  return language === "en" ? `template.${studyId}.${kind}` : `template.${studyId}.${kind}.${language}`;
}

/** One kind of message of one study: its wording, the placeholders, and a live preview. */
export function TemplateEditor({ studyId, template, previewLanguage, onChanged }: Props) {
  const saved = useMemo<Wording>(() => ({ subject: template.subject, body: template.body }), [template]);
  const draft = useDraft<Wording>(templateDraftKey(studyId, template.kind, template.language), saved);
  const value = draft.value ?? saved;
  const preview = useTemplatePreview(value.subject, value.body, previewLanguage);
  const body = useRef<HTMLTextAreaElement>(null);
  const [busy, setBusy] = useState<null | "save" | "reset">(null);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);

  function change(next: Wording) {
    setNote(null);
    draft.setValue(next);
  }

  function insert(name: string, ownLine: boolean) {
    const area = body.current;
    const start = area?.selectionStart ?? value.body.length;
    const end = area?.selectionEnd ?? value.body.length;
    const next = insertPlaceholder(value.body, name, start, end, ownLine);
    change({ ...value, body: next.text });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.cursor, next.cursor);
    });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy("save");
    setError(null);
    try {
      const stored = await commands.saveMessageTemplate(studyId, { ...template, ...value, customised: true });
      draft.markSaved({ subject: stored.subject, body: stored.body });
      onChanged(await commands.messageTemplates(studyId, template.language));
      setNote(t("templates.saved"));
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(null);
    }
  }

  async function reset() {
    setConfirmReset(false);
    setBusy("reset");
    setError(null);
    try {
      await commands.resetMessageTemplate(studyId, template.kind, template.language);
      const templates = await commands.messageTemplates(studyId, template.language);
      const original = templates.find((other) => other.kind === template.kind);
      if (original) draft.markSaved({ subject: original.subject, body: original.body });
      onChanged(templates);
      setNote(t("templates.resetDone"));
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="template-editor" data-testid="template-editor" data-kind={template.kind}>
      <form className="form template-form" onSubmit={save}>
        {draft.restored && <RestoredDraftNote onDiscard={draft.discard} testId="template-draft-restored" />}
        <div className="field">
          <label htmlFor="template-subject">{t("templates.subject")}</label>
          <input
            id="template-subject"
            data-testid="template-subject"
            type="text"
            value={value.subject}
            onChange={(e) => change({ ...value, subject: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="template-body">{t("templates.text")}</label>
          <textarea
            id="template-body"
            ref={body}
            data-testid="template-body"
            className="template-body"
            rows={14}
            spellCheck
            value={value.body}
            onChange={(e) => change({ ...value, body: e.target.value })}
            aria-describedby={preview.problem ? "template-problem" : undefined}
          />
          {preview.problem && (
            <p className="field-error" id="template-problem" data-testid="template-problem">
              {preview.problem.message}
            </p>
          )}
        </div>
        <details className="placeholder-help" open>
          <summary>{t("templates.placeholders.summary")}</summary>
          <ul className="placeholder-list">
            {placeholders.map((p) => (
              <li key={p.name}>
                <button
                  type="button"
                  className="placeholder-chip"
                  data-testid={`placeholder-${p.name}`}
                  aria-label={t("templates.placeholders.insert", { token: `{{${p.name}}}`, meaning: p.meaning })}
                  onClick={() => insert(p.name, p.links === true)}
                >
                  {`{{${p.name}}}`}
                </button>
                <span className="placeholder-meaning">{p.meaning}</span>
              </li>
            ))}
          </ul>
        </details>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <div className="settings-actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid="template-save"
            disabled={busy !== null || preview.problem !== null}
            aria-busy={busy === "save" || undefined}
          >
            {busy === "save" && <span className="spinner" aria-hidden="true" />}
            {busy === "save" ? t("templates.saving") : t("templates.save")}
          </button>
          <button
            type="button"
            className="button button-quiet"
            data-testid="template-reset"
            disabled={busy !== null || (!template.customised && !draft.dirty)}
            onClick={() => setConfirmReset(true)}
          >
            {busy === "reset" ? t("templates.resetting") : t("templates.reset")}
          </button>
          <span className="settings-save-state" role="status" data-testid="template-save-state">
            {note ??
              (draft.dirty
                ? t("common.unsavedChanges")
                : template.customised
                  ? t("templates.state.yours")
                  : t("templates.state.confabs"))}
          </span>
        </div>
      </form>

      <TemplatePreviewPane preview={preview} />

      <AlertDialog.Root open={confirmReset} onOpenChange={setConfirmReset}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="dialog-overlay" />
          <AlertDialog.Content className="dialog" data-testid="template-reset-dialog">
            <AlertDialog.Title className="dialog-title">{t("templates.resetDialog.title")}</AlertDialog.Title>
            <AlertDialog.Description className="dialog-description">
              {t("templates.resetDialog.description")}
            </AlertDialog.Description>
            <div className="dialog-actions">
              <AlertDialog.Cancel className="button button-secondary">{t("templates.resetDialog.keep")}</AlertDialog.Cancel>
              <AlertDialog.Action className="button button-primary" data-testid="template-reset-confirm" onClick={() => void reset()}>
                {t("templates.resetDialog.confirm")}
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </div>
  );
}

function TemplatePreviewPane({ preview }: { preview: ReturnType<typeof useTemplatePreview> }) {
  return (
    <section className="template-preview" aria-labelledby="template-preview-heading" data-testid="template-preview">
      <div className="template-preview-heading">
        <h3 id="template-preview-heading">{t("templates.preview.title")}</h3>
        <span className="template-preview-state" role="status">
          {preview.updating ? (
            <>
              <span className="spinner" aria-hidden="true" /> {t("templates.preview.updating")}
            </>
          ) : preview.problem ? (
            t("templates.preview.problem")
          ) : (
            t("templates.preview.sample")
          )}
        </span>
      </div>
      {preview.preview === null ? (
        <p className="loading-line">
          <span className="spinner" aria-hidden="true" />
          {t("templates.preview.filling")}
        </p>
      ) : (
        <>
          <p className="template-preview-subject" data-testid="template-preview-subject">
            {preview.preview.subject}
          </p>
          <Tabs.Root defaultValue="text" className="message-body-tabs">
            <Tabs.List className="segmented" aria-label={t("templates.preview.versions")}>
              <Tabs.Trigger value="text" className="segmented-item">
                {t("templates.preview.text")}
              </Tabs.Trigger>
              <Tabs.Trigger value="html" className="segmented-item" data-testid="template-preview-tab-html">
                {t("templates.preview.html")}
              </Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="text">
              <pre className="message-text" data-testid="template-preview-text">
                {preview.preview.text}
              </pre>
            </Tabs.Content>
            <Tabs.Content value="html">
              <iframe
                className="message-html"
                title={t("templates.preview.htmlTitle")}
                sandbox=""
                srcDoc={preview.preview.html}
              />
            </Tabs.Content>
          </Tabs.Root>
        </>
      )}
    </section>
  );
}
