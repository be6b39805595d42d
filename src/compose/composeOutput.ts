// What the compose CLI prints, read for both generations: compose v2 (`docker compose`, JSON where it offers
// it) and v1 (`docker-compose` 1.29, text only). Pure functions over the printed text; each output shape has
// a unit test (test/unit/compose/composeOutput.test.ts). No vscode.

export interface ComposeVersion {
  readonly generation: 'v1' | 'v2';
  /** Without a leading `v`: `2.27.0`, `1.29.2`. */
  readonly version: string;
}

/** `docker compose version --format json` → `{"version":"v2.27.0"}`; v1 `version --short` → `1.29.2`; else the long text. */
export function parseVersionOutput(stdout: string): ComposeVersion | undefined {
  const text = stdout.trim();
  if (text.startsWith('{')) {
    try {
      const version = String((JSON.parse(text) as { version?: unknown }).version ?? '').replace(/^v/, '');
      if (version) return { generation: version.startsWith('1.') ? 'v1' : 'v2', version };
    } catch {
      // fall through to the text forms
    }
  }
  const m = /(?:version\s+)?v?(\d+\.\d+\.\d+[\w.+-]*)/i.exec(text);
  if (!m) return undefined;
  return { generation: m[1].startsWith('1.') ? 'v1' : 'v2', version: m[1].replace(/,$/, '') };
}

export interface ComposeContainer {
  readonly name: string;
  readonly service?: string;
  /** running, exited, paused, restarting, created… (v1's "Up"/"Exit 0" mapped to these). */
  readonly state: string;
  readonly status?: string;
}

/** `ps --format json` (v2: a JSON array before 2.21, one object per line after) or v1's text table. */
export function parsePsOutput(stdout: string): ComposeContainer[] {
  const text = stdout.trim();
  if (text === '') return [];
  if (text.startsWith('[') || text.startsWith('{')) {
    const objects = text.startsWith('[') ? (JSON.parse(text) as unknown[]) : text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
    return objects.map((o) => {
      const c = o as { Name?: string; Service?: string; State?: string; Status?: string };
      return { name: c.Name ?? '', service: c.Service, state: (c.State ?? '').toLowerCase(), status: c.Status };
    });
  }
  return parseV1PsTable(text);
}

/**
 * v1's table: a header (`Name  Command  State  Ports`), a dashed rule, then rows padded per column with
 * centred headers, so columns do not line up with the header's words. The State value is one of a few
 * forms (`Up`, `Up (healthy)`, `Exit 0`, `Paused`, `Restarting`), found between runs of spaces.
 */
function parseV1PsTable(text: string): ComposeContainer[] {
  const lines = text.split('\n');
  const headerIndex = lines.findIndex((l) => /^\s*Name\s+Command\s+State/.test(l));
  if (headerIndex < 0) return [];
  return lines.slice(headerIndex + 1).filter((l) => l.trim() && !/^-+$/.test(l.trim())).map((line) => {
    const name = line.trim().split(/\s+/)[0];
    const states = [...line.matchAll(/\s{2,}(Up(?: \((?:healthy|unhealthy|health: starting|Paused)\))?|Exit -?\d+|Paused|Restarting|Created|Removing|Dead|Ghost)(?=\s{2,}|\s*$)/g)];
    const stateText = states.at(-1)?.[1] ?? '';
    return { name, state: v1State(stateText), status: stateText };
  });
}

function v1State(text: string): string {
  if (/^Up/i.test(text)) return 'running';
  if (/^Exit/i.test(text)) return 'exited';
  if (/^Paused/i.test(text)) return 'paused';
  if (/^Restarting/i.test(text)) return 'restarting';
  return text.toLowerCase() || 'unknown';
}

export interface ProgressStep {
  /** The container, network, volume or service named in the line. */
  readonly subject: string;
  /** What happens to it: Creating, Started, Pulling, … as printed. */
  readonly action: string;
}

const V2_STEP = /^\s*(?:[✔✘⠿⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]\s+)?(Container|Network|Volume|Image|Service)\s+(\S+)\s+(\w[\w ]*?)\s*(?:\d+(?:\.\d+)?s)?\s*$/u;
const V1_STEP = /^(Creating|Starting|Stopping|Restarting|Removing|Recreating|Pulling|Building|Killing|Pausing|Unpausing)\s+(?:network\s+|volume\s+)?"?([\w.-]+)"?/;

