import type english from '../en/admin.ts';
import type { Messages } from '../messages.ts';

const admin: Messages<typeof english> = {};

export default admin;
