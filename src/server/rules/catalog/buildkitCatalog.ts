// BuildKit's build checks (`docker build --check`), each with its own semantics. Where a check and a
// hadolint rule both fire on one instruction, problems.ts shows one diagnostic that answers to both ids.
import { RuleInfo } from './ruleInfo';

function check(id: string, en: string, zh: string, aliases?: string[], severity: RuleInfo['severity'] = 'warning'): RuleInfo {
  return { id, source: 'buildkit', severity, en, zh, aliases, page: 'buildkit' };
}

// BuildKit has no severities: every check is a warning (`# check=error=true` makes them errors).
// InvalidDefinitionDescription is experimental: it runs only when `# check=experimental=` names it.
export const buildkitRules: RuleInfo[] = [
  check('StageNameCasing', "Stage name '{0}' should be lowercase.", "阶段名 '{0}' 应为小写。"),
  check('FromAsCasing', "'{0}' and '{1}' keywords' casing do not match.", "关键字 '{0}' 与 '{1}' 的大小写不一致。"),
  check('NoEmptyContinuation', 'Empty continuation line (empty continuation lines will become errors in a future release).',
    '续行中有空行（续行中的空行在将来的版本中会成为错误）。', ['emptyContinuationLine']),
  check('ConsistentInstructionCasing', "Command '{0}' should match the case of the command majority ({1}).",
    "指令 '{0}' 应与多数指令的大小写（{1}）一致。", ['instructionCasing']),
  check('DuplicateStageName', 'Duplicate stage name "{0}", stage names should be unique.', '阶段名 "{0}" 重复，阶段名应唯一。',
    ['duplicateBuildStageName']),
  check('ReservedStageName', 'Stage name should not use the same name as reserved stage "{0}".', '阶段名不应使用保留的阶段名 "{0}"。'),
  check('JSONArgsRecommended', 'JSON arguments recommended for {0} to prevent unintended behavior related to OS signals.',
    '建议 {0} 使用 JSON 参数形式，以免出现与操作系统信号有关的意外行为。'),
  check('MaintainerDeprecated', 'Maintainer instruction is deprecated in favor of using label.', 'MAINTAINER 指令已弃用，请改用 LABEL。',
    ['deprecatedMaintainer']),
  check('UndefinedArgInFrom', "FROM argument '{0}' is not declared.", "FROM 参数 '{0}' 未声明。"),
  check('WorkdirRelativePath', 'Relative workdir "{0}" can have unexpected results if the base image changes.',
    '相对工作目录 "{0}" 在基础镜像变化时可能产生意外结果。', ['instructionWorkdirRelative']),
  check('UndefinedVar', "Usage of undefined variable '{0}'{1}.", "使用了未定义的变量 '{0}'{1}。"),
  check('MultipleInstructionsDisallowed', 'Multiple {0} instructions should not be used in the same stage because only the last one will be used.',
    '同一阶段中不应使用多条 {0} 指令，因为只有最后一条生效。'),
  check('LegacyKeyValueFormat', '"{0} key=value" should be used instead of legacy "{0} key value" format.',
    '应使用 "{0} key=value" 格式，而不是旧的 "{0} key value" 格式。'),
  check('InvalidBaseImagePlatform', 'Base image {0} was pulled with platform "{1}", expected "{2}" for current build.',
    '基础镜像 {0} 的平台是 "{1}"，而当前构建期望 "{2}"。'),
  check('RedundantTargetPlatform', 'Setting platform to predefined {0} in FROM is redundant as this is the default behavior.',
    '在 FROM 中把平台设为预定义的 {0} 是多余的，这本来就是默认行为。'),
  check('SecretsUsedInArgOrEnv', 'Do not use ARG or ENV instructions for sensitive data ({0} "{1}").',
    '不要用 ARG 或 ENV 指令传递敏感数据（{0} "{1}"）。'),
  check('InvalidDefaultArgInFrom', 'Default value for ARG {0} results in empty or invalid base image name.',
    'ARG {0} 的默认值会导致基础镜像名为空或无效。'),
  check('FromPlatformFlagConstDisallowed', 'FROM --platform flag should not use constant value "{0}".',
    'FROM --platform 不应使用常量值 "{0}"。'),
  check('CopyIgnoredFile', 'Attempting to {0} file "{1}" that is excluded by .dockerignore.',
    '试图复制被 .dockerignore 排除的文件 "{1}"（{0}）。'),
  check('InvalidDefinitionDescription', 'Comment for {0} should follow the format: `# {1} <description>`.',
    '{0} 的注释应采用 `# {1} <描述>` 的格式。'),
  check('ExposeProtoCasing', "Defined protocol '{0}' in EXPOSE instruction should be lowercase.", "EXPOSE 指令中定义的协议 '{0}' 应为小写。"),
  check('ExposeInvalidFormat', "EXPOSE instruction should not define an IP address or host-port mapping, found '{0}'.",
    "EXPOSE 指令不应定义 IP 地址或宿主机端口映射，发现 '{0}'。"),
];
