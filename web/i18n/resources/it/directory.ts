import type english from '../en/directory.ts';
import type { Messages } from '../messages.ts';

const directory: Messages<typeof english> = {};

export default directory;
