import { copyCommand } from '../../manage/copyCommand';
import type { ManageServices } from '../../manage/runOnTargets';

export const copyContainerId = (services: ManageServices) => copyCommand(services, 'container', (c) => c.id);
