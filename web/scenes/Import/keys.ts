/** The import page's query keys: everything under 'imports' is refetched after an import changes. */
export const importsKey = ['imports'] as const;
export const importKey = (id: number) => ['imports', 'one', id] as const;
export const importListKey = ['imports', 'list'] as const;
/** Endorsements and recommendations received elsewhere, kept as imported history. */
export const importedHistoryKey = ['imports', 'history'] as const;
export const profileDraftKey = (id: number) => ['imports', 'profile-draft', id] as const;
/** "N of your connections are here": under 'contacts', so the contacts page's changes refetch it too. */
export const matchesKey = ['contacts', 'matches'] as const;
