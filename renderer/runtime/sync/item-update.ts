import { ok, type Result } from '../../../shared/errors'
import type { EnvelopeItem } from './envelope'
import { sealedHalf } from './sealed-item'

/**
 * The Yjs update an opened item holds: the plaintext of an `update` or a `snapshot`, the state half
 * of a `sealed` item (its pages are not inflated).
 * @example const update = await updateOf(opened.value, itemId)
 */
export async function updateOf(
  opened: { item: EnvelopeItem; plaintext: Uint8Array },
  itemId: string,
): Promise<Result<Uint8Array>> {
  if (opened.item.kind !== 'sealed') return ok(opened.plaintext)
  return sealedHalf(opened.plaintext, `items.${itemId}`, 'state')
}
