import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, StudySettings, StudySummary } from "../../bindings/types";
import { toAppError } from "../../errors";
import { clearDraft, loadDraft, saveDraft } from "../../drafts/drafts";
import {
  draftOf,
  rebaseDraft,
  sameDraft,
  schedulingChanged,
  settingsErrorsFrom,
  studyDetailsChanged,
  toNewStudy,
  toStudySettings,
  type DraftErrors,
  type DraftField,
  type SettingsDraft,
} from "./settingsDraft";

export type SaveState = "idle" | "saving" | "saved";

type Loaded = { saved: SettingsDraft; settings: StudySettings };

/**
 * Unsaved Study settings with the time they were kept and the saved values they started from,
 * across a closed window until saved or discarded.
 */
type StoredDraft = { draft: SettingsDraft; savedAt: string; base?: SettingsDraft };

const draftKey = (studyId: number) => `studySettings.${studyId}`;

function readStoredDraft(studyId: number): StoredDraft | null {
  const stored = loadDraft<Partial<StoredDraft>>(draftKey(studyId));
  // A damaged draft is not worth an error: the saved settings still show.
  if (typeof stored !== "object" || stored === null || typeof stored.draft !== "object" || stored.draft === null) return null;
  const base = typeof stored.base === "object" && stored.base !== null ? stored.base : undefined;
  return { draft: stored.draft, savedAt: typeof stored.savedAt === "string" ? stored.savedAt : "", base };
}

const storeDraft = (studyId: number, draft: SettingsDraft, base: SettingsDraft) =>
  saveDraft<StoredDraft>(draftKey(studyId), { draft, savedAt: new Date().toISOString(), base });
const forgetDraft = (studyId: number) => clearDraft(draftKey(studyId));

/**
 * The Study settings form: loading, the draft kept in local storage while unsaved, and saving
 * the study's details and its scheduling settings with their errors placed on their fields.
 */
export function useSettingsForm(study: StudySummary, onStudyChanged: (study: StudySummary) => void) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<AppError | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("idle");

  // The form starts from the settings as loaded, or from the draft kept while they were unsaved.
  const start = useEffectEvent((settings: StudySettings) => {
    const saved = draftOf(study, settings);
    const stored = readStoredDraft(study.id);
    // Fields added since the draft was kept take their saved value, and so do those the
    // researcher had not changed: someone else may have saved them while the window was closed.
    const kept = stored ? { ...saved, ...stored.draft } : null;
    const restored = kept && stored?.base ? rebaseDraft(kept, { ...saved, ...stored.base }, saved) : kept;
    setLoaded({ saved, settings });
    if (restored && !sameDraft(restored, saved)) {
      setDraft(restored);
      setRestoredAt(stored?.savedAt || null);
    } else {
      forgetDraft(study.id);
      setDraft(saved);
    }
  });

  // Loaded once per study: a rename saved from this form must not reload over the draft.
  useEffect(() => {
    let active = true;
    commands
      .studySettings(study.id)
      .then((settings) => {
        if (active) start(settings);
      })
      .catch((reason: unknown) => {
        if (active) setLoadError(toAppError(reason));
      });
    return () => {
      active = false;
    };
  }, [study.id]);

  const saved = loaded?.saved ?? null;
  const dirty = draft !== null && saved !== null && !sameDraft(draft, saved);

  useEffect(() => {
    if (draft === null || saved === null) return;
    if (sameDraft(draft, saved)) forgetDraft(study.id);
    else storeDraft(study.id, draft, saved);
  }, [draft, saved, study.id]);

  const change = useCallback(<F extends DraftField>(field: F, value: SettingsDraft[F]) => {
    setDraft((d) => (d === null ? d : { ...d, [field]: value }));
    setErrors((e) => {
      if (e[field] === undefined) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
    setSaveState("idle");
  }, []);

  const discard = useCallback(() => {
    if (saved === null) return;
    setDraft(saved);
    setErrors({});
    setFormError(null);
    setRestoredAt(null);
    forgetDraft(study.id);
  }, [saved, study.id]);

  /** Saves what changed; returns the fields with errors, in no particular order. */
  const save = useCallback(async (): Promise<DraftField[]> => {
    if (draft === null || loaded === null) return [];
    const details = toNewStudy(draft);
    const scheduling = toStudySettings(draft);
    const found = { ...details.errors, ...scheduling.errors };
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return Object.keys(found) as DraftField[];

    setSaveState("saving");
    let current = loaded;
    try {
      if (studyDetailsChanged(draft, current.saved)) {
        // What the form started from: what someone else changed meanwhile is kept, not overwritten.
        const updated = await commands.updateStudy(study.id, details.study, toNewStudy(current.saved).study);
        current = { ...current, saved: draftOf(updated, current.settings) };
        setLoaded(current);
        onStudyChanged(updated);
      }
      if (schedulingChanged(draft, current.saved)) {
        const settings = await commands.updateStudySettings(study.id, scheduling.settings, current.settings);
        current = { settings, saved: { ...draftOf(study, settings), ...pickStudy(current.saved) } };
        setLoaded(current);
      }
    } catch (reason) {
      setSaveState("idle");
      const error = toAppError(reason);
      // Someone else saved the same setting meanwhile: the form starts again from what is saved
      // now, keeping what was typed, so that saving again keeps the researcher's values.
      if (error.code === "changed_meanwhile") {
        const now = await savedNow(study);
        if (now) {
          const base = current.saved;
          setLoaded(now);
          setDraft((d) => (d === null ? d : rebaseDraft(d, base, now.saved)));
        }
      }
      return placeError(error, setErrors, setFormError);
    }
    setDraft(current.saved);
    setRestoredAt(null);
    setSaveState("saved");
    return [];
  }, [draft, loaded, study, onStudyChanged]);

  return { draft, saved, dirty, loadError, restoredAt, errors, formError, saveState, change, save, discard, setFormError };
}

/** What is saved now, as the form starts from it; null when it cannot be read. */
async function savedNow(study: StudySummary): Promise<Loaded | null> {
  try {
    const [settings, studies] = await Promise.all([commands.studySettings(study.id), commands.listStudies()]);
    const now = studies.find((s) => s.id === study.id) ?? study;
    return { settings, saved: draftOf(now, settings) };
  } catch {
    // The refusal is shown either way; the next save is checked against the older values again.
    return null;
  }
}

function pickStudy(d: SettingsDraft): Partial<SettingsDraft> {
  return { name: d.name, description: d.description, timeZone: d.timeZone, interviewMinutes: d.interviewMinutes };
}

/** Puts a refused save's message on the fields it names; what names none goes above the form. */
function placeError(
  error: AppError,
  setErrors: (e: DraftErrors) => void,
  setFormError: (e: AppError | null) => void,
): DraftField[] {
  const { fields, rest } = settingsErrorsFrom(error);
  setErrors(fields);
  if (rest.length > 0) {
    setFormError({ code: error.code, message: rest.join(" ") });
  }
  return Object.keys(fields) as DraftField[];
}
