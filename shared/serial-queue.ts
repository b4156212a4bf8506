/** Runs the task it is given after every task given before it has settled. */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>

/**
 * A queue that runs async tasks one at a time, in the order they were given. Each call settles
 * with its own task's outcome; a task that fails does not stop the ones after it.
 * @example const serial = serialQueue(); void serial(() => write(a)); await serial(() => write(b))
 */
export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task)
    tail = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }
}
