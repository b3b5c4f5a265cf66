import { useCallback, useReducer, useRef } from "react";
import type { RuleBreakView, RuleBreak } from "../../bindings/types";
import { toAppError } from "../../errors";
import { initialRuleFlow, ruleFlow } from "./ruleFlow";

type Options<Target> = {
  check: (target: Target) => Promise<RuleBreakView[]>;
  save: (target: Target, acceptedRules: RuleBreak[]) => Promise<void>;
};

/** Runs the check-then-confirm-then-save steps of `ruleFlow` against the back end. */
export function useRuleCheckedSave<Target>({ check, save }: Options<Target>) {
  const [state, dispatch] = useReducer(ruleFlow, initialRuleFlow);
  const target = useRef<Target | null>(null);
  // Only the newest attempt may move the flow on; an older answer would describe another time.
  const attempt = useRef(0);

  const runSave = useCallback(
    async (chosen: Target, accepted: RuleBreak[], current: number) => {
      try {
        await save(chosen, accepted);
        if (current === attempt.current) dispatch({ type: "saved" });
      } catch (reason) {
        if (current === attempt.current) dispatch({ type: "failed", error: toAppError(reason) });
      }
    },
    [save],
  );

  const start = useCallback(
    async (chosen: Target) => {
      const current = ++attempt.current;
      target.current = chosen;
      dispatch({ type: "check" });
      let breaks: RuleBreakView[];
      try {
        breaks = await check(chosen);
      } catch (reason) {
        if (current === attempt.current) dispatch({ type: "failed", error: toAppError(reason) });
        return;
      }
      if (current !== attempt.current) return;
      dispatch({ type: "checked", breaks });
      if (breaks.length === 0) await runSave(chosen, [], current);
    },
    [check, runSave],
  );

  const accept = useCallback(async () => {
    if (state.phase !== "confirming" || target.current === null) return;
    const current = attempt.current;
    dispatch({ type: "accept" });
    await runSave(
      target.current,
      state.breaks.map((b) => b.rule),
      current,
    );
  }, [state, runSave]);

  const reset = useCallback(() => {
    attempt.current++;
    target.current = null;
    dispatch({ type: "reset" });
  }, []);

  return { state, start, accept, reset };
}
