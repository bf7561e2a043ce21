import { sniffImageType } from '@shared/schema/image-type';
import type { SubmitImage } from './events';

/** An image ready to send: at most 1600 px on its longest side and at most 1 MB. */
export type PreparedImage = SubmitImage;

export const MAX_IMAGE_SIDE = 1600;
export const MAX_IMAGE_BYTES = 1_048_576;

/**
 * Downscales a photo in the browser (canvas): kept as is when it already fits and is a JPEG, PNG
 * or WebP by its bytes (what the intake accepts), else redrawn as JPEG at falling quality, then
 * smaller, until it fits. Rejects when the file is not a readable
 * image (e.g. HEIC in a browser that cannot decode it).
 */
export async function prepareImage(file: File): Promise<PreparedImage> {
  if (!file.type.startsWith('image/')) throw new Error('not an image');
  const bitmap = await createImageBitmap(file);
  const longest = Math.max(bitmap.width, bitmap.height);
  let scale = Math.min(1, MAX_IMAGE_SIDE / longest);
  if (
    scale === 1 &&
    file.size <= MAX_IMAGE_BYTES &&
    sniffImageType(new Uint8Array(await file.slice(0, 12).arrayBuffer())) === file.type
  ) {
    bitmap.close();
    return {
      name: file.name,
      type: file.type,
      size: file.size,
      dataUrl: await readDataUrl(file),
      blob: file,
    };
  }
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  for (let quality = 0.85; ; ) {
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    ctx.fillStyle = '#fff'; // JPEG has no transparency
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', quality),
    );
    if (!blob) throw new Error('canvas could not encode');
    if (blob.size <= MAX_IMAGE_BYTES) {
      bitmap.close();
      const name = file.name.replace(/\.[^.]*$/, '') || 'image';
      return {
        name: `${name}.jpg`,
        type: 'image/jpeg',
        size: blob.size,
        dataUrl: await readDataUrl(blob),
        blob,
      };
    }
    if (quality > 0.55) quality -= 0.15;
    else scale *= 0.75;
  }
}

function readDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
