/**
 * Is a value an identifier made of several words (`real_secret`,
 * `db-password`, `TestSourcePassword`, `apiKey2`)? Exactly the strings the
 * regex `^[A-Za-z][a-z]*(?:[_-]?[A-Z]?[a-z]+){1,8}\d{0,2}$` matches, decided
 * in one pass: that regex may split a lowercase run among its repeats in
 * exponentially many ways before it fails (`correcthorsebattery…2024!` took
 * seconds), while the split that matters is forced. A separator (`_`, `-`)
 * always starts a new word, and so does an upper-case letter that does not
 * follow a separator; every word must then be `[_-]?[A-Z]?[a-z]+`, and the
 * text before the first such boundary is the first letter and lower case. A
 * run of lower case without boundaries can always be cut once more, so what
 * counts is: at most 8 words, and at least one (a lone `[A-Za-z][a-z]*` of two
 * letters or more supplies it).
 */

const MAX_WORDS = 8;
const MAX_TRAILING_DIGITS = 2;

const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSeparator = (c: number): boolean => c === 95 || c === 45;

export function isMultiWordIdentifier(value: string): boolean {
  // Up to two digits may close the value; nothing else may follow the words.
  let end = value.length;
  while (end > 0 && isDigit(value.charCodeAt(end - 1)) && value.length - end < MAX_TRAILING_DIGITS + 1) end--;
  if (value.length - end > MAX_TRAILING_DIGITS) return false;
  if (end < 2) return false;
  const first = value.charCodeAt(0);
  if (!isLower(first) && !isUpper(first)) return false;
  let words = 0;
  // Shape of the current word since its boundary: 0 none yet (the leading run),
  // 1 after a separator, 2 after its upper-case letter, 3 in its lower case.
  let state = 0;
  for (let i = 1; i < end; i++) {
    const c = value.charCodeAt(i);
    if (isSeparator(c)) {
      if (state === 1 || state === 2) return false;
      words++;
      state = 1;
    } else if (isUpper(c)) {
      if (state === 2) return false;
      if (state !== 1) words++;
      state = 2;
    } else if (isLower(c)) {
      state = state === 0 ? 0 : 3;
    } else {
      return false;
    }
    if (words > MAX_WORDS) return false;
  }
  // A word that ends on its separator or capital has no lower case.
  if (state === 1 || state === 2) return false;
  // With no boundary at all, the lower-case run after the first letter (end >= 2) is the one word.
  return true;
}
