import { t } from "./i18n";
export type Notice = {
  tone: "success" | "failure";
  title: string;
  /** Says what happened and, for a failure, what to do; the back end words it. */
  message: string;
};

type Props = {
  notice: Notice;
  onDismiss: () => void;
};

/** How an action the window did not start itself (a menu's backup or restore) ended. */
export function NoticeBanner({ notice, onDismiss }: Props) {
  const failed = notice.tone === "failure";
  return (
    <div
      className={failed ? "notice error-banner" : "notice notice-success"}
      role={failed ? "alert" : "status"}
      data-testid="notice"
      data-tone={notice.tone}
    >
      <div className="error-banner-text">
        <p className="notice-title">{notice.title}</p>
        <p className="notice-message">{notice.message}</p>
      </div>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        {t("common.dismiss")}
      </button>
    </div>
  );
}
