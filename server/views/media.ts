/**
 * Where images are served. An image's bytes never change under its id, so its URL needs no version; a
 * preview's image changes when the post's link does, so its URL carries the image's content tag.
 */
export const mediaUrl = (id: number): string => `/api/v1/media/${id}`;
export const previewImageUrl = (postId: number, etag: string): string => `/api/v1/posts/${postId}/link-preview/image?v=${etag}`;
