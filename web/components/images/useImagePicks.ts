import { useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../../common/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { mediaApi } from '../../api/media.ts';

/** An image picked in a composer: uploaded at once, attached by id when the post or message is sent. */
export interface PickedImage {
  key: string;
  /** A local object URL of the file, for the thumbnail (the upload's own URL would need a round trip). */
  previewUrl: string;
  status: 'uploading' | 'uploaded' | 'failed';
  /** Fraction sent, 0 to 1. */
  progress: number;
  id: number | null;
  alt: string;
  /** Why it failed, in the reader's language. */
  error: string | null;
}

/** What the file chooser offers; the server judges the content, whatever a file claims to be. */
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

let nextKey = 0;

/**
 * A composer's images (a post's, or a message's one): each file uploads as soon as it is picked (with
 * progress), at most `max` of them; removing one also removes its upload from the server. `tooLarge` words
 * the refusal of a file over the size limit, which is known here without a round trip; the server's
 * refusals (image_unsupported, image_too_large…) are worded from their problem codes.
 */
export function useImagePicks(tooLarge: string, max: number = LIMITS.postImagesMax) {
  const [images, setImages] = useState<PickedImage[]>([]);
  const [dropped, setDropped] = useState(0);
  const uploads = useRef(new Map<string, AbortController>());
  const urls = useRef(new Set<string>());

  useEffect(() => {
    const open = uploads.current;
    const made = urls.current;
    return () => {
      for (const controller of open.values()) controller.abort();
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, []);

  const update = (key: string, patch: Partial<PickedImage>) => setImages((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const start = (file: File): PickedImage => {
    const key = `img-${++nextKey}`;
    const previewUrl = URL.createObjectURL(file);
    urls.current.add(previewUrl);
    if (file.size > LIMITS.imageBytesMax) return { key, previewUrl, status: 'failed', progress: 0, id: null, alt: '', error: tooLarge };
    const controller = new AbortController();
    uploads.current.set(key, controller);
    mediaApi
      .upload(file, (progress) => update(key, { progress }), controller.signal)
      .then((uploaded) => update(key, { status: 'uploaded', progress: 1, id: uploaded.id }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) update(key, { status: 'failed', error: errorMessage(error) });
      })
      .finally(() => uploads.current.delete(key));
    return { key, previewUrl, status: 'uploading', progress: 0, id: null, alt: '', error: null };
  };

  return {
    images,
    /** How many files of the last pick did not fit under the limit. */
    dropped,
    full: images.length >= max,
    /** Every image has uploaded: the post or message can be sent. */
    ready: images.every((i) => i.status === 'uploaded'),
    add(files: File[]) {
      const room = Math.max(0, max - images.length);
      setDropped(Math.max(0, files.length - room));
      const started = files.slice(0, room).map(start);
      setImages((list) => [...list, ...started]);
    },
    setAlt: (key: string, alt: string) => update(key, { alt }),
    remove(key: string) {
      const image = images.find((i) => i.key === key);
      uploads.current.get(key)?.abort();
      // Not waited for: an upload left behind expires on its own within a day.
      if (image?.id) void mediaApi.remove(image.id).catch(() => undefined);
      if (image) {
        URL.revokeObjectURL(image.previewUrl);
        urls.current.delete(image.previewUrl);
      }
      setDropped(0);
      setImages((list) => list.filter((i) => i.key !== key));
    },
    /** After sending: the uploads now belong to the post or message, only the local previews go. */
    clear() {
      for (const image of images) {
        URL.revokeObjectURL(image.previewUrl);
        urls.current.delete(image.previewUrl);
      }
      setDropped(0);
      setImages([]);
    },
    attachments: () => images.flatMap((i) => (i.id === null ? [] : [{ id: i.id, alt: i.alt.trim() }])),
  };
}

export type ImagePicks = ReturnType<typeof useImagePicks>;
