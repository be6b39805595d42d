// BuildKit's variable expansion (frontend/dockerfile/shell/lex.go) as far as the checks need it: the
// expanded text, and every name looked up and not found ("unmatched"), including the NAME of
// `${NAME:-default}` forms. Single quotes suppress expansion, the escape character escapes `$`.
import { levenshtein } from '../../editDistance';

export interface Expansion {
  value: string;
  matched: string[];
  unmatched: string[];
}

export type Lookup = (name: string) => string | undefined;

const SPECIAL = '@*#?-$!0';

export function expandWord(word: string, lookup: Lookup, escapeChar = '\\'): Expansion {
  const result: Expansion = { value: '', matched: [], unmatched: [] };
  let i = 0;
  let inDouble = false;
  const resolve = (name: string): string => {
    const found = lookup(name);
    if (found === undefined) result.unmatched.push(name);
    else result.matched.push(name);
    return found ?? '';
  };
  while (i < word.length) {
    const c = word[i];
    if (c === escapeChar && i + 1 < word.length) {
      result.value += word[i + 1];
      i += 2;
    } else if (c === "'" && !inDouble) {
      const close = word.indexOf("'", i + 1);
      const end = close < 0 ? word.length : close;
      result.value += word.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      inDouble = !inDouble;
      i++;
    } else if (c === '$' && word[i + 1] === '{') {
      const close = closingBrace(word, i + 2);
      result.value += expandBraced(word.slice(i + 2, close), resolve, lookup, result, escapeChar);
      i = close + 1;
    } else if (c === '$' && /[A-Za-z_]/.test(word[i + 1] ?? '')) {
      let j = i + 1;
      while (j < word.length && /[A-Za-z0-9_]/.test(word[j])) j++;
      result.value += resolve(word.slice(i + 1, j));
      i = j;
    } else if (c === '$' && /[0-9]/.test(word[i + 1] ?? '')) {
      let j = i + 1;
      while (j < word.length && /[0-9]/.test(word[j])) j++;
      result.value += resolve(word.slice(i + 1, j));
      i = j;
    } else if (c === '$' && word[i + 1] !== undefined && SPECIAL.includes(word[i + 1])) {
      result.value += resolve(word[i + 1]);
      i += 2;
    } else {
      result.value += c;
      i++;
    }
  }
  return result;
}

function closingBrace(word: string, from: number): number {
  let depth = 1;
  for (let i = from; i < word.length; i++) {
    if (word[i] === '{') depth++;
    else if (word[i] === '}' && --depth === 0) return i;
  }
  return word.length;
}

function expandBraced(inner: string, resolve: (name: string) => string, lookup: Lookup, result: Expansion,
  escapeChar: string): string {
  let nameEnd = 0;
  if (/[A-Za-z_]/.test(inner[0] ?? '')) {
    while (nameEnd < inner.length && /[A-Za-z0-9_]/.test(inner[nameEnd])) nameEnd++;
  } else if (/[0-9]/.test(inner[0] ?? '')) {
    while (nameEnd < inner.length && /[0-9]/.test(inner[nameEnd])) nameEnd++;
  } else if (inner[0] !== undefined && SPECIAL.includes(inner[0])) nameEnd = 1;
  const name = inner.slice(0, nameEnd);
  if (name === '') return '';
  const isSet = lookup(name) !== undefined;
  const value = resolve(name);
  const rest = inner.slice(nameEnd);
  const operand = (skip: number): string => {
    const nested = expandWord(rest.slice(skip), lookup, escapeChar);
    result.matched.push(...nested.matched);
    result.unmatched.push(...nested.unmatched);
    return nested.value;
  };
  if (rest.startsWith(':-')) return value !== '' ? value : operand(2);
  if (rest.startsWith('-')) return isSet ? value : operand(1);
  if (rest.startsWith(':+')) return value !== '' ? operand(2) : '';
  if (rest.startsWith('+')) return isSet ? operand(1) : '';
  if (rest.startsWith(':?') || rest.startsWith('?')) return value;
  if (/^(##?|%%?|\/\/?)/.test(rest)) {
    operand(rest.startsWith('##') || rest.startsWith('%%') || rest.startsWith('//') ? 2 : 1);
    return value;
  }
  return value;
}

/** BuildKit's "did you mean": the candidate at the smallest distance ≤ 2, none if one equals the name. */
export function suggestion(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    if (candidate === name) return undefined;
    const distance = levenshtein(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
