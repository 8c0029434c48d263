import type { TFunction } from 'i18next';

/**
 * Compiled by `tsc`, never run: proves the keys are typed. If a `@ts-expect-error` line stops being an
 * error (the typing got lost), tsc fails on the unused directive.
 */
export function keysAreTyped(auth: TFunction<'auth'>, common: TFunction<'common'>): string[] {
  return [
    auth('signIn.title'),
    common('userMenu.signOut'),
    // @ts-expect-error a misspelt key does not compile
    auth('signIn.titel'),
    // @ts-expect-error a key from another namespace does not compile without it
    common('signUp.fullName'),
  ];
}
