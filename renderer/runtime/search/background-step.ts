interface PostTask {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>
}

const scheduler = (globalThis as { scheduler?: Partial<PostTask> }).scheduler
const postTask = scheduler?.postTask?.bind(scheduler)

/**
 * Resolves in a later task of the lowest priority the platform has (Chromium's
 * `scheduler.postTask` with priority `background`, else the next macrotask). Long background work
 * (loading and catching up the search index) waits on it between steps, so a request that arrives
 * meanwhile (a reply's prompt reading its recent messages) runs first instead of behind it.
 */
export function backgroundStep(): Promise<void> {
  if (postTask) return postTask(() => undefined, { priority: 'background' })
  return new Promise((resolve) => setTimeout(resolve, 0))
}
