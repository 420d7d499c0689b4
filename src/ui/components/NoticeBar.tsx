import { actions, useStore } from "../../state/store.ts";
import "./notices.css";

/** Dismissible notices, e.g. what a shared link contained that could not be used. */
export function NoticeBar() {
  const notices = useStore((s) => s.notices);
  return (
    <div role="status" aria-live="polite" className="notice-bar" hidden={notices.length === 0}>
      {notices.length > 0 && (
        <>
          <ul>
            {notices.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
          <button type="button" onClick={() => actions.dismissNotices()}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
