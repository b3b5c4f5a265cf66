import { commands } from "../bindings/commands";
import type { AppError, TemplatePreview } from "../bindings/types";
import { pause, useLoaded } from "../useLoaded";

export type PreviewState = {
  preview: TemplatePreview | null;
  /** Why the template cannot be used as it is, worded for the editor. */
  problem: AppError | null;
  updating: boolean;
};

/** The template filled with sample values, following the editor a moment after each change. */
export function useTemplatePreview(
  subject: string | null,
  body: string | null,
  language: string,
  delayMs = 300,
): PreviewState {
  // The last good preview stays, so the pane does not flicker while someone types "{{".
  const filled = useLoaded(
    (signal) =>
      subject === null || body === null
        ? null
        : pause(delayMs, signal).then(() => commands.previewMessageTemplate(subject, body, language)),
    [subject, body, language, delayMs],
    { keepPrevious: true },
  );
  return {
    preview: filled.data ?? null,
    problem: filled.error,
    updating: filled.loading && subject !== null && body !== null,
  };
}
