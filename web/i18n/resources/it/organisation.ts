import type english from '../en/organisation.ts';
import type { Messages } from '../messages.ts';

const organisation: Messages<typeof english> = {};

export default organisation;
