/**
 * The shape every language's namespace must have: English is the source, and another language maps
 * each of its keys to a string. A key missing or misspelt in a translation is a type error.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
