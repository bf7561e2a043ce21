import type { Ref } from 'preact';

export interface SummaryItem {
  /** The id of the control to fix; items without one (e.g. a server-side rule) are plain text. */
  id?: string | undefined;
  /** The control's label, shown first so that two "required" messages are told apart. */
  label?: string | undefined;
  message: string;
}

/**
 * The list of problems shown above a form after a failed submit (GOV.UK pattern). The parent
 * moves focus to it through `summaryRef`; each link moves focus to its control, which also works
 * inside a shadow root, where `#id` links would not.
 */
export function ErrorSummary(props: {
  title: string;
  items: readonly SummaryItem[];
  summaryRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div class="summary" part="summary" tabIndex={-1} ref={props.summaryRef}>
      <h3 class="summary-title">{props.title}</h3>
      <ul>
        {props.items.map((item) => (
          <li key={`${item.id}:${item.message}`}>
            {item.id ? (
              <a href={`#${item.id}`} onClick={(e) => focusControl(e, item.id!)}>
                {item.label && <strong>{item.label} </strong>}
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function focusControl(e: MouseEvent, id: string) {
  const root = (e.currentTarget as Node).getRootNode() as Document | ShadowRoot;
  const control = root.getElementById(id);
  if (!control) return;
  e.preventDefault();
  control.focus();
}
