// "Copy as docker run" for a saved run configuration: the shell-quoted line on the clipboard.
import * as vscode from 'vscode';
import { dockerRunLine } from '../../run/dockerRunLine';
import { configurationFromArgument } from '../../run/runConfigurations';

export function copyRunConfigurationLine() {
  return async (argument?: unknown): Promise<string | undefined> => {
    const configuration = await configurationFromArgument(argument, vscode.l10n.t('Copy which run configuration as docker run?'));
    if (!configuration) return undefined;
    const line = dockerRunLine(configuration.options);
    await vscode.env.clipboard.writeText(line);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the docker run line.'), 4000);
    return line;
  };
}
