import type english from '../en/editProfile.ts';
import type { Messages } from '../messages.ts';

const editProfile: Messages<typeof english> = {};

export default editProfile;
