/**
 * A name as search compares it: decomposed (NFKD: `ﬁ` is `fi`, `é` is `e`
 * and an accent), its nonspacing marks dropped, lower-cased by Unicode's
 * rules. So search ignores case in any script (SQLite's `lower()` folds
 * ASCII only: `PARAÑAQUE` stayed apart from `parañaque`), accents
 * (`Paranaque` finds `Parañaque`, `Istanbul` finds `İstanbul`) and how the
 * name was composed. Stored beside each dataset and job name
 * (`search_name`) and applied to the query;
 * migrations/20261206000000_lineage_search_name.js folds the same way.
 */
export const searchKey = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
