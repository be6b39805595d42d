import { copyCommand } from '../../manage/copyCommand';
import type { ManageServices } from '../../manage/runOnTargets';

export const copyContainerName = (services: ManageServices) => copyCommand(services, 'container', (c) => c.name);
