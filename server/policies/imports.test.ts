import { describe, expect, it } from 'vitest';
import { contactConnectRefusal, ownRefusal } from './imports.ts';

describe('import and contact policy', () => {
  it('lets the owner alone at their imports and contacts; others get 404', () => {
    expect(ownRefusal(1, { memberId: 1 }, 'import')).toBeNull();
    expect(ownRefusal(2, { memberId: 1 }, 'contact')?.status).toBe(404);
    expect(ownRefusal(2, undefined, 'import')?.status).toBe(404);
  });
  it('connects only from a visible, undismissed match', () => {
    expect(contactConnectRefusal({ matchedMemberId: 5, dismissedAt: null }, true)).toBeNull();
    expect(contactConnectRefusal({ matchedMemberId: null, dismissedAt: null }, true)?.code).toBe('contact_unmatched');
    expect(contactConnectRefusal({ matchedMemberId: 5, dismissedAt: '2026-01-01' }, true)?.code).toBe('contact_unmatched');
    expect(contactConnectRefusal({ matchedMemberId: 5, dismissedAt: null }, false)?.code).toBe('contact_unmatched');
  });
});
