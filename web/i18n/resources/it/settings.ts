import type english from '../en/settings.ts';
import type { Messages } from '../messages.ts';

const settings: Messages<typeof english> = {};

export default settings;
