import type english from '../en/reasons.ts';
import type { Messages } from '../messages.ts';

const reasons: Messages<typeof english> = {};

export default reasons;
