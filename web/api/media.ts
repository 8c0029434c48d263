import type { ImageUploaded } from '../../common/schemas/media.ts';
import { api, upload } from './client.ts';

export type { ImageUploaded };
export type { ImageView, LinkPreviewView } from '../../common/schemas/media.ts';

/** Images for posts and messages: uploaded first, then attached by id (docs/feed.md, "Images"). */
export const mediaApi = {
  /** Uploads one image; `onProgress` gets the fraction sent. */
  upload: (file: File, onProgress?: (fraction: number) => void, signal?: AbortSignal) => {
    const form = new FormData();
    form.append('image', file);
    return upload<ImageUploaded>('/media', form, onProgress, signal);
  },
  /** Removes an upload not yet attached (the composer's Remove). */
  remove: (id: number) => api<void>('DELETE', `/media/${id}`),
};
