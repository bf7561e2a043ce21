/**
 * Keyboard help shared by the queue and the case page: the list of shortcuts (one line each,
 * worded by the catalogue), shown inline (`KeyHelp`, a disclosure) or as a modal dialog opened
 * with `?` (`KeyHelpDialog`), and the one test of whether a key press belongs to a field.
 */
import { useEffect, useRef } from 'preact/hooks';

/** Whether a key press is typing (in a field, a list box or editable text), not a shortcut. */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  return (
    el.tagName === 'INPUT' ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    el.isContentEditable === true
  );
}

/** A plain key (no Ctrl, ⌘ or Alt) pressed outside any field. */
export function isShortcut(e: KeyboardEvent): boolean {
  return !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing && !typingIn(e.target);
}

function KeyLines({ lines }: { lines: readonly string[] }) {
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The shortcuts as a disclosure under the part they work on (the queue's list). */
export function KeyHelp({ title, lines }: { title: string; lines: readonly string[] }) {
  return (
    <details class="rv-keys">
      <summary>{title}</summary>
      <KeyLines lines={lines} />
    </details>
  );
}

/**
 * The shortcuts in a modal dialog. Escape or the close button closes it, and focus goes back to
 * where it was when the dialog opened (the dialog takes it while open).
 */
export function KeyHelpDialog(props: {
  open: boolean;
  title: string;
  lines: readonly string[];
  closeLabel: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      returnTo.current = dialog.ownerDocument.activeElement as HTMLElement | null;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      dialog.querySelector<HTMLElement>('button')?.focus();
    } else if (!props.open && dialog.open) {
      dialog.close?.();
      dialog.removeAttribute('open');
    }
    if (!props.open && returnTo.current) {
      returnTo.current.focus?.();
      returnTo.current = null;
    }
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      class="rv-key-dialog"
      aria-labelledby="rv-key-dialog-title"
      onClose={props.onClose}
      onCancel={(e) => {
        // Escape: closed through our state, so focus returns the same way as with the button.
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 id="rv-key-dialog-title">{props.title}</h2>
      <KeyLines lines={props.lines} />
      <button type="button" onClick={props.onClose}>
        {props.closeLabel}
      </button>
    </dialog>
  );
}
