import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 serving pages by path, for the link preview fetcher; it counts requests per path. */
export interface PageServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startPageServer(pages: Record<string, PageHandler>): Promise<PageServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const handler = pages[path];
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTML page with Open Graph tags for a title, description, site name and image path. */
export function ogPage(o: { title: string; description?: string; siteName?: string; image?: string; canonical?: string }): PageHandler {
  const meta = [
    `<meta property="og:title" content="${o.title}">`,
    o.description ? `<meta property="og:description" content="${o.description}">` : '',
    o.siteName ? `<meta property="og:site_name" content="${o.siteName}">` : '',
    o.image ? `<meta property="og:image" content="${o.image}">` : '',
    o.canonical ? `<link rel="canonical" href="${o.canonical}">` : '',
  ].join('\n');
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>Fallback</title>${meta}</head><body><p>Hello</p></body></html>`);
  };
}

/** Serves bytes with a content type. */
export const bytesPage =
  (contentType: string, body: Buffer | string): PageHandler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  };
