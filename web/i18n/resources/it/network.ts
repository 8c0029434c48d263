import type english from '../en/network.ts';
import type { Messages } from '../messages.ts';

const network: Messages<typeof english> = {};

export default network;
