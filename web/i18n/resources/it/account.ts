import type english from '../en/account.ts';
import type { Messages } from '../messages.ts';

const account: Messages<typeof english> = {};

export default account;
