// Container networking needs the kernel to forward IPv4 between the bridge and the host's interfaces
// (net.ipv4.ip_forward), and, for the published-port and inter-container rules, bridged traffic to pass
// through iptables (net.bridge.bridge-nf-call-iptables, from the br_netfilter module).
import { engineIsLocal, type DoctorInput } from './doctorInput';
import { warningTopic } from './engineWarnings';
import { finding, type Finding } from './finding';
import { readSysctlFlag } from './sysctl';

const PERSIST_FORWARD = "echo 'net.ipv4.ip_forward = 1' | sudo tee /etc/sysctl.d/99-docker.conf && sudo sysctl --system";

export async function networkFindings(input: DoctorInput): Promise<Finding[]> {
  const facts = input.engine.kind === 'answered' ? input.engine.facts : undefined;
  const local = engineIsLocal(input);
  const hostForward = local ? await readSysctlFlag(input.host, 'net.ipv4.ip_forward') : undefined;
  const findings: Finding[] = [];
  const engineSaysOff = facts && (!facts.ipv4Forwarding || facts.warnings.some((w) => warningTopic(w) === 'ipForward'));
  if (engineSaysOff) {
    findings.push(finding('ipForwardOff', 'error', { seenBy: 'engine' }, { command: `sudo sysctl -w net.ipv4.ip_forward=1 && ${PERSIST_FORWARD}` }));
  } else if (hostForward === false) {
    // With the engine down, dockerd turns forwarding on when it starts (unless --ip-forward=false).
    findings.push(finding('ipForwardOff', facts ? 'error' : 'warning', { seenBy: 'host' }, { command: `sudo sysctl -w net.ipv4.ip_forward=1 && ${PERSIST_FORWARD}` }));
  } else if (facts || hostForward) {
    findings.push(finding('ipForwardOff', 'ok'));
  }
  if (!local && !facts) return findings;
  const hostBridge = local ? await readSysctlFlag(input.host, 'net.bridge.bridge-nf-call-iptables') : true;
  const engineBridgeOff = facts && (facts.bridgeNfIptables === false || facts.warnings.some((w) => warningTopic(w) === 'bridgeNf'));
  if (engineBridgeOff || hostBridge === false || hostBridge === undefined) {
    findings.push(
      finding('bridgeNfOff', 'warning', { moduleLoaded: String(hostBridge !== undefined) }, {
        command: 'sudo modprobe br_netfilter && sudo sysctl -w net.bridge.bridge-nf-call-iptables=1 net.bridge.bridge-nf-call-ip6tables=1',
      }),
    );
  } else {
    findings.push(finding('bridgeNfOff', 'ok'));
  }
  return findings;
}
