// Why a pull failed, in one sentence that says what to do, from the engine's own text (which stays in the
// log). The engine answers a pull it cannot do with a message, not a status: "dial tcp … network is
// unreachable" when no registry can be reached, "pull access denied" or "manifest unknown" when one answered.
import * as l10n from '@vscode/l10n';

const NO_ROUTE = /dial tcp|lookup [^ ]+|no such host|network is unreachable|i\/o timeout|connection refused|TLS handshake timeout|Client\.Timeout|no route to host|server misbehaving/i;
const REFUSED = /pull access denied|unauthorized|authentication required|denied: /i;
const NO_SUCH_TAG = /manifest unknown|not found: manifest|manifest for .+ not found/i;

export function pullFailureWords(reference: string, error: unknown): string {
  const text = engineText(error);
  if (NO_ROUTE.test(text)) {
    return l10n.t('The engine cannot reach a registry to pull {0} (no network route from its machine). Load or build the image there, or choose an image the engine has.', reference);
  }
  if (REFUSED.test(text)) return l10n.t('The registry refused to give {0}: it needs a login, or the repository does not exist. Log in with "Log In to Registry…" and try again.', reference);
  if (NO_SUCH_TAG.test(text)) return l10n.t('The registry has no {0}. Check the tag.', reference);
  return l10n.t('Could not pull {0}: {1}', reference, text || l10n.t('the engine gave no reason'));
}

function engineText(error: unknown): string {
  const details = (error as { details?: { engineMessage?: string } } | undefined)?.details;
  return details?.engineMessage ?? (error instanceof Error ? error.message : String(error ?? ''));
}
