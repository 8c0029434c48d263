/**
 * The members planted in the LinkedIn fixture archives (server/imports/parse/fixtures/README.md), signed up so
 * that an import matches each of them one way: two by LinkedIn profile URL, two by verified email, two by name
 * plus organisation. Shared by the route test and the browser test. Only the tag 'a' uses the archives' own
 * emails (an email is unique per server), so the email matches hold for that tag alone.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import { type Member, signUp } from './client.ts';

export async function plantArchiveMembers(app: FastifyInstance, db: Db, tag: string) {
  const verify = (m: Member) => db.execute(sql`UPDATE members SET email_verified_at = now() WHERE id = ${m.id}`);
  const ottoline = await signUp(app, `Ottoline Vasquez-Brennan`, `ottoline-${tag}@example.com`);
  await ottoline.call('PATCH', '/api/v1/me/profile', { links: [{ label: 'LinkedIn', url: 'https://linkedin.com/in/ottoline-vasquez-brennan' }] });
  const thaddeus = await signUp(app, `Thaddeus Okonkwo-Lindqvist`, `thaddeus-${tag}@example.com`);
  await thaddeus.call('PATCH', '/api/v1/me/profile', { links: [{ label: 'Profile', url: 'https://www.linkedin.com/in/Thaddeus-Okonkwo-Lindqvist/' }] });
  const perpetua = await signUp(app, `Perpetua Szymańska`, tag === 'a' ? 'perpetua.szymanska@example.org' : `perpetua-${tag}@example.org`);
  await verify(perpetua);
  const bartholomew = await signUp(app, `Bartholomew Quaye`, tag === 'a' ? 'b.quaye@example.net' : `bq-${tag}@example.net`);
  await verify(bartholomew);
  const isadora = await signUp(app, `Isadora Fenwick-Achebe`, `isadora-${tag}@example.com`);
  await isadora.call('PATCH', '/api/v1/me/profile', { experience: [{ organisation: 'Lanternfish Cooperative', title: 'Beekeeper', startDate: '2019-01' }] });
  const casimir = await signUp(app, `Casimir Undset`, `casimir-${tag}@example.com`);
  await casimir.call('PATCH', '/api/v1/me/profile', { experience: [{ organisation: 'brackenridge  ropeworks', title: 'Rigger', startDate: '2015-01' }] });
  return { ottoline, thaddeus, perpetua, bartholomew, isadora, casimir };
}
