import type english from '../en/search.ts';
import type { Messages } from '../messages.ts';

const search: Messages<typeof english> = {};

export default search;
