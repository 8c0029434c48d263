/** Who a request comes from, once its session cookie or access token is checked. */
export interface Actor {
  id: number;
  handle: string;
  role: 'member' | 'admin';
  status: 'active' | 'suspended' | 'deleted';
  via: 'session' | 'token';
  sessionHash: string | null;
  /** The access token this request came with, when it came with one. */
  tokenId?: number | null;
  csrfToken: string | null;
}
