import type english from '../en/errors.ts';
import type { Messages } from '../messages.ts';

const errors: Messages<typeof english> = {};

export default errors;
