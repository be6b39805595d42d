// BuildKit's build checks (`docker build --check`) that have no hadolint twin; the twins are aliases of the
// hadolint rule (see hadolintCatalog.ts) so one diagnostic answers to both names.
import { RuleInfo } from './ruleInfo';

function check(id: string, en: string, zh: string, aliases?: string[], severity: RuleInfo['severity'] = 'warning'): RuleInfo {
  return { id, source: 'buildkit', severity, en, zh, aliases, page: 'buildkit' };
}

// InvalidDefinitionDescription is experimental in BuildKit too, hence off unless configured.
export const buildkitRules: RuleInfo[] = [
  check('StageNameCasing', 'Stage name should be lowercase: {0}.', '阶段名应为小写：{0}。'),
  check('FromAsCasing', "The 'as' keyword should match the case of the 'from' keyword.", "'as' 关键字的大小写应与 'from' 关键字一致。"),
  check('NoEmptyContinuation', 'Empty continuation lines will become errors in a future release.',
    '续行中的空行在将来的版本中会成为错误。', ['emptyContinuationLine']),
  check('ConsistentInstructionCasing', 'Instruction should be uppercase: {0}.', '指令应使用大写：{0}。', ['instructionCasing']),
  check('UndefinedArgInFrom', 'FROM argument {0} is not declared.', 'FROM 中使用的构建参数 {0} 未声明。'),
  check('UndefinedVar', 'Usage of undefined variable {0}.', '使用了未定义的变量 {0}。'),
  check('LegacyKeyValueFormat', '"{0} key=value" should be used instead of legacy "{0} key value" format.',
    '应使用 "{0} key=value" 格式，而不是旧的 "{0} key value" 格式。'),
  check('InvalidDefaultArgInFrom', 'Default value for ARG {0} results in an empty or invalid base image name.',
    'ARG {0} 的默认值会导致基础镜像名为空或无效。'),
  check('CopyIgnoredFile', 'Attempting to copy {0}, which is excluded by .dockerignore.',
    '试图复制被 .dockerignore 排除的文件：{0}。'),
  check('InvalidDefinitionDescription',
    'Comment for {0} should follow the format "# {1} <description>".',
    '{0} 的注释应采用 "# {1} <描述>" 的格式。', undefined, 'off'),
  check('ExposeProtoCasing', 'Defined protocol should be lowercase: {0}.', '定义的协议应为小写：{0}。'),
  check('ExposeInvalidFormat', 'EXPOSE instruction should not define an IP address or host port: {0}.',
    'EXPOSE 指令不应指定 IP 地址或宿主机端口：{0}。'),
];
