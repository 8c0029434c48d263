/**
 * Typed arrays on SharedArrayBuffers, so worker threads can read the graph index without copies (csr.ts).
 * Falls back to ordinary buffers where SharedArrayBuffer is unavailable.
 */
const hasSab = typeof SharedArrayBuffer === 'function';

export function allocInt32(length: number): Int32Array {
  return hasSab ? new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4)).subarray(0, length) : new Int32Array(length);
}
export function allocUint32(length: number): Uint32Array {
  return hasSab ? new Uint32Array(new SharedArrayBuffer(Math.max(1, length) * 4)).subarray(0, length) : new Uint32Array(length);
}
export function allocUint8(length: number): Uint8Array {
  return hasSab ? new Uint8Array(new SharedArrayBuffer(Math.max(4, length))).subarray(0, length) : new Uint8Array(length);
}
export function allocUint16(length: number): Uint16Array {
  return hasSab ? new Uint16Array(new SharedArrayBuffer(Math.max(1, length) * 2 + 2)).subarray(0, length) : new Uint16Array(length);
}
