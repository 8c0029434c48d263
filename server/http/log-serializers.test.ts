import { describe, expect, it } from 'vitest';
import { maskedUrl } from './log-serializers.ts';

describe('request log lines', () => {
  it('keep the path and the query keys, never the query values that links from emails carry', () => {
    expect(maskedUrl('/reset-password?token=s3cr3t-value')).toBe('/reset-password?token=…');
    expect(maskedUrl('/api/v1/unsubscribe?m=12&kind=digest&sig=abc%3D')).toBe('/api/v1/unsubscribe?m=…&kind=…&sig=…');
    expect(maskedUrl('/api/v1/members?q=ada&&cursor=')).toBe('/api/v1/members?q=…&cursor=…');
    expect(maskedUrl('/in/ada-lovelace')).toBe('/in/ada-lovelace');
    expect(maskedUrl('/search?')).toBe('/search?');
  });
});
