/**
 * The read model's order key of a message written at `createdAt` that answers a message written at
 * `question` (null: it answers nothing, or its question is not known). Messages sort by time, except
 * that an answer sorts directly under its question, after earlier answers to it and before the next
 * message: a retried or late answer stands under what it answers, on every device alike. ISO times
 * compare as strings and `~` sorts after every character in them.
 * @example answerOrder('2026-01-01T10:00:00.000Z', '2026-01-01T11:00:00.000Z') // '…10:00:00.000Z~2026…'
 */
export const answerOrder = (question: string | null, createdAt: string): string =>
  question === null || question === '' || question >= createdAt
    ? createdAt
    : `${question}~${createdAt}`
