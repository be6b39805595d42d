// BuildKit's stage-setup checks on FROM: UndefinedArgInFrom, InvalidDefaultArgInFrom,
// RedundantTargetPlatform, FromPlatformFlagConstDisallowed, and InvalidBaseImagePlatform when the local
// engine has told us the base image's platform.
import { BuildkitModel, BkStage, HOST_ARCH, HOST_OS, PREDEFINED_ARGS } from './buildkitModel';
import { suggestion } from './expand';

/** A local image's platform as the engine reports it (architecture not yet normalised). */
export interface LocalPlatform {
  os: string;
  architecture: string;
  variant?: string;
}

const OSES = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'illumos', 'ios', 'js', 'linux', 'netbsd',
  'openbsd', 'plan9', 'solaris', 'wasip1', 'windows']);
const ARCHES: Record<string, string> = { amd64: 'amd64', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64',
  arm64: 'arm64', armhf: 'arm', armel: 'arm', arm: 'arm', i386: '386', '386': '386', ppc64le: 'ppc64le', ppc64: 'ppc64',
  s390x: 's390x', riscv64: 'riscv64', mips64le: 'mips64le', mips64: 'mips64', loong64: 'loong64', wasm: 'wasm' };

/** `os[/arch[/variant]]` or a lone architecture (with the builder's OS), normalised; undefined when invalid. */
export function parsePlatform(value: string): { os: string; arch: string; variant?: string } | undefined {
  const parts = value.toLowerCase().split('/');
  if (parts.length === 1) {
    if (ARCHES[parts[0]]) return { os: HOST_OS, arch: ARCHES[parts[0]] };
    if (OSES.has(parts[0])) return { os: parts[0], arch: HOST_ARCH };
    return undefined;
  }
  if (!OSES.has(parts[0]) || parts.length > 3) return undefined;
  const arch = ARCHES[parts[1]];
  if (!arch) return undefined;
  return parts[2] ? { os: parts[0], arch, variant: parts[2] } : { os: parts[0], arch };
}

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:localhost|(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*)(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::[\\w][\\w.-]{0,127})?` +
  '(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$');

/** distribution/reference's ParseNormalizedNamed, as far as validity goes. */
export function validReference(reference: string): boolean {
  if (/^[a-f0-9]{64}$/.test(reference)) return false;
  const slash = reference.indexOf('/');
  const first = slash < 0 ? '' : reference.slice(0, slash);
  const hasDomain = first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
  if (!hasDomain && reference !== reference.toLowerCase()) return false;
  return REFERENCE.test(reference);
}

export function checkFromStages(bk: BuildkitModel, imagePlatforms?: ReadonlyMap<string, LocalPlatform>): void {
  if (!bk.dispatches) return;
  const declared = new Set([...PREDEFINED_ARGS.keys(), ...bk.metaArgs.keys()]);
  for (const stage of bk.stages) {
    const from = stage.from;
    const image = from.getImage() ?? '';
    const imageRange = from.getImageRange() ?? undefined;
    reportUndeclared(bk, stage, bk.expandGlobal(image).unmatched, declared);
    const platform = from.getPlatformFlag()?.getValue() ?? undefined;
    if (platform !== undefined) {
      const expanded = bk.expandGlobal(platform);
      reportUndeclared(bk, stage, expanded.unmatched, declared);
      const flagRange = from.getPlatformFlag()?.getRange();
      if (expanded.matched.length === 1 && expanded.matched[0] === 'TARGETPLATFORM' && expanded.unmatched.length === 0 &&
        expanded.value === PREDEFINED_ARGS.get('TARGETPLATFORM')) {
        bk.report('RedundantTargetPlatform', from, flagRange, [platform]);
      }
      const parsed = parsePlatform(expanded.value);
      if (expanded.matched.length === 0 && expanded.unmatched.length === 0 && parsed &&
        !(stage.name !== undefined && (stage.name.includes(parsed.os) || stage.name.includes(parsed.arch)))) {
        bk.report('FromPlatformFlagConstDisallowed', from, flagRange, [expanded.value]);
      }
    }
    const withDefaults = bk.expandGlobal(image);
    if (image !== '' && !validReference(withDefaults.value) && !bk.stages.some((s) => s.name === withDefaults.value)) {
      bk.report('InvalidDefaultArgInFrom', from, imageRange, [image], undefined, false);
    }
    checkBasePlatform(bk, stage, withDefaults.value, platform, imagePlatforms);
  }
}

function reportUndeclared(bk: BuildkitModel, stage: BkStage, unmatched: string[], declared: Set<string>): void {
  for (const name of new Set(unmatched)) {
    if (declared.has(name)) continue;
    const hint = suggestion(name, declared);
    bk.report('UndefinedArgInFrom', stage.from, undefined, [hint ? `${name} (did you mean ${hint}?)` : name]);
  }
}

function checkBasePlatform(bk: BuildkitModel, stage: BkStage, base: string, platform: string | undefined,
  images: ReadonlyMap<string, LocalPlatform> | undefined): void {
  if (!images || stage.parent || base === 'scratch') return;
  const actual = images.get(base);
  if (!actual) return;
  const actualArch = ARCHES[actual.architecture] ?? actual.architecture;
  // Without --platform the expected platform is the target (this machine's); BuildKit would first adopt a
  // build platform the image matches, and on one machine the build platform is the target too.
  const expected = platform !== undefined ? parsePlatform(bk.expandGlobal(platform).value) : { os: HOST_OS, arch: HOST_ARCH };
  // Variants are not compared (BuildKit's check ignores them); they only show in the message.
  if (!expected || (actual.os === expected.os && actualArch === expected.arch)) return;
  const shown = `${actual.os}/${actualArch}${actual.variant ? `/${actual.variant}` : ''}`;
  bk.report('InvalidBaseImagePlatform', stage.from, stage.from.getImageRange() ?? undefined,
    [base, shown, `${expected.os}/${expected.arch}${expected.variant ? `/${expected.variant}` : ''}`], undefined, false);
}
