import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type Edit,
  type EditKind,
  type Rect,
  rectBetween,
  toImagePoint,
} from '../capture/screenshot/edits';
import { render } from '../capture/screenshot/render';
import type { ComplaintDb } from '../db/database';
import type { AttachmentRow } from '../db/types';
import type { T } from '../i18n';
import { useLive } from '../ui/use-live';

/** Re-encoding quality of an edited screenshot (the capture's own is 0.6 after downscaling). */
const SAVE_QUALITY = 0.85;

/**
 * The capture's screenshot, editable before it leaves the device: mark an area by dragging (or
 * typing its numbers), then crop to it, highlight it or black it out. Saving replaces the stored
 * picture (what was blacked out is gone) and releases it for the team server.
 */
export function ScreenshotEditor(props: {
  db: ComplaintDb;
  complaintId: string;
  t: T;
  onRemoved?: (attachmentId: string) => void;
}) {
  const { db, complaintId } = props;
  const shot = useLive(
    () =>
      db.attachments
        .where('complaintId')
        .equals(complaintId)
        .filter((a) => a.id.endsWith('-screenshot'))
        .first(),
    [complaintId],
    undefined,
  );
  if (!shot) return null;
  return <Editor key={shot.id} shot={shot} {...props} />;
}

function Editor(props: {
  db: ComplaintDb;
  shot: AttachmentRow;
  t: T;
  onRemoved?: (attachmentId: string) => void;
}) {
  const { db, shot, t } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<HTMLImageElement>();
  const [edits, setEdits] = useState<Edit[]>([]);
  const [area, setArea] = useState<Rect>();
  const [drag, setDrag] = useState<{ x: number; y: number }>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    const url = URL.createObjectURL(shot.blob);
    const img = new Image();
    img.onload = () => setImage(img);
    img.src = url;
    return () => URL.revokeObjectURL(url);
  }, [shot.blob]);

  useEffect(() => {
    if (image && canvas.current) render(canvas.current, image, edits);
  }, [image, edits]);

  const point = (e: PointerEvent) => {
    const c = canvas.current!;
    const box = c.getBoundingClientRect();
    return toImagePoint(
      { x: e.clientX - box.left, y: e.clientY - box.top },
      { w: box.width, h: box.height },
      { w: c.width, h: c.height },
    );
  };
  const size = () => ({ w: canvas.current?.width ?? 0, h: canvas.current?.height ?? 0 });

  function apply(kind: EditKind) {
    if (!area) return setStatus(t('cap.shot.noArea'));
    setEdits([...edits, { kind, rect: area }]);
    setArea(undefined);
    setStatus('');
  }

  async function save() {
    const c = canvas.current;
    if (!c) return;
    const blob = await new Promise<Blob | null>((ok) => c.toBlob(ok, 'image/jpeg', SAVE_QUALITY));
    if (!blob) return;
    await db.attachments.update(shot.id, {
      blob,
      size: blob.size,
      type: 'image/jpeg',
      held: undefined,
    });
    setEdits([]);
    setStatus(t('cap.shot.saved'));
  }

  async function remove() {
    await db.attachments.delete(shot.id);
    props.onRemoved?.(shot.id);
  }

  const field = (key: keyof Rect, label: string) => (
    <label class="cd-inline">
      {label}
      <input
        type="number"
        min={0}
        value={area?.[key] ?? ''}
        onInput={(e) => {
          const v = Number(e.currentTarget.value);
          const next = { x: 0, y: 0, w: 0, h: 0, ...area, [key]: v };
          setArea(
            rectBetween(
              { x: next.x, y: next.y },
              { x: next.x + next.w, y: next.y + next.h },
              size(),
            ) ?? next,
          );
        }}
      />
    </label>
  );

  return (
    <section class="cd-shot" aria-labelledby="cd-shot-h">
      <h2 id="cd-shot-h">{t('cap.shot.title')}</h2>
      <p class="cd-help">{t('cap.shot.help')}</p>
      <div class="cd-shot-frame">
        <canvas
          ref={canvas}
          role="img"
          aria-label={t('cap.shot.alt')}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture?.(e.pointerId);
            setDrag(point(e));
          }}
          onPointerMove={(e) => drag && setArea(rectBetween(drag, point(e), size()))}
          onPointerUp={(e) => {
            if (drag) setArea(rectBetween(drag, point(e), size()));
            setDrag(undefined);
          }}
        />
        {area && canvas.current && (
          <div
            class="cd-shot-area"
            style={{
              left: `${(area.x / canvas.current.width) * 100}%`,
              top: `${(area.y / canvas.current.height) * 100}%`,
              width: `${(area.w / canvas.current.width) * 100}%`,
              height: `${(area.h / canvas.current.height) * 100}%`,
            }}
          />
        )}
      </div>
      <fieldset>
        <legend>{t('cap.shot.keyboard')}</legend>
        {field('x', 'x')} {field('y', 'y')} {field('w', 'w')} {field('h', 'h')}
      </fieldset>
      <p class="cd-row">
        <button type="button" onClick={() => apply('crop')}>
          {t('cap.shot.crop')}
        </button>
        <button type="button" onClick={() => apply('highlight')}>
          {t('cap.shot.highlight')}
        </button>
        <button type="button" onClick={() => apply('redact')}>
          {t('cap.shot.redact')}
        </button>
        <button type="button" disabled={!edits.length} onClick={() => setEdits([])}>
          {t('cap.shot.undo')}
        </button>
        <button type="button" class="cd-primary" onClick={save}>
          {t('cap.shot.save')}
        </button>
        <button type="button" onClick={remove}>
          {t('cap.shot.remove')}
        </button>
      </p>
      <p role="status" class="cd-help">
        {area ? t('cap.shot.area', area) : status}
      </p>
    </section>
  );
}
