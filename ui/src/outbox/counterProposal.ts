import { commands } from "../bindings/commands";
import type { AttentionItem, RuleBreakView } from "../bindings/types";
import { canBeAccepted } from "../workspace/interviews/ruleNames";

export type AcceptCheck =
  /** Nothing stands in the way: accept at once. */
  | { kind: "clear" }
  /** The time breaks rules the researcher may accept past, after seeing them. */
  | { kind: "confirm"; breaks: RuleBreakView[] }
  /** The time has no place left; capacity cannot be overridden. */
  | { kind: "full"; explanation: string }
  /** Confab could not check beforehand; accepting will say what is wrong, if anything. */
  | { kind: "unchecked" };

/** What accepting a counter-proposal would break, before anything changes. */
export async function checkCounterProposal(item: AttentionItem): Promise<AcceptCheck> {
  let breaks: RuleBreakView[];
  try {
    breaks = await commands.checkCounterProposal(item.id);
  } catch {
    // Accepting will say what is wrong, if anything (no session covers the time, say).
    return { kind: "unchecked" };
  }
  const full = breaks.find((b) => !canBeAccepted(b.rule));
  if (full) return { kind: "full", explanation: full.explanation };
  return breaks.length === 0 ? { kind: "clear" } : { kind: "confirm", breaks };
}

/** Accepts past exactly the rules the researcher was shown. */
export function acceptCounterProposal(item: AttentionItem, accepted: RuleBreakView[] = []) {
  return commands.acceptCounterProposal(
    item.id,
    accepted.map((b) => b.rule),
  );
}
