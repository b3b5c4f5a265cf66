import { useEffect, useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, TemplatePreview } from "../bindings/types";
import { toAppError } from "../errors";

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
  const [state, setState] = useState<PreviewState>({ preview: null, problem: null, updating: false });
  useEffect(() => {
    if (subject === null || body === null) return;
    let active = true;
    setState((s) => ({ ...s, updating: true }));
    const timer = setTimeout(() => {
      commands
        .previewMessageTemplate(subject, body, language)
        .then((preview) => {
          if (active) setState({ preview, problem: null, updating: false });
        })
        .catch((reason: unknown) => {
          // The last good preview stays, so the pane does not flicker while someone types "{{".
          if (active) setState((s) => ({ ...s, problem: toAppError(reason), updating: false }));
        });
    }, delayMs);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [subject, body, language, delayMs]);
  return state;
}
