import { GettingStarted } from "./overview/GettingStarted";
import { loadOverview, type OverviewData } from "./overview/loadOverview";
import { NeedsAttention } from "./overview/NeedsAttention";
import { NextInterviews } from "./overview/NextInterviews";
import { StatusCounts } from "./overview/StatusCounts";
import { useResearcherZone } from "./overview/useResearcherZone";
import type { PaneProps } from "./paneProps";
import { t } from "../i18n";
import { useLoaded } from "../useLoaded";
import "./overview/overview.css";

export function OverviewPane({ study, onError, onOpenPane }: PaneProps) {
  const { data, error } = useLoaded(() => loadOverview(study.id), [study.id], { onError });
  const failed = error !== null;
  const zone = useResearcherZone(study.timeZone);

  return (
    <section className="screen" data-testid="pane-overview-screen" aria-labelledby="overview-heading">
      <header className="screen-header">
        <h1 id="overview-heading">{t("overview.title")}</h1>
        <span className="screen-subtitle">{study.name}</span>
      </header>
      {data === undefined && !failed && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("overview.loading")}
        </p>
      )}
      {failed && (
        <p className="panel-hint" data-testid="overview-failed">
          {t("overview.failed")}
        </p>
      )}
      {data !== undefined && (
        <div className="overview">
          {data.overview.participants === 0 && (
            <GettingStarted sessions={data.sessions} participants={data.overview.participants} onOpenPane={onOpenPane} />
          )}
          {/* Rows of zeros say nothing the steps above do not; the figures appear with the first participant. */}
          {data.overview.participants > 0 && (
            <div className="overview-figures">
              <Figure
                label={t("overview.figure.participants")}
                value={data.overview.participants}
                testId="figure-participants"
                onOpen={onOpenPane && (() => onOpenPane("participants"))}
              />
              <Figure
                label={t("overview.figure.scheduled")}
                value={scheduledCount(data)}
                testId="figure-scheduled"
                onOpen={onOpenPane && (() => onOpenPane("interviews"))}
              />
              <Figure label={t("overview.figure.attention")} value={data.overview.attention} testId="figure-attention" warn />
              <Figure label={t("overview.figure.outbox")} value={data.overview.outboxWaiting} testId="figure-outbox" />
            </div>
          )}
          {data.overview.participants > 0 && (
            <StatusCounts counts={data.overview.counts} total={data.overview.participants} onOpenPane={onOpenPane} />
          )}
          <div className="overview-columns">
            <NextInterviews
              interviews={data.overview.nextInterviews}
              zone={zone}
              participantZones={data.participantZones}
              onOpenPane={onOpenPane}
            />
            <NeedsAttention
              items={data.attention}
              outboxWaiting={data.overview.outboxWaiting}
              zone={zone}
              onOpenPane={onOpenPane}
            />
          </div>
        </div>
      )}
    </section>
  );
}

function scheduledCount(data: OverviewData): number {
  return data.overview.counts.find((c) => c.status === "interview_scheduled")?.count ?? 0;
}

type FigureProps = {
  label: string;
  value: number;
  testId: string;
  warn?: boolean;
  /** Opens the section behind the figure; the Outbox's figures have none, it is outside the study. */
  onOpen?: (() => void) | undefined;
};

function Figure({ label, value, testId, warn = false, onOpen }: FigureProps) {
  const className = warn && value > 0 ? "overview-figure is-warning" : "overview-figure";
  const content = (
    <>
      <span className="overview-figure-value">{value}</span>
      <span className="overview-figure-label">
        {label}
        {onOpen && <span aria-hidden="true"> →</span>}
      </span>
    </>
  );
  if (!onOpen) {
    return (
      <div className={className} data-testid={testId}>
        {content}
      </div>
    );
  }
  return (
    <button type="button" className={`${className} is-link`} data-testid={testId} onClick={onOpen}>
      {content}
    </button>
  );
}
