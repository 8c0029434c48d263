import type english from '../en/home.ts';
import type { Messages } from '../messages.ts';

const home: Messages<typeof english> = {};

export default home;
