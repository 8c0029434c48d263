import api from '../../../../common/i18n/errors/it.ts';
import type english from '../en/errors.ts';
import type { Messages } from '../messages.ts';

const errors: Messages<typeof english> = {
  ...api,
};

export default errors;
