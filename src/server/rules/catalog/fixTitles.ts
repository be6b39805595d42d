// Quick-fix titles in Chinese. Rules write titles in English (they read best next to the code that builds
// the edit); this table gives each its Chinese form, keeping the parts taken from the Dockerfile.
const CHINESE: Array<[RegExp, string]> = [
  [/^Add SHELL (.+) before this RUN$/, '在此 RUN 之前添加 SHELL $1'],
  [/^Add (\S+) to (.+)$/, '为 $2 添加 $1'],
  [/^Remove \/var\/lib\/apt\/lists\/\* at the end of this RUN$/, '在此 RUN 末尾删除 /var/lib/apt/lists/*'],
  [/^Convert to JSON \(exec\) form$/, '转换为 JSON（exec）形式'],
  [/^Replace MAINTAINER with LABEL maintainer$/, '用 LABEL maintainer 替换 MAINTAINER'],
  [/^Replace ADD with COPY$/, '用 COPY 替换 ADD'],
  [/^Rename the stage to (.+)$/, '将阶段重命名为 $1'],
  [/^Remove the redundant --platform flag$/, '删除多余的 --platform 参数'],
  [/^Remove the empty continuation line$/, '删除续行中的空行'],
  [/^Use the key=value form$/, '改用 key=value 格式'],
  [/^Write (.+)$/, '改写为 $1'],
];

export function localizedFixTitle(title: string, language: 'en' | 'zh-cn'): string {
  if (language === 'en') return title;
  for (const [pattern, chinese] of CHINESE) {
    if (pattern.test(title)) return title.replace(pattern, chinese);
  }
  return title;
}