/** The object a progress line is about and what happens to it, for the progress notification. */
export function parseProgressLine(line: string): ProgressStep | undefined {
  const clean = stripAnsi(line).replace(/\r/g, '');
  const v2 = V2_STEP.exec(clean);
  if (v2) return { subject: v2[2], action: v2[3] };
  const v1 = V1_STEP.exec(clean.trim());
  if (v1) return { subject: v1[2], action: v1[1] };
  return undefined;
}

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*(\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export interface CliErrorLocation {
  /** The file the CLI names, as printed (may be relative to the working folder). */
  readonly file?: string;
  /** 1-based, when the CLI names a line. */
  readonly line?: number;
  readonly column?: number;
  /** A dotted key path the CLI names (`services.web.ports`), when it names no line. */
  readonly keyPath?: string[];
  /** The key the CLI objects to inside keyPath (`imagee` in "Unsupported config option for services.web: 'imagee'"). */
  readonly key?: string;
  /** True when the CLI says it does not know a key or tag at all (an older CLI may not know one the spec has). */
  readonly unknownToCli?: boolean;
}

/** The one sentence of a failed CLI run worth showing: its last error line, without the `ERROR:` prefix. */
export function errorSentence(stderr: string): string | undefined {
  const lines = stripAnsi(stderr).split('\n').map((l) => l.trim()).filter(Boolean);
  // v1 YAML (PyYAML): the problem is the line before its last `in "file", line N, column M`; the lines before
  // that are context ("while parsing a block mapping").
  const lastIn = lines.map((l) => /^in "[^"]+", line \d+, column \d+$/.test(l)).lastIndexOf(true);
  if (lastIn > 0) return lines[lastIn - 1].replace(/^(?:ERROR:\s*)?yaml\.\w+\.\w+Error:\s*/, '');
  const explicit = [...lines].reverse().find((l) => /^(ERROR:|Error:|Error response from daemon:|error )/i.test(l) || /is invalid because:$/.test(l) || /^(validating|yaml:|service "|services\.)/.test(l));
  const chosen = explicit ?? lines.at(-1);
  if (!chosen) return undefined;
  // v1 puts the reason on the lines after "… is invalid because:"; join them into the sentence.
  if (/is invalid because:$/.test(chosen)) {
    const rest = lines.slice(lines.indexOf(chosen) + 1).join(' ');
    return `${chosen.replace(/^ERROR:\s*/, '')} ${rest}`.trim();
  }
  return chosen.replace(/^(ERROR|Error):\s*/, '');
}

/** Where in the compose file the CLI says the problem is, from the shapes v1 and v2 print. */
export function parseErrorLocation(stderr: string): CliErrorLocation | undefined {
  const text = stripAnsi(stderr);
  // v1 YAML: `  in "./docker-compose.yml", line 3, column 10`; a tag it does not know (`!reset`) says so first.
  const v1Yaml = [...text.matchAll(/in "([^"]+)", line (\d+), column (\d+)/g)].at(-1);
  if (v1Yaml) {
    const unknownTag = /could not determine a constructor for the tag/.test(text);
    return { file: v1Yaml[1], line: Number(v1Yaml[2]), column: Number(v1Yaml[3]), ...(unknownTag ? { unknownToCli: true } : {}) };
  }
  // v2 YAML: `yaml: line 3: mapping values are not allowed in this context` (possibly after "parsing <file>:")
  const v2Yaml = /(?:parsing\s+(\S+?):\s*)?yaml: line (\d+)(?::\s*column (\d+))?/.exec(text);
  if (v2Yaml) return { file: v2Yaml[1], line: Number(v2Yaml[2]), column: v2Yaml[3] ? Number(v2Yaml[3]) : undefined };
  // v1: `Unsupported config option for services.web: 'imagee'`
  const unsupported = /Unsupported config option for ([\w.-]+): '([^']+)'/.exec(text);
  if (unsupported) return { keyPath: unsupported[1].split('.'), key: unsupported[2], file: v1InvalidFile(text), unknownToCli: true };
  // v1, a top-level key it does not know: `'name' does not match any of the regexes: '^x-'`
  const topLevel = /^'([^']+)' does not match any of the regexes/m.exec(text);
  if (topLevel) return { keyPath: [], key: topLevel[1], file: v1InvalidFile(text), unknownToCli: true };
  // v2: `validating /x/compose.yaml: services.web additional properties 'imagee' not allowed`
  const additional = /validating ([^:]+): ([\w.-]+) additional propert(?:y|ies) '([^']+)' not allowed/.exec(text);
  if (additional) return { file: additional[1], keyPath: additional[2].split('.'), key: additional[3], unknownToCli: true };
  const v2Key = /validating ([^:]+): ([\w.-]+)\s/.exec(text);
  if (v2Key) return { file: v2Key[1], keyPath: v2Key[2].split('.').filter((p) => !/^\d+$/.test(p)) };
  // v1: `services.web.ports contains an invalid type` / `services.web.restart value 'x' …`
  const v1Key = /^(services\.[\w.-]+?|networks\.[\w.-]+?|volumes\.[\w.-]+?)(?:\.\d+)? (contains|has|value|is|must)/m.exec(text);
  if (v1Key) return { keyPath: v1Key[1].split('.'), file: v1InvalidFile(text) };
  // v1: `Service 'web' depends on service 'db' which is undefined.`; v2: `service "web" depends on undefined service "db"`
  const dependsOn = /[Ss]ervice ['"]?([\w.-]+)['"]? depends on (?:undefined )?service ['"]?([\w.-]+)['"]?/.exec(text);
  if (dependsOn) return { keyPath: ['services', dependsOn[1], 'depends_on'], key: dependsOn[2] };
  // v1 interpolation: `Missing mandatory value for "environment" option interpolating … in service "web": A is required`
  const interpolation = /(?:Missing mandatory value|Invalid interpolation format) for "([\w.-]+)" option .* in service "([\w.-]+)"/.exec(text);
  if (interpolation) return { keyPath: ['services', interpolation[2], interpolation[1]] };
  // Both: `service "web" refers to undefined network front` / `Service "web" uses an undefined network "front"`
  const undefinedRef = /[Ss]ervice "?([\w.-]+)"? (?:refers to|uses an) undefined (network|volume|secret|config) "?([\w.-]+)"?/.exec(text);
  if (undefinedRef) return { keyPath: ['services', undefinedRef[1], `${undefinedRef[2]}s`], key: undefinedRef[3] };
  return undefined;
}

function v1InvalidFile(text: string): string | undefined {
  return /The Compose file '([^']+)' is invalid/.exec(text)?.[1];
}
