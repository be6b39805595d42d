// `docker service create`: name, image, replicas (or global), published ports, environment, command, then
// mounts, placement constraints and CPU/memory limits and reservations (each optional; the values read as in
// the Run form). The image is not resolved against a registry: the nodes use what they have, as with
// --no-resolve-image.
import * as vscode from 'vscode';
import { askText } from '../../manage/prompts';
import { parseServicePorts } from '../../swarm/servicePorts';
import { checkResources, parseConstraints, parseResourcePair, parseServiceMounts, problemOf, valueOf } from '../../swarm/serviceOptions';
import { engineAndClient, type SwarmCommandServices } from './swarmCommandServices';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
export function createService(services: SwarmCommandServices) {
  return async (): Promise<string> => {
    const title = vscode.l10n.t('Create Service');
    const image = (await askText(title, vscode.l10n.t('Image the tasks run (nodes must have it or be able to pull it)'), '', (v) => (v.trim() ? undefined : vscode.l10n.t('An image is needed.')))).trim();
    const suggested = image.replace(/^.*\//, '').replace(/[:@].*$/, '').replace(/[^a-zA-Z0-9_.-]/g, '-');
    const name = (await askText(title, vscode.l10n.t('Service name'), suggested, (v) => (NAME.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits, "_", "." and "-", starting with a letter or digit.')))).trim();
    const replicasText = await askText(title, vscode.l10n.t('Replicas (a number), or "global" for one task on every node'), '1', (v) =>
      /^\s*(\d{1,4}|global)\s*$/.test(v) ? undefined : vscode.l10n.t('A number of replicas, or "global".'),
    );
    const ports = parseServicePorts(await askText(title, vscode.l10n.t('Published ports as published:target[/udp], separated by commas (optional)'), '', (v) => (parseServicePorts(v) ? undefined : vscode.l10n.t('Write ports as 8080:80 or 53:53/udp.'))))!;
    const envText = await askText(title, vscode.l10n.t('Environment as KEY=value, separated by commas (optional)'), '', (v) =>
      v.split(',').map((e) => e.trim()).filter(Boolean).every((e) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(e)) ? undefined : vscode.l10n.t('Each entry is KEY=value.'),
    );
    const command = (await askText(title, vscode.l10n.t('Command and arguments (optional; empty keeps the image\'s)'), '')).trim();
    const mounts = valueOf(parseServiceMounts(await askText(title, vscode.l10n.t('Mounts as volume:/path, /host/path:/path or /path, add :ro for read-only, separated by commas (optional)'), '', (v) => problemOf(parseServiceMounts(v)))));
    const constraints = valueOf(parseConstraints(await askText(title, vscode.l10n.t('Placement constraints such as node.role==manager, separated by commas (optional)'), '', (v) => problemOf(parseConstraints(v)))));
    const limits = valueOf(parseResourcePair(await askText(title, vscode.l10n.t('Limits per task as cpus=0.5, memory=256m (optional)'), '', (v) => problemOf(parseResourcePair(v)))));
    const reservations = valueOf(
      parseResourcePair(await askText(title, vscode.l10n.t('Reservations per task as cpus=0.25, memory=128m (optional; a node must have this much free)'), '', (v) => {
        const read = parseResourcePair(v);
        return problemOf(read) ?? checkResources({ limits, reservations: 'value' in read ? read.value : undefined });
      })),
    );
    const [engine, client] = await engineAndClient(services);
    const replicas = replicasText.trim() === 'global' ? undefined : Number(replicasText.trim());
    const env = envText.split(',').map((e) => e.trim()).filter(Boolean);
    // A command is run by the image's shell: the user writes it as on a command line.
    return engine.createService(client, { name, image, replicas, ports, env, command: command ? ['sh', '-c', command] : undefined, mounts, constraints, resources: { limits, reservations } });
  };
}
