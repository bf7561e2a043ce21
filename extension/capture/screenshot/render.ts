import { type Edit, plan } from './edits';

/** What `render` draws with: a canvas 2D context (the side panel's, or an OffscreenCanvas's). */
type Context2D = Pick<
  CanvasRenderingContext2D,
  'drawImage' | 'fillRect' | 'strokeRect' | 'fillStyle' | 'strokeStyle' | 'lineWidth'
>;

/** Highlight: a thick outline, and a light wash so the area stands out in grey-scale prints. */
export const HIGHLIGHT = { stroke: '#ffbf00', fill: 'rgba(255, 191, 0, 0.18)', width: 4 };

/**
 * Draws `image` with the edits on `canvas` (resized to the result). A redaction is an opaque
 * black fill: the picture is re-encoded from these pixels, so what it covered is gone.
 */
export function render(
  canvas: { width: number; height: number; getContext(id: '2d'): unknown },
  image: CanvasImageSource & { width: number; height: number },
  edits: readonly Edit[],
): void {
  const { crop, marks } = plan({ w: image.width, h: image.height }, edits);
  canvas.width = crop.w;
  canvas.height = crop.h;
  const ctx = canvas.getContext('2d') as Context2D | null;
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(image, crop.x, crop.y, crop.w, crop.h, 0, 0, crop.w, crop.h);
  for (const m of marks) {
    const { x, y, w, h } = m.rect;
    if (m.kind === 'redact') {
      ctx.fillStyle = '#000';
      ctx.fillRect(x, y, w, h);
    } else {
      ctx.fillStyle = HIGHLIGHT.fill;
      ctx.fillRect(x, y, w, h);
      ctx.strokeStyle = HIGHLIGHT.stroke;
      ctx.lineWidth = HIGHLIGHT.width;
      ctx.strokeRect(x, y, w, h);
    }
  }
}
