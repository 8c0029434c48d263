import type english from '../en/profile.ts';
import type { Messages } from '../messages.ts';

const profile: Messages<typeof english> = {};

export default profile;
