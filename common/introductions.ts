/**
 * The plain values of introductions, without zod, so the web can import them without the schema library
 * (schemas: common/schemas/introductions.ts).
 */
export const INTRODUCTION_BOXES = ['asked', 'to-forward', 'received'] as const;
export type IntroductionBox = (typeof INTRODUCTION_BOXES)[number];
