/** The schema the migrated template database holds the app's tables in (server/test/global-setup.ts). */
export const TEMPLATE_SCHEMA = 'app';

/** The same server address with another database name. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
