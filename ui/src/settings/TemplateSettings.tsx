import { useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, MessageTemplate, StudySummary } from "../bindings/types";
import { kindLabel } from "../outbox/labels";
import { hasDraft } from "../drafts/drafts";
import { kindPurpose } from "./placeholders";
import { TemplateEditor, templateDraftKey } from "./TemplateEditor";
import { LanguageSelect } from "../language/LanguageSelect";
import { baseOf, useMessageLanguages } from "../language/messageLanguages";
import { t } from "../i18n";
import { useLoaded } from "../useLoaded";

const noStudies: StudySummary[] = [];

type Props = {
  onError: (error: AppError) => void;
};

/** Each study's wording of each message Confab sends. */
export function TemplateSettings({ onError }: Props) {
  const loadedStudies = useLoaded(() => commands.listStudies(), [], { onError });
  const studies = loadedStudies.data ?? (loadedStudies.error ? noStudies : null);
  // The first study until another is chosen.
  const [chosenStudy, setChosenStudy] = useState<number | null>(null);
  const studyId = chosenStudy ?? studies?.[0]?.id ?? null;
  const [kind, setKind] = useState("invitation");

  // A study opens in its own language, or in British English when its settings cannot be read.
  const studyLanguage = useLoaded(
    () => (studyId === null ? null : commands.studySettings(studyId).then((settings) => settings.language)),
    [studyId],
    { onError },
  );
  const [chosenLanguage, setLanguage] = useState<string | null>(null);
  // A tag such as de-AT: its base names the wording, the whole tag the preview's dates.
  const language = chosenLanguage ?? (studyLanguage.loading ? null : (studyLanguage.data ?? "en-GB"));
  const languages = useMessageLanguages();
  const base = language === null ? null : baseOf(language);

  const loadedTemplates = useLoaded(
    () => (studyId === null || base === null ? null : commands.messageTemplates(studyId, base)),
    [studyId, base],
    { onError },
  );
  const templates = loadedTemplates.loading ? null : (loadedTemplates.data ?? null);
  const setTemplates = loadedTemplates.setData;

  function chooseStudy(id: number) {
    setChosenStudy(id);
    setLanguage(null);
  }

  const template = templates?.find((each) => each.kind === kind) ?? templates?.[0] ?? null;

  return (
    <section className="panel templates-panel" aria-labelledby="settings-templates-heading" data-testid="settings-templates">
      <h2 id="settings-templates-heading" className="panel-title">
        {t("templates.title")}
      </h2>
      <p className="panel-hint">{t("templates.hint", { example: "{{participant_name}}" })}</p>
      {studies === null ? (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("studies.loading")}
        </p>
      ) : studies.length === 0 ? (
        <div className="empty-state" data-testid="templates-no-studies">
          <p className="empty-state-title">{t("templates.noStudies.title")}</p>
          <p className="empty-state-hint">{t("templates.noStudies.hint")}</p>
        </div>
      ) : (
        <>
          <div className="field-row">
            <div className="field field-grow">
              <label htmlFor="template-study">{t("templates.study")}</label>
              <select
                id="template-study"
                data-testid="template-study"
                value={studyId ?? ""}
                onChange={(e) => chooseStudy(Number(e.target.value))}
              >
                {studies.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="template-language">{t("templates.language")}</label>
              <LanguageSelect
                id="template-language"
                testId="template-language"
                value={language ?? ""}
                options={languages}
                disabled={language === null}
                onChange={setLanguage}
              />
            </div>
            <div className="field field-grow">
              <label htmlFor="template-kind">{t("templates.kind")}</label>
              <select
                id="template-kind"
                data-testid="template-kind"
                value={template?.kind ?? kind}
                disabled={templates === null}
                onChange={(e) => setKind(e.target.value)}
              >
                {(templates ?? []).map((each) => (
                  <option key={each.kind} value={each.kind}>
                    {optionLabel(each, studyId)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {template && <p className="template-purpose">{kindPurpose(template.kind)}</p>}
          {templates === null || studyId === null || language === null ? (
            <p className="loading-line" role="status">
              <span className="spinner" aria-hidden="true" />
              {t("templates.loadingTemplates")}
            </p>
          ) : (
            template && (
              <TemplateEditor
                key={`${studyId}-${template.kind}-${language}`}
                studyId={studyId}
                template={template}
                previewLanguage={language}
                onChanged={setTemplates}
              />
            )
          )}
        </>
      )}
    </section>
  );
}

/** A message kind in the list, saying whether the study words it its own way and whether edits wait unsaved. */
function optionLabel(template: MessageTemplate, studyId: number | null): string {
  let label = kindLabel(template.kind);
  if (template.customised) label = t("templates.option.customised", { kind: label });
  if (studyId !== null && hasDraft(templateDraftKey(studyId, template.kind, template.language))) label = t("templates.option.unsaved", { kind: label });
  return label;
}
