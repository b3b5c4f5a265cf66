import type { ConnectionCheck } from "../bindings/types";

const stageWords: Record<string, string> = {
  settings: "checking the settings",
  dns: "finding the server by name",
  connect: "connecting",
  tls: "setting up the secure connection",
  login: "logging in",
  folder: "opening the mail folders",
  conversation: "talking to the server",
};

/** Where a failed test stopped, e.g. "Outgoing mail (SMTP) failed while logging in". */
export function failedStep(check: ConnectionCheck): string {
  const server =
    check.server === "smtp" ? "Outgoing mail (SMTP)" : check.server === "imap" ? "Incoming mail (IMAP)" : "The connection";
  const stage = check.stage ? stageWords[check.stage] ?? check.stage : null;
  return stage ? `${server} failed while ${stage}` : `${server} failed`;
}

export function ConnectionResult({ check }: { check: ConnectionCheck }) {
  if (check.ok) {
    return (
      <div className="connection-result connection-ok" role="status" data-testid="connection-result" data-ok="true">
        <p className="connection-title">Both servers work</p>
        <p>{check.message}</p>
      </div>
    );
  }
  return (
    <div
      className="connection-result connection-failed"
      role="alert"
      data-testid="connection-result"
      data-ok="false"
      data-server={check.server ?? ""}
      data-stage={check.stage ?? ""}
    >
      <p className="connection-title">{failedStep(check)}</p>
      <p>{check.message}</p>
    </div>
  );
}
