/**
 * A member's export of their data (issue 14; docs/exports.md): plain values shared by the server and the web.
 */

/** Where an export stands: `queued` until the job takes it, `running` while the ZIP is written, then `done` or `failed`. */
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** How long a finished export can be downloaded before the hourly sweep deletes it. */
export const EXPORT_VALID_DAYS = 7;

/** Exports a member may request in a day (one at a time, besides): an export reads everything they have. */
export const EXPORTS_PER_DAY = 5;

/** The export's format, in its manifest.json; a reader refuses another format or a newer version. */
export const EXPORT_FORMAT = 'rapport-export';
export const EXPORT_VERSION = 1;
