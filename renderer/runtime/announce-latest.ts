/**
 * Makes a `tell()` that reads a value and sends it, one read at a time. A `tell()` while a read is on
 * its way gets one more read behind it, and a read overtaken by a later `tell()` is not sent, so the
 * value sent last was read after the last `tell()`. A read that fails is reported, never thrown.
 * @example
 * const tellList = announceLatest(() => space.summaries(), (list) => emit('conversations.changed', { conversations: list }), console.error)
 */
export function announceLatest<T>(
  read: () => Promise<T>,
  send: (value: T) => void,
  failed: (error: unknown) => void,
): () => void {
  let reading = false
  let again = false
  const run = async (): Promise<void> => {
    reading = true
    do {
      again = false
      try {
        const value = await read()
        if (!again) send(value)
      } catch (e) {
        failed(e)
      }
    } while (again)
    reading = false
  }
  return () => {
    if (reading) again = true
    else void run()
  }
}
