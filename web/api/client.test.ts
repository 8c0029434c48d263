import { expect, it } from 'vitest';
import { ApiError } from './client.ts';

it('keeps a code of the catalogue and calls any other unknown_error, keeping the message', () => {
  expect(new ApiError(409, { code: 'invitation_pending', title: 'You have already invited this member.' }).code).toBe('invitation_pending');
  const stranger = new ApiError(418, { code: 'teapot', title: 'Short and stout.' });
  expect(stranger.code).toBe('unknown_error');
  expect(stranger.message).toBe('Short and stout.');
  expect(new ApiError(0, {}, 'network_error').code).toBe('network_error');
});
