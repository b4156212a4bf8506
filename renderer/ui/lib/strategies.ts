import type { Strategy } from '../../../shared/contract'

/** The three restore strategies, as the person chooses between them. */
export const STRATEGIES: Record<Strategy, { label: string; explanation: string }> = {
  selective: {
    label: 'Selective',
    explanation:
      'What Keepsake remembers, the latest messages and what search finds — small and fast. Recommended.',
  },
  log: {
    label: 'Log',
    explanation:
      'Only the most recent messages — cheap, but the assistant must rediscover where things stand.',
  },
  full: {
    label: 'Full',
    explanation:
      'The whole conversation — complete but costly, and it must fit the context window.',
  },
}
