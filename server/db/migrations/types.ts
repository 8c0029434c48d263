/** A migration is a list of SQL statements run in one transaction; PGlite's extended protocol takes one statement at a time. */
export interface Migration {
  name: string;
  up: string[];
  down: string[];
}
