import type { AppError, AppErrorCode } from '../../../shared/errors'

/** A failure as the person sees it: what happened and what to do next. Never a code or a stack. */
export interface HumanError {
  message: string
  next: string
  /** Whether Settings is where the fix is. */
  settings: boolean
}

const NEXT: Record<AppErrorCode, string> = {
  validation: 'Check what you entered and try again.',
  'not-found': 'It may have been moved to Trash or changed on another device.',
  'read-only': 'Update Keepsake to make changes — nothing has been lost.',
  busy: 'Keepsake is busy with something else. Try again in a moment.',
  'provider-unavailable':
    'Check that the model server is running and that the Base URL in Settings is its address, or switch to the offline assistant.',
  'provider-error': 'Retry; if it keeps happening, check the model and its server in Settings.',
  'provider-timeout': 'The model may be overloaded. Retry, or choose a smaller model in Settings.',
  'provider-auth': 'Enter the key the server expects under API key in Settings, then try again.',
  'provider-model-missing':
    'Choose one of the models the server has in Settings (Test connection lists them; with Ollama, `ollama pull` it first).',
  'provider-no-tools':
    'Keepsake now answers with this model without tools and records memory itself. Retry, or choose a model that supports tools.',
  'context-overflow':
    'Retry: Keepsake sends less of the conversation now. For more room, give the model a larger context (and the same window in Settings), or choose the Selective strategy.',
  'provider-disconnected':
    'What had arrived is kept. Retry; if it keeps happening, look at the model server — it may be crashing or running out of memory.',
  'host-unavailable':
    "Keepsake's background host is not answering. Restart Keepsake (nothing you wrote is lost), then Retry.",
  storage: 'Close other Keepsake windows and try again. If it keeps happening, restart Keepsake.',
  'storage-quota': 'Free some disk space, or export old conversations and move them to Trash.',
  'file-invalid': 'Choose a Keepsake session file or a supported export and try again.',
  'file-too-large': 'Split the file or import a smaller export.',
  'unsupported-version': 'Update Keepsake to open it.',
  'sync-auth': 'Pair this device again from the other laptop.',
  'sync-unreachable': 'Check that the other laptop is on and on the same network, then try again.',
  'secret-storage-unavailable':
    'This system has no secure key storage. Use a local model that needs no key, or the offline assistant.',
  cancelled: 'Nothing was changed.',
  internal: 'Your data is unchanged. Try again; if it keeps happening, restart Keepsake.',
  restarting: 'Wait a moment: Keepsake is reloading and sends it again by itself.',
}

const SETTINGS_CODES = new Set<AppErrorCode>([
  'provider-unavailable',
  'provider-error',
  'provider-timeout',
  'provider-auth',
  'provider-model-missing',
  'provider-no-tools',
  'context-overflow',
  'provider-disconnected',
])

/** `conversations.rename: Too small…` → `Too small…`: request names mean nothing to a person. */
const REQUEST_PREFIX = /^[a-z]+(?:\.[a-zA-Z]+)+(?: result)?:\s*/

/**
 * Turns a runtime error into a sentence with a next step. Keeps the runtime's own message when it is
 * already written for people; drops request names, stacks and anything after the first line.
 */
export function humanize(error: AppError): HumanError {
  const firstLine = (error.message.split('\n')[0] ?? '').replace(REQUEST_PREFIX, '').trim()
  const technical =
    error.code === 'internal' ||
    firstLine === '' ||
    /\bat\s+\S+\s+\(|Error:|\bundefined\b/.test(firstLine)
  const message = technical ? 'Something went wrong.' : sentence(firstLine)
  return { message, next: NEXT[error.code], settings: SETTINGS_CODES.has(error.code) }
}

const sentence = (s: string): string => {
  const capital = s.charAt(0).toUpperCase() + s.slice(1)
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`
}

/** The next step for a failure saved in a message (its code travels as a plain string). */
export function nextStepFor(code: string): string {
  return code in NEXT ? NEXT[code as AppErrorCode] : NEXT.internal
}

/**
 * What a dialog shows for a failed request: the runtime's own message when it is written for people
 * (a refused file names what was wrong and where, over several lines), and for an internal failure,
 * whose message names the request, the plain sentence and next step instead.
 */
export function shownError(error: AppError): string {
  if (error.code !== 'internal') return error.message
  const human = humanize(error)
  return `${human.message} ${human.next}`
}
