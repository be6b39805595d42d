// The Run… form's page: native controls with labels, one field per docker run option, lists as one entry
// a line. Strict CSP: only our own script (with a nonce) and stylesheet, nothing remote.
import * as vscode from 'vscode';
import { escapeHtml as escape, webviewPage } from '../webview/webviewPage';
import type { RunOptions } from '../models/run/runOptions';

export interface FormChoices {
  readonly images: readonly string[];
  readonly networks: readonly string[];
  readonly capabilities?: readonly { name: string; meaning: string }[];
  /** What to know before running this (a preset's memory needs, a pull that failed), shown above the fields. */
  readonly note?: string;
}

export function runFormHtml(webview: vscode.Webview, media: vscode.Uri, initial: RunOptions, choices: FormChoices): string {
  const text = (id: keyof RunOptions, label: string, hint: string, list?: string) =>
    field(id, label, hint, `<input id="${id}" name="${id}" type="text" spellcheck="false"${list ? ` list="${list}"` : ''} aria-describedby="${id}-hint ${id}-problem">`);
  const lines = (id: keyof RunOptions, label: string, hint: string) =>
    field(id, label, hint, `<textarea id="${id}" name="${id}" rows="2" spellcheck="false" aria-describedby="${id}-hint ${id}-problem"></textarea>`);
  const check = (id: keyof RunOptions, label: string, hint: string) =>
    `<div class="field check" data-field="${id}"><label><input id="${id}" name="${id}" type="checkbox" aria-describedby="${id}-hint ${id}-problem"> ${escape(label)}</label>` +
    `<div class="hint" id="${id}-hint">${escape(hint)}</div><div class="problem" id="${id}-problem" role="alert"></div></div>`;
  const capOptions = (choices.capabilities ?? []).map((c) => `<option value="${c.name}">${c.name} — ${escape(c.meaning)}</option>`).join('');
  const modeOptions = [
    ['detached', vscode.l10n.t('Detached (-d): runs in the background')],
    ['interactive', vscode.l10n.t('Interactive (-it): opens a terminal on it')],
    ['interactiveDetached', vscode.l10n.t('Interactive, detached (-itd): keeps a TTY, no terminal now')],
  ]
    .map(([v, l]) => `<option value="${v}">${escape(l)}</option>`)
    .join('');
  const restartOptions = ['', 'no', 'on-failure', 'on-failure:3', 'always', 'unless-stopped'].map((v) => `<option value="${v}">${v || vscode.l10n.t('(engine default: no)')}</option>`).join('');
  const initialJson = JSON.stringify(initial).replace(/</g, '\\u003c');

  return webviewPage(webview, { title: vscode.l10n.t('Run'), media, stylesheet: 'runForm.css', script: 'runForm.js', body: (nonce) => `<form id="form" novalidate>
<h1>${escape(vscode.l10n.t('Run a container'))}</h1>
<div class="problem" id="form-problem" role="alert" tabindex="-1"></div>
${choices.note ? `<div class="note" id="form-note" role="note">${escape(choices.note)}</div>` : ''}
<div class="field paste" data-field="paste"><label for="paste">${escape(vscode.l10n.t('Paste a docker run line'))}</label>
<div class="paste-row"><input id="paste" type="text" spellcheck="false" placeholder="docker run -d --name web -p 8080:80 nginx" aria-describedby="paste-hint paste-problem"><button id="fill" type="button" class="secondary">${escape(vscode.l10n.t('Fill the Form'))}</button></div>
<div class="hint" id="paste-hint">${escape(vscode.l10n.t('Replaces every field with what the line says'))}</div><div class="problem" id="paste-problem" role="alert"></div></div>
<section><h2>${escape(vscode.l10n.t('Container'))}</h2>
${text('image', vscode.l10n.t('Image'), vscode.l10n.t('repository[:tag], e.g. nginx:1.27'), 'images')}
${text('name', vscode.l10n.t('Name (--name)'), vscode.l10n.t('Leave empty for a generated name'))}
${field('mode', vscode.l10n.t('Mode'), vscode.l10n.t('How the container runs'), `<select id="mode" name="mode" aria-describedby="mode-hint mode-problem">${modeOptions}</select>`)}
${check('remove', vscode.l10n.t('Remove when it stops (--rm)'), vscode.l10n.t('The container is deleted as soon as it exits'))}
${field('restart', vscode.l10n.t('Restart policy (--restart)'), vscode.l10n.t('no, on-failure[:N], always, unless-stopped'), `<input id="restart" name="restart" type="text" list="restarts" aria-describedby="restart-hint restart-problem"><datalist id="restarts">${restartOptions}</datalist>`)}
${text('command', vscode.l10n.t('Command'), vscode.l10n.t('As in a shell, e.g. sh -c "echo hello"'))}
${text('entrypoint', vscode.l10n.t('Entrypoint (--entrypoint)'), vscode.l10n.t('Replaces the image entrypoint'))}
${text('workdir', vscode.l10n.t('Working directory (--workdir)'), vscode.l10n.t('An absolute path inside the container'))}
${text('user', vscode.l10n.t('User (--user)'), vscode.l10n.t('name|uid[:group|gid]'))}
${lines('labels', vscode.l10n.t('Labels (--label)'), vscode.l10n.t('key=value, one a line'))}
</section>
<section><h2>${escape(vscode.l10n.t('Network'))}</h2>
${lines('ports', vscode.l10n.t('Ports (-p)'), vscode.l10n.t('[ip:][hostPort:]containerPort[/tcp|udp|sctp], one a line, e.g. 127.0.0.1:8080:80'))}
<div class="field check" data-field="allInterfaces"><label><input id="allInterfaces" type="checkbox" aria-describedby="allInterfaces-hint allInterfaces-problem"> ${escape(vscode.l10n.t('Publish on all network interfaces (0.0.0.0)'))}</label>
<div class="hint" id="allInterfaces-hint">${escape(vscode.l10n.t('Off: the ports answer only on this machine (127.0.0.1). On: other machines on the network can reach them.'))}</div><div class="problem" id="allInterfaces-problem" role="alert"></div></div>
${check('publishAll', vscode.l10n.t('Publish every exposed port (-P)'), vscode.l10n.t('The engine picks free host ports'))}
${text('network', vscode.l10n.t('Network (--network)'), vscode.l10n.t('bridge, host, none or a network you created'), 'networks')}
${text('ip', vscode.l10n.t('IP address (--ip)'), vscode.l10n.t('Only on a user-defined network with a subnet'))}
${text('hostname', vscode.l10n.t('Hostname (--hostname)'), vscode.l10n.t('The name the container sees for itself'))}
</section>
<section><h2>${escape(vscode.l10n.t('Storage and environment'))}</h2>
${lines('volumes', vscode.l10n.t('Volumes and binds (-v)'), vscode.l10n.t('source:destination[:ro], one a line; source is a host path or a volume name'))}
${lines('tmpfs', vscode.l10n.t('tmpfs mounts (--tmpfs)'), vscode.l10n.t('/path[:options], one a line, e.g. /run'))}
${lines('env', vscode.l10n.t('Environment (-e)'), vscode.l10n.t('KEY=value, one a line; KEY alone passes this machine\'s value'))}
${lines('secretEnv', vscode.l10n.t('Secret environment'), vscode.l10n.t('Variable names, one a line: each value is asked for at the first run and kept in VS Code\'s secret storage, e.g. MYSQL_ROOT_PASSWORD'))}
${lines('envFiles', vscode.l10n.t('Env files (--env-file)'), vscode.l10n.t('Paths, one a line; relative to the workspace folder'))}
</section>
<section><h2>${escape(vscode.l10n.t('Security and resources'))}</h2>
${field('capAdd', vscode.l10n.t('Add capabilities (--cap-add)'), vscode.l10n.t('Select with Space or Ctrl+Click'), `<select id="capAdd" name="capAdd" multiple size="6" aria-describedby="capAdd-hint capAdd-problem">${capOptions}</select>`)}
${field('capDrop', vscode.l10n.t('Drop capabilities (--cap-drop)'), vscode.l10n.t('Select with Space or Ctrl+Click'), `<select id="capDrop" name="capDrop" multiple size="6" aria-describedby="capDrop-hint capDrop-problem">${capOptions}</select>`)}
${check('privileged', vscode.l10n.t('Privileged (--privileged)'), vscode.l10n.t('Warning: removes the isolation between the container and this machine'))}
${lines('securityOpt', vscode.l10n.t('Security options (--security-opt)'), vscode.l10n.t('One a line, e.g. seccomp=unconfined'))}
${text('cpus', vscode.l10n.t('CPUs (--cpus)'), vscode.l10n.t('e.g. 2 or 0.5'))}
${text('memory', vscode.l10n.t('Memory (--memory)'), vscode.l10n.t('e.g. 4096M or 2g'))}
${lines('devices', vscode.l10n.t('Devices (--device)'), vscode.l10n.t('/dev/host[:/dev/container[:rwm]], one a line'))}
</section>
<datalist id="images">${choices.images.map((i) => `<option value="${escape(i)}">`).join('')}</datalist>
<datalist id="networks">${choices.networks.map((n) => `<option value="${escape(n)}">`).join('')}</datalist>
<section class="line"><h2>${escape(vscode.l10n.t('Equivalent command'))}</h2><pre id="line" aria-live="polite"></pre></section>
<div class="actions">
<button id="run" type="submit" title="Ctrl+Enter">${escape(vscode.l10n.t('Run'))}</button>
<button id="copy" type="button" class="secondary">${escape(vscode.l10n.t('Copy as docker run'))}</button>
<button id="save" type="button" class="secondary">${escape(vscode.l10n.t('Save Configuration…'))}</button>
</div>
</form>
<script nonce="${nonce}" id="initial" type="application/json">${initialJson}</script>
<script nonce="${nonce}" id="texts" type="application/json">${JSON.stringify({ fix: vscode.l10n.t('Fix these before running:') }).replace(/</g, '\\u003c')}</script>` });
}

function field(id: string, label: string, hint: string, control: string): string {
  return `<div class="field" data-field="${id}"><label for="${id}">${escape(label)}</label>${control}<div class="hint" id="${id}-hint">${escape(hint)}</div><div class="problem" id="${id}-problem" role="alert"></div></div>`;
}
