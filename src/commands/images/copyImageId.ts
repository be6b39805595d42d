import { copyCommand } from '../../manage/copyCommand';
import type { ManageServices } from '../../manage/runOnTargets';

export const copyImageId = (services: ManageServices) => copyCommand(services, 'image', (i) => i.id);
