// Which columns a stance table shows at a given width. The panel beside the
// graph is narrow on most screens: rather than a table wider than its panel
// that cuts quotes, the least needed columns are folded into the quote cell
// (shown under the quote), so every fact stays on screen and quotes wrap
// between words.

/**
 * The columns in the order they are shown. minEm is the narrowest width,
 * in em of the table's font and counting the cell's padding, at which the
 * column stays readable; fold is the order in which columns give way
 * (lowest first), null for those that never do.
 */
export const STANCE_COLUMNS = [
  { key: 'subject', header: 'Subject', minEm: 7, fold: 3 },
  { key: 'type', header: 'Stance', minEm: 9.5, fold: null },
  { key: 'object', header: 'Object', minEm: 7, fold: 4 },
  { key: 'quote', header: 'Quote', minEm: 16, fold: null },
  { key: 'date', header: 'Date', minEm: 7.5, fold: 2 },
  { key: 'source', header: 'Source', minEm: 8, fold: 1 },
  { key: 'topic', header: 'Topic', minEm: 8, fold: 0 },
];

/**
 * Splits the columns into those shown and those folded under the quote
 * for a table widthEm wide.
 *
 * @returns {{shown: Array<object>, folded: Array<object>}} both in display order
 */
export function chooseColumns(widthEm, columns = STANCE_COLUMNS) {
  const folding = columns.filter((c) => c.fold !== null).sort((a, b) => a.fold - b.fold);
  const folded = new Set();
  let need = columns.reduce((sum, c) => sum + c.minEm, 0);
  for (const c of folding) {
    if (need <= widthEm) break;
    folded.add(c.key);
    need -= c.minEm;
  }
  return { shown: columns.filter((c) => !folded.has(c.key)), folded: columns.filter((c) => folded.has(c.key)) };
}
