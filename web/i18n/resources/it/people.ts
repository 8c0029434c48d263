import type english from '../en/people.ts';
import type { Messages } from '../messages.ts';

const people: Messages<typeof english> = {};

export default people;
