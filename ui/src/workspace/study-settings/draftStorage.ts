import type { SettingsDraft } from "./settingsDraft";

/** Unsaved Study settings, kept across a closed window until saved or discarded. */
export type StoredDraft = { draft: SettingsDraft; savedAt: string };

const key = (studyId: number) => `confab.studySettingsDraft.${studyId}`;

export function readStoredDraft(studyId: number): StoredDraft | null {
  try {
    const text = localStorage.getItem(key(studyId));
    if (text === null) return null;
    const parsed = JSON.parse(text) as Partial<StoredDraft>;
    if (typeof parsed !== "object" || parsed === null || typeof parsed.draft !== "object" || parsed.draft === null) {
      return null;
    }
    return { draft: parsed.draft, savedAt: typeof parsed.savedAt === "string" ? parsed.savedAt : "" };
  } catch {
    // A damaged or inaccessible draft is not worth an error: the saved settings still show.
    return null;
  }
}

export function storeDraft(studyId: number, draft: SettingsDraft): void {
  try {
    localStorage.setItem(key(studyId), JSON.stringify({ draft, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the draft simply is not kept.
  }
}

export function forgetDraft(studyId: number): void {
  try {
    localStorage.removeItem(key(studyId));
  } catch {
    // Nothing to do: see storeDraft.
  }
}
