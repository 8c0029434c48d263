import { expect, it } from 'vitest';
import { signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { uploadPhoto } from '../../test/uploads.ts';

/** A profile photo follows its member: whoever may not see the member may not fetch their photo either. */
describeEachEngine('profile photos follow blocks and suspension', (get) => {
  it('hides a photo from the member its owner blocked and from everyone once the owner is suspended', async () => {
    const { app } = get();
    const operator = await signUp(app, 'Photo Operator');
    const owner = await signUp(app, 'Photo Owner');
    const blocked = await signUp(app, 'Photo Blocked');
    const bystander = await signUp(app, 'Photo Bystander');
    const upload = await uploadPhoto(app, owner);
    expect(upload.statusCode, upload.body).toBe(200);
    const url = upload.json().profile.photoUrl as string;
    for (const viewer of [blocked, bystander, owner]) expect((await viewer.call('GET', url)).statusCode).toBe(200);

    // The owner blocks someone: for them the member, and so the photo, no longer exists.
    expect((await owner.call('PUT', `/api/v1/members/${blocked.handle}/block`)).statusCode).toBe(200);
    const refused = await blocked.call('GET', url);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await blocked.call('GET', `/api/v1/members/${owner.handle}`)).statusCode).toBe(404);
    // Others still see it, and the owner still meets the member they blocked.
    expect((await bystander.call('GET', url)).statusCode).toBe(200);

    // Suspended: gone for members, kept for operators (who review the account).
    expect((await operator.call('POST', `/api/v1/admin/members/${owner.handle}/suspend`, { reason: 'Spam' })).statusCode).toBe(200);
    expect((await bystander.call('GET', url)).statusCode).toBe(404);
    expect((await operator.call('GET', url)).statusCode).toBe(200);
  });

  it('lets the blocker still see the photo of the member they blocked, as on their blocked list', async () => {
    const { app } = get();
    const blocker = await signUp(app, 'Photo Blocker');
    const other = await signUp(app, 'Photo Other');
    const url = (await uploadPhoto(app, other)).json().profile.photoUrl as string;
    await blocker.call('PUT', `/api/v1/members/${other.handle}/block`);
    expect((await blocker.call('GET', url)).statusCode).toBe(200);
    expect((await other.call('GET', `/api/v1/members/${blocker.handle}`)).statusCode).toBe(404);
  });
});
