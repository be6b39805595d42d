// .dockerignore matching as the Docker builder does it: patterns relative to the context root, `*` and `?`
// within one path segment, `**` across segments, `!` re-includes, the last matching pattern wins, and a
// pattern that matches a directory excludes everything under it.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

interface IgnorePattern {
  regex: RegExp;
  negated: boolean;
}

export interface IgnoreMatcher {
  (relativePath: string): boolean;
  /** The patterns as written (cleaned), `!` ones included, for checks that look at them (CopyIgnoredFile). */
  patterns?: string[];
  hasExclusions?: boolean;
}

const cache = new Map<string, { mtimeMs: number; matcher: IgnoreMatcher }>();

/** The matcher for the build context of a Dockerfile (its folder), or undefined when no ignore file exists. */
export function dockerignoreFor(dockerfilePath: string): IgnoreMatcher | undefined {
  // A `<name>.dockerignore` beside the Dockerfile takes precedence over the context's `.dockerignore`.
  const candidates = [`${dockerfilePath}.dockerignore`, path.join(path.dirname(dockerfilePath), '.dockerignore')];
  for (const file of candidates) {
    let mtimeMs: number;
    try {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat) continue;
      mtimeMs = stat.mtimeMs;
    } catch {
      continue;
    }
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.matcher;
    const matcher = compileDockerignore(readFileSync(file, 'utf8'));
    cache.set(file, { mtimeMs, matcher });
    return matcher;
  }
  return undefined;
}

export function compileDockerignore(content: string): IgnoreMatcher {
  const patterns: IgnorePattern[] = [];
  const written: string[] = [];
  for (const rawLine of content.split(/\r?\n/)) {
    let line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1).trim();
    line = path.posix.normalize(line.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '');
    if (line === '' || line === '.') continue;
    patterns.push({ regex: globToRegex(line), negated });
    written.push(negated ? `!${line}` : line);
  }
  const matcher: IgnoreMatcher = (relativePath: string) => {
    const clean = path.posix.normalize(relativePath.replace(/\\/g, '/')).replace(/^(\.\/)+|^\/+/, '').replace(/\/+$/, '');
    if (clean === '' || clean === '.') return false;
    const segments = clean.split('/');
    let excluded = false;
    for (const pattern of patterns) {
      let matches = false;
      for (let i = segments.length; i > 0 && !matches; i--) matches = pattern.regex.test(segments.slice(0, i).join('/'));
      if (matches) excluded = !pattern.negated;
    }
    return excluded;
  };
  matcher.patterns = written;
  matcher.hasExclusions = patterns.some((p) => p.negated);
  return matcher;
}

function globToRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < pattern.length) {
      source += escapeRegex(pattern[++i]);
    } else source += escapeRegex(c);
  }
  try {
    return new RegExp(`^${source}$`);
  } catch {
    return new RegExp(`^${escapeRegex(pattern)}$`);
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
