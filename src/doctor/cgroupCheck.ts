// cgroup version and whether `--memory` and `--cpus` are enforced: the engine reports both in /info
// (MemoryLimit, CpuCfsQuota, CgroupVersion) and warns when the kernel lacks a controller.
import type { DoctorInput } from './doctorInput';
import { warningTopic } from './engineWarnings';
import { finding, type Finding } from './finding';

const KERNEL_ARGS = 'cgroup_enable=memory swapaccount=1';

export function cgroupFindings(input: DoctorInput): Finding[] {
  if (input.engine.kind !== 'answered') return [];
  const facts = input.engine.facts;
  const findings: Finding[] = [finding('cgroupVersion', 'info', { version: facts.cgroupVersion ?? '?', driver: facts.cgroupDriver ?? '?' })];
  const warned = (topic: string) => facts.warnings.some((w) => warningTopic(w) === topic);
  if (!facts.memoryLimit || warned('memoryLimit') || !facts.swapLimit || warned('swapLimit')) {
    findings.push(
      finding('memoryLimitUnsupported', 'warning', { memory: String(facts.memoryLimit && !warned('memoryLimit')), swap: String(facts.swapLimit && !warned('swapLimit')) }, {
        command: `sudo sed -i 's/^GRUB_CMDLINE_LINUX="/&${KERNEL_ARGS} /' /etc/default/grub && sudo update-grub`,
      }),
    );
  }
  if (!facts.cpuCfsQuota || !facts.cpuShares || warned('cpuLimit')) {
    findings.push(finding('cpuLimitUnsupported', 'warning', { quota: String(facts.cpuCfsQuota), shares: String(facts.cpuShares) }, { command: 'grep cpu /proc/cgroups' }));
  }
  return findings;
}
