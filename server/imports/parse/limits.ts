import type { ImportLimits } from '../records.ts';

/**
 * The limits an upload is read under unless the operator sets others. A LinkedIn archive of a very active
 * member is tens of MB; 200 MB leaves room without letting one upload fill a disk. Text CSVs deflate about
 * 5-10x and repetitive ones up to ~50x, so 1 GB inflated in total and 100x per entry (checked once an entry
 * has inflated past RATIO_FLOOR_BYTES, because tiny files compress at silly ratios) stop a ZIP bomb long
 * before it hurts while leaving every genuine export alone.
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = Object.freeze({
  maxUploadBytes: 200 * 1024 * 1024,
  maxRowsPerFile: 100_000,
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxInflationRatio: 100,
});

/** Below this many inflated bytes an entry's ratio is not judged (a 2 KB file of commas may deflate 200x). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** How many records are scanned for a known header row (LinkedIn's Connections.csv has a `Notes:` preamble). */
export const HEADER_SCAN_RECORDS = 20;
